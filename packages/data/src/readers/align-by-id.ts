/** Matching the rows of several files by sample id, so modalities and labels line up. */
import { InvalidInputError } from '@cch-lab/core';

/** One file's ids, in its row order. */
export interface IdTable {
  /** The file (or modality) name, for messages. */
  name: string;
  ids: readonly string[];
}

export interface AlignByIdOptions {
  /**
   * Keep only the ids every table has, instead of failing when one lacks some. Default false: a
   * missing id is an error, as silently dropping samples would change the data set.
   */
  intersect?: boolean;
}

export interface Alignment {
  /** The shared ids, in the first table's order. */
  ids: string[];
  /** Per table (same order as the input): rows[t][i] is the row of table t holding ids[i]. */
  rows: Int32Array[];
  /** Per table: how many of its rows are in no other table and were left out (0 unless intersect). */
  dropped: number[];
}

/** How many missing ids a message lists before "and N more". */
const IDS_SHOWN = 5;

/**
 * Row permutations that put every table's rows in the first table's id order, e.g.
 * `x.selectRows(alignment.rows[t])`. Ids are compared exactly (readers trim them).
 *
 * @throws InvalidInputError when a table repeats an id (naming the table and the id), or — unless
 *   `intersect` — when a table lacks ids another has (naming the table and a few of the ids).
 */
export function alignById(tables: readonly IdTable[], options: AlignByIdOptions = {}): Alignment {
  if (!Array.isArray(tables as unknown) || tables.length === 0) {
    throw new InvalidInputError('alignById: pass at least one table { name, ids }', { details: { field: 'tables', received: String(tables) } });
  }
  const positions = tables.map((t) => indexIds(t));
  const inAll = (id: string): boolean => positions.every((p) => p.has(id));

  if (options.intersect !== true) {
    // Each table must hold every id of every other; compare all against the union, reported per table.
    const union = new Set<string>();
    for (const t of tables) for (const id of t.ids) union.add(id);
    for (const [k, t] of tables.entries()) {
      if (positions[k].size === union.size) continue;
      const missing = [...union].filter((id) => !positions[k].has(id));
      const shown = missing.slice(0, IDS_SHOWN).join(', ');
      const more = missing.length > IDS_SHOWN ? ` and ${missing.length - IDS_SHOWN} more` : '';
      throw new InvalidInputError(`lacks ${missing.length} sample id(s) that other files have: ${shown}${more}`, {
        details: { file: t.name, received: shown, missing: missing.length },
        hint: 'every file must list the same samples; pass intersect to keep only the shared ones',
      });
    }
  }

  const ids = tables[0].ids.filter(inAll);
  const rows = positions.map((p) => Int32Array.from(ids.map((id) => p.get(id) as number)));
  const dropped = tables.map((t) => t.ids.length - ids.length);
  return { ids, rows, dropped };
}

function indexIds(table: IdTable): Map<string, number> {
  const index = new Map<string, number>();
  for (const [i, id] of table.ids.entries()) {
    const earlier = index.get(id);
    if (earlier !== undefined) {
      throw new InvalidInputError(`duplicate sample id ${JSON.stringify(id)} in data rows ${earlier + 1} and ${i + 1}`, {
        details: { file: table.name, received: id },
        hint: 'each sample must appear once per file',
      });
    }
    index.set(id, i);
  }
  return index;
}
