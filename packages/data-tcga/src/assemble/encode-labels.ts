/** Class texts → class indices, with the class names sorted. */

export interface EncodedLabels {
  labels: Int32Array;
  /** Sorted: numerically when every label is an integer, otherwise in code-unit order. */
  classes: string[];
  /** Samples per class, in `classes` order. */
  counts: number[];
}

const INTEGER = /^[+-]?\d+$/;

export function encodeLabels(texts: readonly string[]): EncodedLabels {
  const distinct = [...new Set(texts)];
  const numeric = distinct.every((t) => INTEGER.test(t));
  const classes = numeric
    ? distinct.sort((a, b) => Number(a) - Number(b))
    : distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(classes.map((c, i) => [c, i]));
  const labels = Int32Array.from(texts, (t) => index.get(t) as number);
  const counts = classes.map(() => 0);
  for (const y of labels) counts[y] += 1;
  return { labels, classes, counts };
}
