/**
 * Collapse of one word-aligned row (steps × dim) over its non-padding steps. The SDK's
 * get_tensors left-pads each segment with all-zero steps to the sequence length, so a step whose
 * features are all exactly 0 in a modality is padding there; every other step counts, −inf and NaN
 * included (segmentMean turns them into 0 and counts them).
 */
import { segmentMean } from '../collapse/segment-mean.js';

/**
 * Writes the mean of row `row`'s non-padding steps to out[outOffset…]; returns null when the row
 * is all padding (nothing written), else the number of non-finite values.
 *
 * @param data rows × steps × dim, row-major.
 * @param scratch at least `steps` entries.
 */
export function collapsePadded(
  data: ArrayLike<number> & { subarray(begin: number, end: number): ArrayLike<number> },
  row: number,
  steps: number,
  dim: number,
  out: Float32Array,
  outOffset: number,
  scratch: Int32Array,
): number | null {
  const block = data.subarray(row * steps * dim, (row + 1) * steps * dim);
  let kept = 0;
  for (let t = 0; t < steps; t++) {
    let padding = true;
    for (let j = t * dim, end = j + dim; j < end; j++) {
      if (block[j] !== 0) {
        padding = false;
        break;
      }
    }
    if (!padding) scratch[kept++] = t;
  }
  if (kept === 0) return null;
  return segmentMean(block, scratch.subarray(0, kept), steps, dim, out, outOffset);
}
