/**
 * Agreement broken down by a grouping of the settings (n/p, λ, the margin's sign, a cohort, a
 * sweep): `scoreCriteria` within each group, so every group's interval respects the draws its
 * settings share (a setting keeps its cluster inside the group), and a long form of the result —
 * one flat row per (group, criterion) — for a table, the summary or a line per criterion.
 */
import { agreementFields } from '../experiments/shared/agreement-table.js';
import type { Row, Scalar } from '../types.js';
import { scoreCriteria, type ClusteredAgreement } from './score-criteria.js';

/** A setting as `scoreCriteria` takes it. */
export type ScorableSetting<K extends string> = Parameters<typeof scoreCriteria<K>>[0][number];

export interface AgreementGroup<K extends string> {
  /** The group's value (e.g. n/p = 3, λ = 0.5, 'positive margin'). */
  value: Scalar;
  /** Settings in the group, decisive or not. */
  settings: number;
  agreement: Record<K, ClusteredAgreement>;
}

/** Every criterion's agreement within each group of `groupOf`, groups in ascending order (numbers, then text). */
export function agreementBy<K extends string, S extends ScorableSetting<K>>(settings: readonly S[], groupOf: (s: S) => Scalar, keys: readonly K[]): AgreementGroup<K>[] {
  const groups = new Map<string, { value: Scalar; members: S[] }>();
  for (const s of settings) {
    const value = groupOf(s);
    const id = JSON.stringify(value);
    const g = groups.get(id) ?? { value, members: [] };
    g.members.push(s);
    groups.set(id, g);
  }
  return [...groups.values()]
    .sort((a, b) => compareScalars(a.value, b.value))
    .map(({ value, members }) => ({ value, settings: members.length, agreement: scoreCriteria(members, keys) }));
}

/**
 * One flat row per (group, criterion), groups outer, criteria in the order given: the group's
 * value under `field`, the criterion's label and key, and the agreement's counts and interval
 * (`low`, `high`).
 */
export function agreementRows<K extends string>(groups: readonly AgreementGroup<K>[], field: string, criteria: readonly { key: K; label: string }[]): Row[] {
  return groups.flatMap((g) =>
    criteria.map(({ key, label }) => {
      const a = g.agreement[key];
      return {
        [field]: g.value,
        criterion: label,
        key,
        ...agreementFields(a),
        settings: g.settings,
        abstained: a.abstained,
        clusters: a.clusters,
        effective_n: a.effective_n,
      };
    }),
  );
}

function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a).localeCompare(String(b));
}
