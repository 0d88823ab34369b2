/** A trained model's score on the validation rows: accuracy (classification) or −MSE, for choosing models without test rows. */
import type { PairedDataset } from '@cch-lab/data';
import { accuracy, argMaxRows, meanSquaredError, type TrainedModel } from '@cch-lab/trainers';

/** NaN when the dataset has no validation rows. */
export function validationScore(model: TrainedModel, dataset: PairedDataset): number {
  const rows = dataset.splits.val;
  if (rows === undefined || rows.length === 0) return Number.NaN;
  const out = model.predict(model.inputs(dataset, rows));
  if (dataset.task === 'classification') return accuracy(Int32Array.from(rows, (i) => dataset.labels[i]), argMaxRows(out));
  return -meanSquaredError(Float32Array.from(rows, (i) => dataset.labels[i]), out.data);
}
