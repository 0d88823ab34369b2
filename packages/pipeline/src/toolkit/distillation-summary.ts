/**
 * The numbers every distillation experiment reports, from its typed rows: per setting over
 * repeats, each criterion's agreement with the observed sign (single-modality pairs and fusion
 * apart, overall and per group such as a cohort), and teacher selection against the naive
 * most-accurate-teacher rule. Fused modalities are named `a+b`.
 */
import { aggregateSettings, cchKey, type SettingSummary } from './aggregate-settings.js';
import type { DistillationRow } from './distillation-row.js';
import { marginEstimators, type EstimatorsSection } from './sections/estimators-section.js';
import { settingRow } from './setting-table.js';
import { scoreCriteria, type ClusteredAgreement } from './score-criteria.js';
import { scoreTeacherSelection, type TeacherSelectionScore } from './teacher-selection.js';
import type { Row, Scalar, Scorecard } from '../types.js';
import { agreementBy } from './agreement-by.js';
import { buildScorecard } from './scorecard.js';
import { ablationClaims } from './ablation-claims.js';

export interface CriterionLabel {
  key: string;
  label: string;
}

export interface DistillationNumbers {
  task: 'classification' | 'regression';
  settings: SettingSummary[];
  /** Flat setting rows, single-modality pairs first, then fusion. */
  flat: Row[];
  estimators: string[];
  criteria: CriterionLabel[];
  /** The context key that groups settings (e.g. 'cohort'), when there is one. */
  group?: string;
  agreement: Record<string, ClusteredAgreement>;
  agreementFusion: Record<string, ClusteredAgreement>;
  agreementByGroup: Record<string, Record<string, ClusteredAgreement>>;
  selection: TeacherSelectionScore;
}

export interface DistillationNumbersOptions {
  estimators: EstimatorsSection;
  level: number;
  /** A context key that identifies settings besides the pair and λ, T (e.g. 'cohort'). */
  group?: string;
  /** The context key of the repeat (one draw per group and repeat). Default 'repeat'. */
  repeatKey?: string;
}

export const isFusion = (modality: unknown): boolean => String(modality).includes('+');

/** A setting whose student or teacher is a fusion of modalities. */
const fusedSetting = (s: SettingSummary): boolean => isFusion(s.key.student) || isFusion(s.key.teacher);

export function distillationNumbers(rows: readonly DistillationRow[], options: DistillationNumbersOptions): DistillationNumbers {
  const task = rows[0]?.task ?? 'classification';
  const estimators = marginEstimators(options.estimators, task).map((e) => e.name);
  const criteria: CriterionLabel[] = [...estimators.map((e) => ({ key: cchKey(e), label: `CCH (${e})` })), { key: 'plugin', label: 'plug-in (linear probe)' }];
  const keys = criteria.map((c) => c.key);
  const groupKeys = options.group === undefined ? [] : [options.group];
  // Every pair of a group (a cohort; the whole run when there is none) shares its splits and models,
  // so the group is the independent draw the agreement interval counts.
  const settings = aggregateSettings(rows, { settingKeys: groupKeys, clusterKeys: groupKeys, level: options.level });
  const single = settings.filter((s) => !fusedSetting(s));
  const groups = options.group === undefined ? [] : [...new Set(settings.map((s) => String(s.key[options.group as string])))];
  return {
    task,
    settings,
    flat: [...single, ...settings.filter(fusedSetting)].map((s) => settingRow(s, estimators)),
    estimators,
    criteria,
    ...(options.group !== undefined ? { group: options.group } : {}),
    agreement: scoreCriteria(single, keys),
    agreementFusion: scoreCriteria(settings.filter(fusedSetting), keys),
    agreementByGroup: Object.fromEntries(groups.map((g) => [g, scoreCriteria(single.filter((s) => String(s.key[options.group as string]) === g), keys)])),
    selection: scoreTeacherSelection(rows, { drawKeys: [...groupKeys, options.repeatKey ?? 'repeat'], candidate: (r) => !isFusion(r.teacher) && !isFusion(r.student) }),
  };
}

/** The `summary` object of results.json. */
export function distillationSummary(n: DistillationNumbers): Record<string, unknown> {
  const count = (list: readonly SettingSummary[]) => ({
    'kd-helps': list.filter((s) => s.observed === 'kd-helps').length,
    'kd-hurts': list.filter((s) => s.observed === 'kd-hurts').length,
    inconclusive: list.filter((s) => s.observed === 'inconclusive').length,
  });
  return {
    settings: n.settings.length,
    observed_counts: count(n.settings.filter((s) => !fusedSetting(s))),
    observed_counts_fusion: count(n.settings.filter(fusedSetting)),
    criteria: n.criteria,
    agreement: n.agreement,
    agreement_fusion: n.agreementFusion,
    ...(n.group !== undefined ? { [`agreement_by_${n.group}`]: n.agreementByGroup } : {}),
    ablation_claims: ablationClaims(n),
    teacher_selection: {
      cch: n.selection.cch,
      naive: n.selection.naive,
      chance: n.selection.chance,
      mean_rank_correlation: n.selection.mean_rank_correlation,
      groups: n.selection.groups.length,
      skipped: n.selection.skipped,
    },
  };
}

/**
 * The scorecard of a distillation experiment: the primary estimator's CCH agreement, the other
 * criteria, teacher selection, and the agreement by λ, by T and by group (a cohort) where they vary.
 */
export function distillationScorecard(n: DistillationNumbers, paperClaim: string): Scorecard {
  const single = n.settings.filter((s) => !fusedSetting(s));
  const keys = n.criteria.map((c) => c.key);
  const by = (factor: string, valueOf: (s: SettingSummary) => Scalar) => ({ factor, groups: agreementBy(single, valueOf, keys) });
  const breakdowns = [by('λ', (s) => s.key.lambda), by('T', (s) => s.key.temperature), ...(n.group !== undefined ? [by(n.group, (s) => s.key[n.group as string])] : [])];
  return buildScorecard({ paperClaim, criteria: n.criteria, agreement: n.agreement, selection: n.selection, breakdowns });
}
