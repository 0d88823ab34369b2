/**
 * The brute force's SIMD kernels (wasm/kernel.wat, compiled into wasm/kernel-bytes.ts): one
 * instance per thread, created on first use, with one growing memory that holds the column
 * layout and the outputs of the job at hand. The same kernels run in this thread and in the
 * engine's workers.
 */
import { SCREEN_WIDTH, type ColumnLayout } from './column-layout.js';
import { KERNEL_WASM_BASE64 } from './wasm/kernel-bytes.js';

/** The subset of the WebAssembly JS API used here (the project's lib settings do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: KernelExports };
}

interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  count(
 cols: number, order: number, vals: number, rows: number, vecs: number, t: number, counts: number, cand: number,
    i0: number, i1: number, j0: number, j1: number, diag: number,
  ): void;
  knn(
 cols: number, order: number, vals: number, rows: number, vecs: number, tau: number, dist: number, idx: number,
    k: number, cand: number, i0: number, i1: number, j0: number, j1: number, diag: number,
  ): void;
}

const PAGE = 65536;
let kernel: KernelExports | undefined;

function instance(): KernelExports {
  if (kernel === undefined) {
    const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const bytes = Uint8Array.from(Buffer.from(KERNEL_WASM_BASE64, 'base64'));
    kernel = new api.Instance(new api.Module(bytes), {}).exports;
  }
  return kernel;
}

/** Byte addresses of one job's arrays in the kernel's memory. */
interface Placed {
  k: KernelExports;
  n: number;
  cols: number;
  order: number;
  vals: number;
  rows: number;
  vecs: number;
  /** Radii (counts) or k-th-distance bounds (k-NN), n f64. */
  t: number;
  cand: number;
  /** Outputs: counts (n i32), or distances (n·k f64) then indices (n·k i32). */
  out: number;
  out2: number;
}

/** Copies a layout and its per-point thresholds into the kernel's memory, with room for outputs. */
function place(layout: ColumnLayout, t: Float64Array, outBytes: number, out2Bytes: number): Placed {
  const k = instance();
  const { n, dim, vecs } = layout;
  const stride = SCREEN_WIDTH;
  const align = (b: number): number => (b + 15) & ~15;
  const cols = 0;
  const order = align(cols + n * dim * 8);
  const vals = align(order + n * stride * 4);
  const rows = align(vals + n * stride * 8);
  const tb = align(rows + n * vecs * 16);
  const cand = align(tb + n * 8);
  const out = align(cand + n * 4);
  const out2 = align(out + outBytes);
  const end = out2 + out2Bytes;
  const have = k.memory.buffer.byteLength;
  if (end > have) k.memory.grow(Math.ceil((end - have) / PAGE));
  const buffer = k.memory.buffer;
  new Float64Array(buffer, cols, n * dim).set(layout.columns);
  new Int32Array(buffer, order, n * stride).set(layout.screen);
  new Float64Array(buffer, vals, n * stride).set(layout.screenValues);
  new Float64Array(buffer, rows, n * vecs * 2).set(layout.rows);
  new Float64Array(buffer, tb, n).set(t);
  return { k, n, cols, order, vals, rows, vecs, t: tb, cand, out, out2 };
}

/**
 * Radius counts over the given tile pairs ([a0, b0, a1, b1, …], `rows` points per tile): every
 * pair (i < j) within its radius adds 1 to both points' counts. strict: < r, else ≤ r.
 */
export function wasmCount(layout: ColumnLayout, radii: Float64Array, strict: boolean, pairs: Int32Array, rows: number): Int32Array {
  // The kernel tests d ≤ t only: for doubles d ≥ 0, d < r exactly when d ≤ the largest double below r.
  const t = strict ? Float64Array.from(radii, below) : radii;
  const p = place(layout, t, layout.n * 4, 0);
  const { n } = p;
  new Int32Array(p.k.memory.buffer, p.out, n).fill(0);
  for (let q = 0; q < pairs.length; q += 2) {
    const a = pairs[q];
    const b = pairs[q + 1];
    const i0 = a * rows;
    const j0 = b * rows;
    p.k.count(p.cols, p.order, p.vals, p.rows, p.vecs, p.t, p.out, p.cand, i0, Math.min(n, i0 + rows), j0, Math.min(n, j0 + rows), +(a === b));
  }
  return new Int32Array(p.k.memory.buffer, p.out, n).slice();
}

/**
 * k nearest neighbours over the given tile pairs: every pair within max(τ_i, τ_j) is offered to
 * both points' lists. τ starts at +∞, or — with `seedPairs` — at each point's k-th distance
 * among those pairs (a first pass, whose lists are then discarded): an upper bound on its true
 * k-th distance, so no pair that belongs in a list is ever skipped, and far pairs are skipped
 * from the first tile on. Returns full-size lists sorted by (distance, index), (+∞, n) where
 * fewer than k were offered.
 */
export function wasmKNearest(
  layout: ColumnLayout,
  k: number,
  pairs: Int32Array,
  rows: number,
  seedPairs?: Int32Array,
): { distances: Float64Array; indices: Int32Array } {
  const { n } = layout;
  const p = place(layout, new Float64Array(n).fill(Number.POSITIVE_INFINITY), n * k * 8, n * k * 4);
  const buffer = p.k.memory.buffer;
  const distances = new Float64Array(buffer, p.out, n * k);
  const indices = new Int32Array(buffer, p.out2, n * k);
  const pass = (tiles: Int32Array): void => {
    distances.fill(Number.POSITIVE_INFINITY);
    indices.fill(n);
    for (let q = 0; q < tiles.length; q += 2) {
      const a = tiles[q];
      const b = tiles[q + 1];
      const i0 = a * rows;
      const j0 = b * rows;
      p.k.knn(p.cols, p.order, p.vals, p.rows, p.vecs, p.t, p.out, p.out2, k, p.cand, i0, Math.min(n, i0 + rows), j0, Math.min(n, j0 + rows), +(a === b));
    }
  };
  if (seedPairs !== undefined) {
    pass(seedPairs);
    const tau = new Float64Array(buffer, p.t, n);
    for (let i = 0; i < n; i++) tau[i] = distances[i * k + k - 1];
  }
  pass(pairs);
  return { distances: distances.slice(), indices: indices.slice() };
}

const bits = new Float64Array(1);
// The two 32-bit halves of `bits` (little-endian, as on every platform Node runs on).
const half = new Uint32Array(bits.buffer);

/** The largest double below r (r ≥ 0; below(0) is −(smallest subnormal), below(+∞) the largest finite). */
export function below(r: number): number {
  if (r === 0) return -Number.MIN_VALUE;
  bits[0] = r;
  // For r > 0 the bit pattern read as an integer is increasing in r: subtract 1 from it.
  if (half[0] === 0) {
    half[0] = 0xffffffff;
    half[1] -= 1;
  } else half[0] -= 1;
  return bits[0];
}
