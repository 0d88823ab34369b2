/**
 * Which pool an experiment's agreement joins on the index. Only experiments whose every source is
 * real say anything about the paper's claim on real data; one simulated input makes the whole
 * experiment a statement about the method on stand-ins, so the weakest source decides.
 */
import type { DataSource } from '../contract.js';

export const SOURCE_CLASSES = ['real', 'embedded', 'simulated', 'unknown'] as const;
export type SourceClass = (typeof SOURCE_CLASSES)[number];

/** 'real' only when every source is real; else 'simulated' if any is, else 'embedded'; 'unknown' when none was recorded. */
export function sourceClass(sources: readonly DataSource[] | undefined): SourceClass {
  const list = sources ?? [];
  if (list.length === 0) return 'unknown';
  if (list.every((s) => s === 'real')) return 'real';
  if (list.includes('simulated')) return 'simulated';
  if (list.includes('embedded')) return 'embedded';
  return 'unknown';
}

/** How each class is named in the pooled figure and its table; every non-real one says it is not the paper's data. */
export const SOURCE_CLASS_LABELS: Readonly<Record<SourceClass, string>> = Object.freeze({
  real: 'real data',
  embedded: 'embedded data (shipped with the code; not the paper’s data sets)',
  simulated: 'simulated stand-ins (not real data)',
  unknown: 'data source not recorded',
});

/** The same, short enough for a figure's axis label (the long form goes in the table beside it). */
export const SOURCE_CLASS_SHORT_LABELS: Readonly<Record<SourceClass, string>> = Object.freeze({
  real: 'real data',
  embedded: 'embedded data',
  simulated: 'simulated stand-ins',
  unknown: 'source not recorded',
});

/** Colours as the badges draw them (green real, blue embedded, orange simulated, red unknown). */
export const SOURCE_CLASS_COLORS: Readonly<Record<SourceClass, string>> = Object.freeze({
  real: '#2f855a',
  embedded: '#3b63c4',
  simulated: '#c2410c',
  unknown: '#b91c1c',
});
