/** Writes a dataset in the MoGCN layout (per-omics CSV, samples × features; sample_classes.csv). */
import type { PairedDataset } from '@cch-lab/data';
import { MOGCN_FILES, MOGCN_LABELS_FILE } from '../files/resolve-options.js';
import { OMICS } from '../types.js';
import type { Omics, TcgaSource } from '../types.js';
import { writeText } from './temp-dir.js';
import { featureNamesOf, sampleIdsOf } from './tiny-cohort.js';

export interface MogcnFixtureOptions {
  /** Sample ids to leave out of a file (to exercise the intersection). */
  leaveOut?: Partial<Record<TcgaSource, readonly string[]>>;
  /** Write labels as class names (default) or as class indices. */
  labelsAs?: 'names' | 'indices';
}

/** Rows in dataset order, ids from `meta.sampleIds`; labels file `sample,label`. Returns `dir`. */
export function writeMogcnFolder(dir: string, ds: PairedDataset, options: MogcnFixtureOptions = {}): string {
  const ids = sampleIdsOf(ds);
  const rowsOf = (source: TcgaSource): number[] => {
    const out = new Set(options.leaveOut?.[source] ?? []);
    return ids.flatMap((id, i) => (out.has(id) ? [] : [i]));
  };
  for (const o of OMICS as readonly Omics[]) {
    const x = ds.modalities[o];
    if (x === undefined) continue;
    const lines = [['sample', ...featureNamesOf(ds, o)].join(',')];
    for (const i of rowsOf(o)) lines.push([ids[i], ...Array.from(x.row(i)).map(String)].join(','));
    writeText(dir, MOGCN_FILES[o], lines.join('\n') + '\n');
  }
  const classes = ds.classes ?? [];
  const label = (i: number): string => (options.labelsAs === 'indices' ? String(ds.labels[i]) : classes[ds.labels[i]]);
  const lines = ['sample,label', ...rowsOf('labels').map((i) => `${ids[i]},${label(i)}`)];
  writeText(dir, MOGCN_LABELS_FILE, lines.join('\n') + '\n');
  return dir;
}
