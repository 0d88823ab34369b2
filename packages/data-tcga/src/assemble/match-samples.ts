/** Which samples every omics and the label table share, and why each other sample was dropped. */
import { DROP_REASONS } from '../types.js';
import type { DropReason, TcgaDrops, TcgaSourceDrops } from '../types.js';
import type { TcgaTables } from '../readers/tables.js';

/** Examples kept per drop reason. */
const EXAMPLES_SHOWN = 5;

export interface SampleMatch {
  /** Ids in every omics table with a non-missing label, in the first omics table's order. */
  ids: string[];
  /** Per omics table (same order as `tables.omics`): the row of each shared id. */
  omicsRows: Int32Array[];
  /** The label table's row of each shared id. */
  labelRows: Int32Array;
  drops: TcgaDrops;
}

/**
 * Intersects the samples. A sample that passed the barcode rule but is not shared counts, in each
 * table that has it, as `missingLabel` when the label table lists it without a label, otherwise as
 * `notInEveryOmics` (absent from some omics file or from the label table).
 */
export function matchSamples(tables: TcgaTables): SampleMatch {
  const omicsIndex = tables.omics.map((t) => new Map(t.ids.map((id, i) => [id, i])));
  const labelIndex = new Map(tables.labels.ids.map((id, i) => [id, i]));
  const missingLabel = new Set(tables.labels.ids.filter((_, i) => tables.labels.values[i] === undefined));
  const shared = tables.omics[0].ids.filter(
    (id) => omicsIndex.every((m) => m.has(id)) && labelIndex.has(id) && !missingLabel.has(id),
  );
  const sharedSet = new Set(shared);

  const sourceDrops = (file: string, read: number, ids: string[], notPrimary: string[], duplicate: string[]): TcgaSourceDrops => {
    const examples = emptyRecord<string[]>(() => []);
    const counts = emptyRecord<number>(() => 0);
    const add = (reason: DropReason, id: string): void => {
      counts[reason] += 1;
      if (examples[reason].length < EXAMPLES_SHOWN) examples[reason].push(id);
    };
    for (const b of notPrimary) add('notPrimaryTumour', b);
    for (const b of duplicate) add('duplicateAliquot', b);
    for (const id of ids) {
      if (sharedSet.has(id)) continue;
      add(missingLabel.has(id) ? 'missingLabel' : 'notInEveryOmics', id);
    }
    return { file, read, kept: shared.length, counts, examples };
  };

  const drops: TcgaDrops = {};
  for (const t of tables.omics) drops[t.omics] = sourceDrops(t.files[0], t.read, t.ids, t.notPrimaryTumour, t.duplicateAliquot);
  const l = tables.labels;
  drops.labels = sourceDrops(l.file, l.read, l.ids, l.notPrimaryTumour, l.duplicateAliquot);

  return {
    ids: shared,
    omicsRows: omicsIndex.map((m) => Int32Array.from(shared, (id) => m.get(id) as number)),
    labelRows: Int32Array.from(shared, (id) => labelIndex.get(id) as number),
    drops,
  };
}

function emptyRecord<T>(make: () => T): Record<DropReason, T> {
  return Object.fromEntries(DROP_REASONS.map((r) => [r, make()])) as Record<DropReason, T>;
}
