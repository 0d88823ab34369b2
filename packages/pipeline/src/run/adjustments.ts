/**
 * The run's list of automatic adjustments, gathered from its cells' `meta.adjustments`: each note
 * once, in first-seen order, with how many cells made it. A note that a thousand cells repeat
 * (the same capped k in every repeat) is one line with its count, not a thousand.
 */
import type { CellRecord, RunAdjustment } from '../types.js';

const EXAMPLE_CELLS = 3;

export function collectAdjustments(records: readonly CellRecord[]): RunAdjustment[] {
  const byNote = new Map<string, RunAdjustment>();
  for (const { cell, output } of records) {
    const notes = output.meta?.adjustments;
    if (!Array.isArray(notes)) continue;
    for (const note of new Set(notes.filter((n): n is string => typeof n === 'string'))) {
      const entry = byNote.get(note) ?? { note, cells: 0, examples: [] };
      entry.cells++;
      if (entry.examples.length < EXAMPLE_CELLS) entry.examples.push(cell.id);
      byNote.set(note, entry);
    }
  }
  return [...byNote.values()];
}

/** One line per adjustment for stderr: 'k lowered to 3 for 24 representation rows (12 of 40 cells)'. */
export function adjustmentLines(adjustments: readonly RunAdjustment[], totalCells: number): string[] {
  return adjustments.map((a) => `${a.note} (${a.cells === totalCells ? 'every cell' : `${a.cells} of ${totalCells} cells, e.g. ${a.examples[0]}`})`);
}
