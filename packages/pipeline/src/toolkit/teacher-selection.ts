/**
 * Teacher selection, the paper's practical claim: for each student (within one draw and KD
 * setting), rank the candidate teachers by a criterion and check whether its top choice is the
 * teacher with the largest observed KD gain; beside it the naive rule a practitioner uses without
 * the CCH — pick the most accurate teacher, judged on the validation rows as a practitioner would —
 * and the chance rate (1 / candidates). Ties in the observed gain count as a hit for any of the
 * tied teachers. A group where some candidate's criterion or validation score is not a finite
 * number (a margin that could not be estimated) is left out and counted in `skipped`.
 */
import type { DistillationRow } from './distillation-row.js';
import { clusteredAgreement, type ClusteredAgreement } from './score-criteria.js';

export interface SelectionGroup {
  /** The draw and KD setting (e.g. cohort, repeat, λ, T) and the student. */
  key: string;
  /** The independent draw it belongs to (for the hit-rate interval). */
  cluster: string;
  student: string;
  candidates: number;
  best_observed: string;
  cch_choice: string;
  naive_choice: string;
  cch_hit: boolean;
  naive_hit: boolean;
  /** Spearman correlation of the criterion's values with the observed gains (null with < 3 candidates or constant ranks). */
  rank_correlation: number | null;
}

export interface TeacherSelectionScore {
  groups: SelectionGroup[];
  cch: ClusteredAgreement;
  naive: ClusteredAgreement;
  /** Mean of 1 / candidates over the groups. */
  chance: number | null;
  /** Groups left out because a candidate had no finite criterion or validation score. */
  skipped: number;
  mean_rank_correlation: number | null;
}

export interface TeacherSelectionOptions {
  /** Keys of a row's context that identify one draw (e.g. cohort, repeat). */
  drawKeys: readonly string[];
  /** The criterion's value for a row (default: the primary margin). */
  criterion?: (row: DistillationRow) => number;
  /** Only these teachers count as candidates (default: every teacher of the student). */
  candidate?: (row: DistillationRow) => boolean;
}

export function scoreTeacherSelection(rows: readonly DistillationRow[], options: TeacherSelectionOptions): TeacherSelectionScore {
  const criterion = options.criterion ?? ((r: DistillationRow) => r.primary.margin);
  const groups = new Map<string, { cluster: string; student: string; rows: DistillationRow[] }>();
  for (const row of rows) {
    if (options.candidate !== undefined && !options.candidate(row)) continue;
    const draw = options.drawKeys.map((k) => row.context[k] ?? null);
    const key = JSON.stringify([...draw, row.lambda, row.temperature, row.student]);
    const g = groups.get(key) ?? { cluster: JSON.stringify(draw), student: row.student, rows: [] };
    g.rows.push(row);
    groups.set(key, g);
  }
  const scored: SelectionGroup[] = [];
  let skipped = 0;
  for (const [key, g] of groups) {
    if (g.rows.length < 2) continue;
    if (!g.rows.every((r) => Number.isFinite(criterion(r)) && Number.isFinite(r.teacher_validation))) {
      skipped++;
      continue;
    }
    const bestGain = Math.max(...g.rows.map((r) => r.kd_gain));
    const best = g.rows.filter((r) => r.kd_gain === bestGain).map((r) => r.teacher);
    const cchChoice = argMax(g.rows, criterion).teacher;
    const naiveChoice = argMax(g.rows, (r) => r.teacher_validation).teacher;
    scored.push({
      key,
      cluster: g.cluster,
      student: g.student,
      candidates: g.rows.length,
      best_observed: best.join(' = '),
      cch_choice: cchChoice,
      naive_choice: naiveChoice,
      cch_hit: best.includes(cchChoice),
      naive_hit: best.includes(naiveChoice),
      rank_correlation: g.rows.length >= 3 ? spearman(g.rows.map(criterion), g.rows.map((r) => r.kd_gain)) : null,
    });
  }
  const hits = (field: 'cch_hit' | 'naive_hit') =>
    clusteredAgreement(scored.map((s) => ({ prediction: 'kd-helps' as const, observed: s[field] ? ('kd-helps' as const) : ('kd-hurts' as const), cluster: s.cluster })));
  const correlations = scored.map((s) => s.rank_correlation).filter((v): v is number => v !== null);
  return {
    groups: scored,
    cch: hits('cch_hit'),
    naive: hits('naive_hit'),
    chance: scored.length === 0 ? null : scored.reduce((a, s) => a + 1 / s.candidates, 0) / scored.length,
    skipped,
    mean_rank_correlation: correlations.length === 0 ? null : correlations.reduce((a, b) => a + b, 0) / correlations.length,
  };
}

/** The first row with the largest value (rows keep their order, so ties resolve the same way every run). */
function argMax<T>(items: readonly T[], value: (item: T) => number): T {
  let best = items[0];
  for (const item of items) if (value(item) > value(best)) best = item;
  return best;
}

/** Spearman's ρ with average ranks for ties; null when either side is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const ma = ra.reduce((s, v) => s + v, 0) / n;
  const mb = rb.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) ** 2;
    sbb += (rb[i] - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let t = i; t <= j; t++) out[order[t][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}
