/** Class labels as indicator columns, for the estimators' discrete forms. */
import { Matrix } from '@cch-lab/core';

/**
 * n × C indicator matrix of the C distinct labels (sorted), or n × (C − 1) with `dropLast` (the
 * last class implied), which keeps a covariance non-singular.
 */
export function oneHot(labels: Int32Array, options: { dropLast?: boolean } = {}): { matrix: Matrix<Float64Array>; classes: number[] } {
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const column = new Map(classes.map((c, j) => [c, j]));
  const width = options.dropLast === true ? classes.length - 1 : classes.length;
  const out = Matrix.zeros(labels.length, width);
  for (let i = 0; i < labels.length; i++) {
    const j = column.get(labels[i]) as number;
    if (j < width) out.data[i * width + j] = 1;
  }
  return { matrix: out, classes };
}
