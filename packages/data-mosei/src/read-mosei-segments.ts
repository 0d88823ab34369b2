/** The layout-specific half of a load: files → collapsed segments, drops and provenance. */
import { alignToLabels } from './align/align-to-labels.js';
import type { AlignCounts } from './align/align-to-labels.js';
import { readArrays } from './arrays/read-arrays.js';
import type { ArraysResult } from './arrays/read-arrays.js';
import { openCsd } from './csd/read-csd.js';
import type { CsdSequence } from './csd/read-csd.js';
import type { MoseiSequenceKey, ResolvedMosei } from './files/resolve-options.js';
import { MOSEI_MODALITIES } from './types.js';
import type { MoseiDrops, MoseiModality, MoseiSegments } from './types.js';

/** What one sequence file held (csd layout). */
export interface MoseiSequenceInfo {
  file: string;
  root: string;
  videos: number;
  /** Frames over every video (labels: labelled segments). */
  frames: number;
  dim: number;
  metadata: Record<string, unknown>;
}

export interface MoseiRead {
  segments: MoseiSegments;
  drops: MoseiDrops;
  /** csd: per sequence; the alignment counts. */
  sequences?: Record<MoseiSequenceKey, MoseiSequenceInfo>;
  align?: AlignCounts;
  /** arrays: rows and the stored split. */
  arrays?: Omit<ArraysResult, 'segments' | 'drops'>;
}

/** Reads the files of `resolved` (all present). @throws InvalidInputError as openCsd / readArrays. */
export async function readMoseiSegments(resolved: ResolvedMosei): Promise<MoseiRead> {
  if (resolved.layout === 'arrays') {
    const { segments, drops, ...arrays } = await readArrays(resolved);
    return { segments, drops, arrays };
  }
  const files = resolved.csd as Record<MoseiSequenceKey, string>;
  const open: CsdSequence[] = [];
  try {
    const seq = {} as Record<MoseiSequenceKey, CsdSequence>;
    for (const key of [...MOSEI_MODALITIES, 'labels'] as const) {
      seq[key] = await openCsd(files[key]);
      open.push(seq[key]);
    }
    const modalities = { text: seq.text, audio: seq.audio, visual: seq.visual } as Record<MoseiModality, CsdSequence>;
    const { segments, drops, counts } = alignToLabels({ labels: seq.labels, modalities });
    const sequences = {} as Record<MoseiSequenceKey, MoseiSequenceInfo>;
    for (const [key, s] of Object.entries(seq) as [MoseiSequenceKey, CsdSequence][]) {
      let frames = 0;
      for (const f of s.frames.values()) frames += f;
      sequences[key] = { file: s.file, root: s.root, videos: s.videoIds.length, frames, dim: s.dim, metadata: smallMetadata(s.metadata) };
    }
    return { segments, drops, sequences, align: counts };
  } finally {
    for (const s of open) s.close();
  }
}

/** Metadata values small enough for `meta` (long lists such as 'dimension names' are summarised). */
const METADATA_MAX_CHARS = 500;

export function smallMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) {
    const text = JSON.stringify(v) ?? 'null';
    out[k] = text.length <= METADATA_MAX_CHARS ? v : Array.isArray(v) ? `(${v.length} entries)` : `(${text.length} characters)`;
  }
  return out;
}
