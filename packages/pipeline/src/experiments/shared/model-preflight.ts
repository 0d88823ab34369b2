/**
 * Whether the `model` section can be built on the modalities a run trains on, checked before the
 * first cell: a CNN needs images (feature shapes) and blocks that leave its images a pixel. The
 * trainers' own builder decides, on the same shapes the cells pass it, so no shape arithmetic is
 * repeated here. Linear and MLP models fit any width.
 */
import { InvalidInputError, Rng, type ConfigIssue } from '@cch-lab/core';
import { buildModel } from '@cch-lab/trainers';
import type { ModelSection } from '../../toolkit/sections/model-section.js';

export interface ModelInput {
  /** The modality (or its group, e.g. "mrna, cnv and rppa"). */
  name: string;
  width: number;
  featureShape?: readonly number[] | undefined;
}

export function modelIssues(model: ModelSection, inputs: readonly ModelInput[], outputUnits: number): ConfigIssue[] {
  if (model.kind !== 'cnn') return [];
  const issues: ConfigIssue[] = [];
  const notImages = inputs.filter((i) => i.featureShape === undefined || i.featureShape.length !== 3);
  if (notImages.length > 0) {
    issues.push({ path: 'model.kind', message: `a CNN needs images, but ${notImages.map((i) => `${i.name} (${i.width} values a row)`).join(', ')} ${notImages.length === 1 ? 'is a feature vector' : 'are feature vectors'}; use kind mlp or linear` });
  }
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input.featureShape === undefined || input.featureShape.length !== 3 || seen.has(input.featureShape.join('x'))) continue;
    seen.add(input.featureShape.join('x'));
    try {
      // Freed at once; a builder that throws midway leaves its few small variables (the run then stops).
      buildModel(model, { inputWidth: input.width, featureShape: input.featureShape, outputUnits }, new Rng('preflight')).dispose();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const field = typeof error.details.field === 'string' ? error.details.field : 'model';
      issues.push({ path: field.startsWith('model.') && field !== 'model.imageShape' ? field : 'model', message: `the ${input.featureShape.join(' × ')} images of ${input.name}: ${reason(error, field)}${error.hint !== undefined ? ` — ${error.hint}` : ''}` });
    }
  }
  return issues;
}

/** The builder's message without the field it already names (the issue's path says it). */
function reason(error: InvalidInputError, field: string): string {
  return error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
}
