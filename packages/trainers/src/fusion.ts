/**
 * Early fusion: several modalities concatenated column-wise (in the order given) into one input,
 * so one model sees them all — the paper's TCGA "fusion" baseline; "fusion + KD" is the fused
 * student distilled from a teacher (runDistillation with a list as `studentModality`).
 */
import { InvalidInputError, hstack, type Matrix } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';

/** One modality name, or several to fuse. */
export type ModalitySelection = string | readonly string[];

/** The modality list of a selection (a single name becomes a one-element list). */
export function modalityList(selection: ModalitySelection): string[] {
  return typeof selection === 'string' ? [selection] : [...selection];
}

/** A selection's display name: the modality, or the fused ones joined by '+'. */
export function modalityName(selection: ModalitySelection): string {
  return modalityList(selection).join('+');
}

/**
 * The float32 input matrix of a selection: the modality itself, or the column concatenation of
 * several. @throws InvalidInputError for an empty list, a repeated name or a modality the data set lacks.
 */
export function modalityMatrix(dataset: PairedDataset, selection: ModalitySelection, field = 'modality'): Matrix<Float32Array> {
  const names = modalityList(selection);
  if (names.length === 0) {
    throw new InvalidInputError('no modality selected', { details: { field, received: '[]' } });
  }
  const available = Object.keys(dataset.modalities);
  for (const name of names) {
    if (!(name in dataset.modalities)) {
      throw new InvalidInputError(`data set '${dataset.name}' has no modality '${name}' (modalities: ${available.join(', ')})`, {
        details: { field, received: name, valid: available },
      });
    }
  }
  if (new Set(names).size !== names.length) {
    throw new InvalidInputError('a modality is listed twice in the fusion', { details: { field, received: names.join(', ') } });
  }
  const parts = names.map((n) => dataset.modalities[n]);
  const fused = parts.length === 1 ? parts[0] : hstack(parts.map((p) => p.toFloat32()));
  return fused.toFloat32();
}

/** The per-row shape of a selection: the modality's `featureShapes` entry, none for a fusion. */
export function modalityFeatureShape(dataset: PairedDataset, selection: ModalitySelection): number[] | undefined {
  const names = modalityList(selection);
  return names.length === 1 ? dataset.featureShapes?.[names[0]] : undefined;
}

/**
 * The data set with one more modality, the early fusion of `modalities` (named `name`, default
 * their names joined by '+'). Other fields are shared, not copied; `meta.fusions` records it.
 */
export function earlyFusion(dataset: PairedDataset, modalities: readonly string[], name = modalityName(modalities)): PairedDataset {
  const fused = modalityMatrix(dataset, modalities, 'modalities');
  const fusions = Array.isArray(dataset.meta.fusions) ? dataset.meta.fusions : [];
  return {
    ...dataset,
    modalities: { ...dataset.modalities, [name]: fused },
    meta: { ...dataset.meta, fusions: [...fusions, { name, of: [...modalities] }] },
  };
}
