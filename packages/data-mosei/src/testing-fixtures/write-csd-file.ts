/**
 * Writes a computational sequence (.csd) with h5wasm in the SDK's layout: `<root>/data/<video>/
 * features|intervals` (gzip 9 — h5wasm compresses only with explicit chunks, so each dataset is one
 * chunk) and `<root>/metadata/<key>` as a one-element string dataset holding JSON.
 */
import h5wasm from 'h5wasm/node';

export interface CsdVideoSpec {
  /** frames × dim, row-major. */
  features: Float32Array | Float64Array;
  /** [start, end] seconds per frame. */
  intervals: ReadonlyArray<readonly [number, number]>;
}

export interface CsdFileSpec {
  /** The root group's name. */
  root: string;
  dim: number;
  videos: Record<string, CsdVideoSpec>;
  /** Written as JSON.stringify(value). */
  metadata?: Record<string, unknown>;
  /** Written as is (e.g. text that is not JSON). */
  rawMetadata?: Record<string, string>;
  /** More top-level groups (an invalid file with several roots). */
  extraRoots?: string[];
  /** Videos whose `features` dataset is left out (an invalid file). */
  omitFeatures?: string[];
  /** Write uncompressed, contiguous datasets. Default false (gzip 9, one chunk per dataset). */
  uncompressed?: boolean;
}

/** Writes `spec` to `file` (overwriting it). */
export async function writeCsdFile(file: string, spec: CsdFileSpec): Promise<string> {
  await h5wasm.ready;
  const f = new h5wasm.File(file, 'w');
  try {
    const root = f.create_group(spec.root);
    const data = root.create_group('data');
    for (const [video, v] of Object.entries(spec.videos)) {
      const g = data.create_group(video);
      const frames = v.intervals.length;
      if (!(spec.omitFeatures ?? []).includes(video)) {
        const dtype = v.features instanceof Float32Array ? '<f4' : '<d';
        g.create_dataset({ name: 'features', data: v.features, shape: [frames, spec.dim], dtype, ...packed(spec, [frames, spec.dim]) });
      }
      const intervals = Float64Array.from(v.intervals.flat());
      g.create_dataset({ name: 'intervals', data: intervals, shape: [frames, 2], dtype: '<d', ...packed(spec, [frames, 2]) });
    }
    const md = root.create_group('metadata');
    for (const [key, value] of Object.entries(spec.metadata ?? {})) md.create_dataset({ name: key, data: [JSON.stringify(value)] });
    for (const [key, value] of Object.entries(spec.rawMetadata ?? {})) md.create_dataset({ name: key, data: [value] });
    for (const extra of spec.extraRoots ?? []) f.create_group(extra);
  } finally {
    f.close();
  }
  return file;
}

function packed(spec: CsdFileSpec, shape: number[]): { chunks?: number[]; compression?: 'gzip'; compression_opts?: number } {
  if (spec.uncompressed === true || shape[0] === 0) return {};
  return { chunks: shape, compression: 'gzip', compression_opts: 9 };
}
