/** The four label modes of MOSEI's sentiment score (see MOSEI_LABEL_MODES). */
import { InvalidInputError } from '@cch-lab/core';
import type { Task } from '@cch-lab/data';
import type { MoseiLabelMode } from '../types.js';

export interface SentimentLabels {
  task: Task;
  labels: Int32Array | Float32Array;
  /** Class names in index order (classification only). */
  classes?: string[];
  /** Indices of the segments kept (binary-nonzero drops those scored exactly 0). */
  keep: Int32Array;
}

const SEVEN_CLASSES = ['-3', '-2', '-1', '0', '1', '2', '3'];

/** @throws InvalidInputError for a non-finite score (the caller names the file). */
export function sentimentLabels(sentiment: ArrayLike<number>, mode: MoseiLabelMode): SentimentLabels {
  const n = sentiment.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(sentiment[i])) {
      throw new InvalidInputError(`sentiment score ${i} is ${sentiment[i]}; scores must be finite`, { details: { field: 'sentiment', received: String(sentiment[i]) } });
    }
  }
  const all = Int32Array.from({ length: n }, (_, i) => i);
  switch (mode) {
    case 'binary':
      return { task: 'classification', labels: Int32Array.from(all, (i) => (sentiment[i] >= 0 ? 1 : 0)), classes: ['negative', 'non-negative'], keep: all };
    case 'binary-nonzero': {
      const keep = all.filter((i) => sentiment[i] !== 0);
      return { task: 'classification', labels: Int32Array.from(keep, (i) => (sentiment[i] > 0 ? 1 : 0)), classes: ['negative', 'positive'], keep };
    }
    case 'seven-class':
      // Halves round up (Math.round), where numpy would round to even: MOSEI's scores are means of
      // annotators' integers, mostly thirds, so the two rules rarely differ; the README says which.
      return { task: 'classification', labels: Int32Array.from(all, (i) => Math.min(3, Math.max(-3, Math.round(sentiment[i]))) + 3), classes: [...SEVEN_CLASSES], keep: all };
    case 'sentiment':
      return { task: 'regression', labels: Float32Array.from(all, (i) => sentiment[i]), keep: all };
  }
}
