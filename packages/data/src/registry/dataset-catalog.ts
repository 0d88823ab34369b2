/**
 * The catalog of real data sets (the Kedro-style catalog: one entry per data set, read by the
 * loaders' error messages and by `cch doctor` alike): where each lives under the data folder, the
 * layouts its loader reads with the files that mark each present, and the data-script that
 * fetches it where a network exists.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const DATASET_NAMES = ['mnist', 'mnist-m', 'mosei', 'tcga-brca', 'tcga-kipan', 'tcga-lihc'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export interface DatasetLayout {
  /** Files (relative to the data set's folder) any one of which marks this layout present. */
  markers: readonly string[];
  description: string;
}

export interface DatasetEntry {
  title: string;
  /** The experiment (config) that reads it. */
  usedBy: string;
  /** Its folder under the data directory. */
  folder: string;
  layouts: Readonly<Record<string, DatasetLayout>>;
  /** Where the fetch instructions and script live. */
  fetch: string;
}

const tcgaLayouts: Record<string, DatasetLayout> = {
  mogonet: { markers: ['1_tr.csv'], description: 'MOGONET: <view>_tr.csv, <view>_te.csv, <view>_featname.csv, labels_tr.csv, labels_te.csv' },
  mogcn: { markers: ['fpkm_data.csv'], description: 'MoGCN: fpkm_data.csv, gistic_data.csv, rppa_data.csv, sample_classes.csv' },
  xena: { markers: ['HiSeqV2', 'HiSeqV2.gz'], description: 'UCSC Xena: HiSeqV2, Gistic2_CopyNumber_Gistic2_all_thresholded.by_genes, RPPA, <COHORT>_clinicalMatrix' },
};

const tcga = (cohort: string): DatasetEntry => ({
  title: `TCGA ${cohort.toUpperCase()}`,
  usedBy: 'tcga (configs/tcga.yaml)',
  folder: `tcga/${cohort}`,
  layouts: tcgaLayouts,
  fetch: 'data-scripts/tcga/README.md',
});

export const DATASET_CATALOG: Readonly<Record<DatasetName, DatasetEntry>> = Object.freeze({
  mnist: {
    title: 'MNIST (IDX)',
    usedBy: 'the image experiment',
    folder: 'mnist',
    layouts: { idx: { markers: ['train-images-idx3-ubyte', 'train-images-idx3-ubyte.gz'], description: 'train-/t10k- images and labels, IDX, plain or gzip' } },
    fetch: 'data-scripts/README.md',
  },
  'mnist-m': {
    title: 'MNIST-M',
    usedBy: 'the image experiment',
    folder: 'mnist_m',
    layouts: {
      png: { markers: ['mnist_m_train_labels.txt'], description: 'mnist_m_train/*.png, mnist_m_test/*.png with mnist_m_{train,test}_labels.txt' },
      pickle: { markers: ['mnistm_data.pkl'], description: 'the aligned pickle (train / valid / test in MNIST order)' },
    },
    fetch: 'data-scripts/README.md',
  },
  mosei: {
    title: 'CMU-MOSEI',
    usedBy: 'the MOSEI experiment',
    folder: 'mosei',
    layouts: {
      csd: { markers: ['CMU_MOSEI_Labels.csd'], description: 'CMU Multimodal SDK computational sequences (HDF5): CMU_MOSEI_{TimestampedWordVectors,COVAREP,VisualFacet42,Labels}.csd' },
      // The arrays reader's order (data-mosei resolve-options): split folders, then top-level .npy, then one HDF5 file.
      arrays: { markers: ['train/text.npy', 'text.npy', 'mosei_aligned.h5'], description: 'word-aligned arrays: {train,valid,test}/{text,audio,vision,labels}.npy, the same four .npy at the top, or mosei_aligned.h5' },
    },
    fetch: 'data-scripts/mosei/README.md',
  },
  'tcga-brca': tcga('brca'),
  'tcga-kipan': tcga('kipan'),
  'tcga-lihc': tcga('lihc'),
});

export interface DatasetPresence {
  name: DatasetName;
  entry: DatasetEntry;
  present: boolean;
  /** The layout found, and the marker file that showed it. */
  layout?: string;
  path?: string;
  lookedFor: string[];
}

/** Which catalogued data sets are under `dataDir`, and in which layout. */
export function findDatasets(dataDir: string): DatasetPresence[] {
  return DATASET_NAMES.map((name) => {
    const entry = DATASET_CATALOG[name];
    const lookedFor: string[] = [];
    for (const [layout, { markers }] of Object.entries(entry.layouts)) {
      for (const marker of markers) {
        const file = path.join(dataDir, entry.folder, marker);
        lookedFor.push(file);
        if (existsSync(file)) return { name, entry, present: true, layout, path: file, lookedFor };
      }
    }
    return { name, entry, present: false, lookedFor };
  });
}
