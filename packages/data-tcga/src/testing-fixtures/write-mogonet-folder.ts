/** Writes a dataset in the MOGONET layout (views k_tr/k_te/k_featname, labels_tr/labels_te). */
import { MOGONET_VIEWS } from '../files/resolve-options.js';
import type { PairedDataset } from '@cch-lab/data';
import { OMICS } from '../types.js';
import type { Omics } from '../types.js';
import { writeText } from './temp-dir.js';
import { featureNamesOf } from './tiny-cohort.js';

export interface MogonetFixtureOptions {
  views?: Partial<Record<Omics, number>>;
}

/** Train rows (splits.train, in order) go to `_tr`, test rows to `_te`; labels as class indices. Returns `dir`. */
export function writeMogonetFolder(dir: string, ds: PairedDataset, options: MogonetFixtureOptions = {}): string {
  const views = { ...MOGONET_VIEWS, ...options.views };
  const parts = { tr: ds.splits.train, te: ds.splits.test };
  for (const o of OMICS) {
    const x = ds.modalities[o];
    if (x === undefined) continue;
    const k = views[o];
    for (const [suffix, rows] of Object.entries(parts)) {
      writeText(dir, `${k}_${suffix}.csv`, Array.from(rows, (i) => Array.from(x.row(i)).map(String).join(',')).join('\n') + '\n');
    }
    writeText(dir, `${k}_featname.csv`, featureNamesOf(ds, o).join('\n') + '\n');
  }
  for (const [suffix, rows] of Object.entries(parts)) {
    writeText(dir, `labels_${suffix}.csv`, Array.from(rows, (i) => String(ds.labels[i])).join('\n') + '\n');
  }
  return dir;
}
