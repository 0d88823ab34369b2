/**
 * One cohort of one repeat, ready for the distillation cell: loaded (real files, or the simulated
 * stand-in drawn once per config seed and cohort, like a real cohort that stays the same across
 * repeats), split (the layout's fixed split, else a stratified split from this repeat's stream),
 * a validation split carved from the training rows, and preprocessed with statistics fitted on
 * the training rows only.
 */
import { Rng, contentHash } from '@cch-lab/core';
import { fingerprintFiles, type PairedDataset } from '@cch-lab/data';
import { loadTcga, preprocessOmics, simulateTcgaCohort, tcgaFiles, type PreprocessReport, type TcgaCohort } from '@cch-lab/data-tcga';
import { memoDataset } from '../../toolkit/dataset-memo.js';
import { splitForRepeat } from '../../toolkit/split-for-repeat.js';
import { wantsRealData } from '../../toolkit/sections/data-section.js';
import { tcgaLoadOptions, type TcgaConfig, type TcgaDataSection } from './tcga-config.js';

export interface PreparedCohort {
  dataset: PairedDataset;
  preprocess: PreprocessReport;
  fixedSplit: boolean;
}

/** The data files a cohort reads ([] for the simulated stand-in). @throws DataNotFoundError listing missing files. */
export function cohortFiles(name: string, section: TcgaDataSection, omics: TcgaConfig['omics']): string[] {
  return wantsRealData(section) ? tcgaFiles(tcgaLoadOptions(name, section, omics)) : [];
}

export function loadCohort(name: string, section: TcgaDataSection, omics: TcgaConfig['omics'], seed: number): PairedDataset {
  if (wantsRealData(section)) {
    const files = cohortFiles(name, section, omics);
    return memoDataset(`tcga:${name}:${contentHash({ section, omics, files: fingerprintFiles(files) })}`, () => loadTcga(tcgaLoadOptions(name, section, omics)));
  }
  const profile = section.cohort as TcgaCohort;
  return memoDataset(`tcga-simulated:${contentHash({ name, profile, samples: section.samples ?? null, seed })}`, () =>
    simulateTcgaCohort({ cohort: profile, ...(section.samples !== undefined ? { samples: section.samples } : {}) }, new Rng(seed).derive('cohort').derive(name)),
  );
}

export function prepareCohort(loaded: PairedDataset, config: TcgaConfig, rng: Rng): PreparedCohort {
  const modalities = Object.fromEntries(config.omics.map((o) => [o, loaded.modalities[o]]));
  const split = splitForRepeat({ ...loaded, modalities }, config.split, rng);
  const { dataset, report } = preprocessOmics(split, split.splits.train, { log2: config.preprocess.log2, topK: config.preprocess.topK, standardize: config.preprocess.standardize });
  return { dataset, preprocess: report, fixedSplit: loaded.meta.fixedSplit === true };
}
