/**
 * A simulated stand-in for a TCGA cohort, for runs where the real data are not present.
 *
 * Model, per sample i of class c_i, omics m and feature j:
 *
 *     x_ij = offset_j + scale_j · ( separation_m · μ_{c_i, j} + w_jᵀ z_i + noise ε_ij )
 *
 * μ_{c, j} ~ N(0, signal²) (signal per cohort, COHORT_PROFILES) on an informative fraction of each omics' features (0 elsewhere), drawn
 * independently per omics, so each omics carries its own evidence about the class (complementary
 * information); z_i ~ N(0, I_r) are latent factors shared by all three omics, so the omics
 * correlate beyond the class (w_j ~ N(0, factorStrength² / r)); ε ~ N(0, 1). separation is
 * 1.0 / 0.5 / 0.4 for mRNA / CNV / RPPA, making mRNA the most informative omics, as in the real
 * cohorts. offset and scale only give each omics a familiar range (mRNA like log2 expression,
 * 2…12; CNV like a log ratio around 0; RPPA centred), they carry no information.
 */
import { InvalidInputError, Matrix } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';
import { assertPairedDataset, stratifiedSplit } from '@cch-lab/data';
import type { PairedDataset } from '@cch-lab/data';
import { OMICS, TCGA_COHORTS } from '../types.js';
import type { Omics, TcgaCohort } from '../types.js';
import { COHORT_PROFILES } from './cohort-profiles.js';

export interface SimulatedCohortOptions {
  cohort: TcgaCohort;
  /** Samples. Default the cohort's (brca 600, kipan 673, lihc 360); at least 2 per class. */
  samples?: number;
  /** Features per omics. Default mrna 200, cnv 200, rppa 100. */
  features?: Partial<Record<Omics, number>>;
}

export const SIMULATED_FEATURES: Readonly<Record<Omics, number>> = Object.freeze({ mrna: 200, cnv: 200, rppa: 100 });

/** Class-mean scale per omics: mRNA most informative, CNV and RPPA weaker. */
export const SIMULATED_SEPARATION: Readonly<Record<Omics, number>> = Object.freeze({ mrna: 1.0, cnv: 0.5, rppa: 0.4 });

/** Generator constants (recorded in meta). */
export const SIMULATION_CONSTANTS = Object.freeze({
  /** Share of each omics' features that carry class means. */
  informativeFraction: 0.25,
  /** Shared latent factors (r). */
  latentFactors: 4,
  /** Norm-scale of the loadings of the shared factors. */
  factorStrength: 1.0,
});

/** The affine range of each omics: offset ~ U(offsetLow, offsetHigh), scale ~ U(scaleLow, scaleHigh). */
const RANGES: Readonly<Record<Omics, { offsetLow: number; offsetHigh: number; scaleLow: number; scaleHigh: number }>> = Object.freeze({
  mrna: { offsetLow: 4, offsetHigh: 10, scaleLow: 0.5, scaleHigh: 1.0 },
  cnv: { offsetLow: -0.1, offsetHigh: 0.1, scaleLow: 0.2, scaleHigh: 0.4 },
  rppa: { offsetLow: -0.5, offsetHigh: 0.5, scaleLow: 0.3, scaleHigh: 1.0 },
});

/** Letter in the simulated barcodes (`TCGA-SB-0001`), one per cohort. */
const BARCODE_LETTER: Readonly<Record<TcgaCohort, string>> = Object.freeze({ brca: 'B', kipan: 'K', lihc: 'L' });

/**
 * A simulated cohort as a PairedDataset: name `tcga-<cohort>-simulated`, source 'simulated',
 * modalities mrna / cnv / rppa (float64), sorted class names, a stratified 70/30 split, and meta
 * with the generator's parameters plus `featureNames` and `sampleIds` (TCGA-style patient
 * barcodes) like a loaded dataset. Deterministic given `rng`'s seed: every draw comes from a
 * stream derived from it by name, and `rng` itself is not advanced.
 *
 * @throws InvalidInputError for an unknown cohort, too few samples, or a bad feature count.
 */
export function simulateTcgaCohort(options: SimulatedCohortOptions, rng: Rng): PairedDataset {
  if (!(TCGA_COHORTS as readonly unknown[]).includes(options?.cohort)) {
    throw new InvalidInputError(`cohort must be one of ${TCGA_COHORTS.join(', ')}`, { details: { field: 'cohort', received: String(options?.cohort) } });
  }
  const cohort = options.cohort;
  const profile = COHORT_PROFILES[cohort];
  const samples = options.samples ?? profile.samples;
  const numClasses = profile.classes.length;
  if (!Number.isInteger(samples) || samples < 2 * numClasses) {
    throw new InvalidInputError(`samples must be an integer ≥ ${2 * numClasses} (2 per class of ${cohort})`, {
      details: { field: 'samples', received: String(samples) },
    });
  }
  const features = { ...SIMULATED_FEATURES, ...(options.features ?? {}) };
  for (const o of OMICS) {
    if (!Number.isInteger(features[o]) || features[o] < 1) {
      throw new InvalidInputError('a feature count is a positive integer', { details: { field: `features.${o}`, received: String(features[o]) } });
    }
  }

  const classCounts = classSizes(profile.weights, samples);
  const labels = new Int32Array(samples);
  let at = 0;
  for (const [c, count] of classCounts.entries()) labels.fill(c, at, (at += count));
  rng.derive('class-order').shuffleInPlace(labels);

  const { latentFactors: r, informativeFraction, factorStrength } = SIMULATION_CONSTANTS;
  const signal = profile.signal;
  const z = rng.derive('factors').normals(samples * r);
  const modalities: Record<Omics, Matrix<Float64Array>> = {} as Record<Omics, Matrix<Float64Array>>;
  const featureNames: Record<Omics, string[]> = {} as Record<Omics, string[]>;
  for (const o of OMICS) {
    const d = features[o];
    const stream = rng.derive(o);
    const informative = stream.derive('informative').permutation(d).slice(0, Math.round(informativeFraction * d));
    const means = new Float64Array(numClasses * d);
    const meanDraws = stream.derive('class-means');
    for (const j of informative) for (let c = 0; c < numClasses; c++) means[c * d + j] = SIMULATED_SEPARATION[o] * signal * meanDraws.normal();
    const loadings = stream.derive('loadings').normals(d * r);
    const loadingScale = factorStrength / Math.sqrt(r);
    const range = RANGES[o];
    const affine = stream.derive('range');
    const offset = Float64Array.from({ length: d }, () => affine.uniformIn(range.offsetLow, range.offsetHigh));
    const scale = Float64Array.from({ length: d }, () => affine.uniformIn(range.scaleLow, range.scaleHigh));
    const noise = stream.derive('noise');
    const x = Matrix.zeros(samples, d);
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < d; j++) {
        let shared = 0;
        for (let q = 0; q < r; q++) shared += loadings[j * r + q] * z[i * r + q];
        const latent = means[labels[i] * d + j] + loadingScale * shared + noise.normal();
        x.data[i * d + j] = offset[j] + scale[j] * latent;
      }
    }
    modalities[o] = x;
    featureNames[o] = Array.from({ length: d }, (_, j) => `${o}_${String(j + 1).padStart(4, '0')}`);
  }

  const letter = BARCODE_LETTER[cohort];
  const sampleIds = Array.from({ length: samples }, (_, i) => `TCGA-S${letter}-${(i + 1).toString(36).toUpperCase().padStart(4, '0')}`);
  const dataset: PairedDataset = {
    name: `tcga-${cohort}-simulated`,
    source: 'simulated',
    modalities,
    labels,
    task: 'classification',
    classes: [...profile.classes],
    splits: stratifiedSplit(labels, { train: 0.7, test: 0.3, rng: rng.derive('split') }),
    meta: {
      generator: 'simulateTcgaCohort',
      cohort,
      seed: rng.seed,
      samples,
      features,
      classCounts: Object.fromEntries(profile.classes.map((c, k) => [c, classCounts[k]])),
      signal,
      separation: { ...SIMULATED_SEPARATION },
      ...SIMULATION_CONSTANTS,
      fixedSplit: false,
      featureNames,
      sampleIds,
      log2Hint: { mrna: 'already-logged', cnv: 'unknown', rppa: 'unknown' },
    },
  };
  assertPairedDataset(dataset, 'simulateTcgaCohort');
  return dataset;
}

/** Whole class sizes from weights by largest remainder, each at least 2 (taken from the largest class). */
function classSizes(weights: readonly number[], n: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * n);
  const sizes = exact.map(Math.floor);
  const order = exact.map((e, k) => ({ k, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.k - b.k);
  const short = n - sizes.reduce((a, b) => a + b, 0);
  for (let p = 0; p < short; p++) sizes[order[p].k] += 1;
  for (let k = 0; k < sizes.length; k++) {
    while (sizes[k] < 2) {
      const donor = sizes.indexOf(Math.max(...sizes));
      sizes[donor] -= 1;
      sizes[k] += 1;
    }
  }
  return sizes;
}
