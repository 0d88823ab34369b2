/**
 * Alignment of the three modality sequences to the labelled segments (the SDK's
 * `mmdataset.align(labels)` followed by `hard_unify`), each segment collapsed with segmentMean.
 * Streams one video at a time: only that video's frames of each modality are in memory.
 */
import { InvalidInputError } from '@cch-lab/core';
import type { CsdSequence } from '../csd/read-csd.js';
import type { CsdVideo } from '../csd/read-csd.js';
import { segmentMean } from '../collapse/segment-mean.js';
import { filledSegments, segmentBuffers } from '../collapse/segment-buffers.js';
import { MOSEI_MODALITIES, emptyDrops } from '../types.js';
import type { MoseiDrops, MoseiModality, MoseiSegments } from '../types.js';
import { intersectFrames, isZeroLength } from './intersect-frames.js';

export interface AlignSources {
  /** The labels sequence: per video one row per labelled segment, sentiment in column 0. */
  labels: CsdSequence;
  modalities: Record<MoseiModality, CsdSequence>;
}

/** Segment counts behind MoseiDrops (a video missing from two modalities counts under both). */
export interface AlignCounts {
  videosLabelled: number;
  segmentsLabelled: number;
  segmentsAligned: number;
  /** Segments of videos absent from a modality. */
  segmentsOfMissingVideos: Record<MoseiModality, number>;
  /** Labelled segments dropped for any reason (each once). */
  segmentsDropped: number;
}

export interface AlignResult {
  segments: MoseiSegments;
  /** `sentimentZero` stays 0 here: it belongs to the label mode (see loadMosei). */
  drops: MoseiDrops;
  counts: AlignCounts;
}

/**
 * Aligns every labelled segment. Per video of the labels sequence: a video absent from a modality
 * drops all its segments (`videosMissing`); a zero-length segment is skipped
 * (`zeroLengthSegments`); a segment with no intersecting frame in a modality is dropped
 * (`segmentsNoFrames`, per modality); the rest are collapsed to the mean of their frames, with
 * non-finite values counted (`nonFinite`). Ids are `<video>[<i>]`, i the segment's row.
 *
 * @throws InvalidInputError for a labels sequence without a sentiment column, or unreadable data.
 */
export function alignToLabels(sources: AlignSources): AlignResult {
  const { labels, modalities } = sources;
  if (labels.dim < 1) {
    throw new InvalidInputError(`the labels sequence '${labels.root}' has no feature column (sentiment is column 0)`, {
      details: { file: labels.file, field: `/${labels.root}/data`, group: `/${labels.root}/data`, received: `width ${labels.dim}` },
    });
  }
  const dims = { text: modalities.text.dim, audio: modalities.audio.dim, visual: modalities.visual.dim };
  let capacity = 0;
  for (const v of labels.videoIds) capacity += labels.frames.get(v) as number;
  const buffers = segmentBuffers(capacity, dims);
  const { features, sentiment } = buffers;
  const ids: string[] = [];
  const videos: string[] = [];
  const drops = emptyDrops();
  const counts: AlignCounts = { videosLabelled: labels.videoIds.length, segmentsLabelled: capacity, segmentsAligned: 0, segmentsOfMissingVideos: { text: 0, audio: 0, visual: 0 }, segmentsDropped: 0 };
  const maxFrames = Math.max(1, ...MOSEI_MODALITIES.flatMap((m) => [...modalities[m].frames.values()]));
  const scratch = { text: new Int32Array(maxFrames), audio: new Int32Array(maxFrames), visual: new Int32Array(maxFrames) };

  for (const video of labels.videoIds) {
    const ref = labels.read(video);
    const missing = MOSEI_MODALITIES.filter((m) => !modalities[m].has(video));
    if (missing.length > 0) {
      for (const m of missing) {
        drops.videosMissing[m] += 1;
        counts.segmentsOfMissingVideos[m] += ref.frames;
      }
      counts.segmentsDropped += ref.frames;
      continue;
    }
    const data = {} as Record<MoseiModality, CsdVideo>;
    for (const m of MOSEI_MODALITIES) data[m] = modalities[m].read(video);
    for (let i = 0; i < ref.frames; i++) {
      const start = ref.intervals[2 * i];
      const end = ref.intervals[2 * i + 1];
      if (isZeroLength(start, end)) {
        drops.zeroLengthSegments += 1;
        counts.segmentsDropped += 1;
        continue;
      }
      const rows = {} as Record<MoseiModality, Int32Array>;
      let empty = false;
      for (const m of MOSEI_MODALITIES) {
        rows[m] = intersectFrames(data[m].intervals, data[m].frames, start, end, scratch[m]);
        if (rows[m].length === 0) {
          drops.segmentsNoFrames[m] += 1;
          empty = true;
        }
      }
      if (empty) {
        counts.segmentsDropped += 1;
        continue;
      }
      const k = ids.length;
      for (const m of MOSEI_MODALITIES) drops.nonFinite[m] += segmentMean(data[m].features, rows[m], data[m].frames, dims[m], features[m], k * dims[m]);
      ids.push(`${video}[${i}]`);
      videos.push(video);
      const score = ref.features[i * ref.dim];
      if (!Number.isFinite(score)) {
        throw new InvalidInputError(`sentiment of segment ${i} of video '${video}' is ${score}; scores must be finite`, {
          details: { file: labels.file, field: `/${labels.root}/data/${video}/features`, group: `/${labels.root}/data/${video}`, received: String(score) },
        });
      }
      sentiment[k] = score;
    }
  }
  counts.segmentsAligned = ids.length;
  return {
    segments: filledSegments(buffers, ids, videos, dims),
    drops,
    counts,
  };
}
