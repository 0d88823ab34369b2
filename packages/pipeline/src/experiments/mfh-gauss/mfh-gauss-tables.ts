/** Tables of `mfh-gauss`: the one table where CCH and MFH meet the observed effect, and the agreement rates. */
import type { ColumnSpec, Row, TableSpec } from '../../types.js';
import type { MfhGaussSummary } from './mfh-gauss-summary.js';
import { MFH_CRITERIA } from './mfh-gauss-summary.js';
import { MFH_REPORTED_SOURCE } from './mfh-reported.js';
import { agreementTable } from '../shared/agreement-table.js';

const SOURCES: TableSpec['sources'] = ['simulated'];

export function mfhGaussTables(settings: readonly Row[], summary: MfhGaussSummary): TableSpec[] {
  return [hypothesesTable(settings), hypothesesAgreementTable(summary)];
}

function hypothesesTable(settings: readonly Row[]): TableSpec {
  const columns: ColumnSpec[] = [
    { key: 'sweep', label: 'sweep', format: 'text' },
    { key: 'level', label: 'shared / extra dims', format: 'integer' },
    { key: 'gamma', label: 'γ', digits: 2 },
    { key: 'alpha', label: 'α', digits: 2 },
    { key: 'teacher_acc', label: 'teacher', format: 'percent' },
    { key: 'no_kd_acc', label: 'no KD', format: 'percent' },
    { key: 'kd_acc', label: 'KD', format: 'percent' },
    { key: 'kd_effect', label: 'KD effect', format: 'percent' },
    { key: 'kd_effect_low', label: '95 % low', format: 'percent' },
    { key: 'kd_effect_high', label: '95 % high', format: 'percent' },
    { key: 'observed', label: 'observed', format: 'text' },
    { key: 'margin', label: 'CCH margin (nats)', digits: 3 },
    { key: 'cch_prediction', label: 'CCH', format: 'text' },
    { key: 'mfh_prediction', label: 'MFH', format: 'text' },
    { key: 'hypotheses', label: 'CCH vs MFH', format: 'text' },
    { key: 'matches_observed', label: 'matches observed', format: 'text' },
    { key: 'plugin_prediction', label: 'plug-in', format: 'text' },
    { key: 'xue2023_teacher_acc', label: 'teacher (Xue et al. 2023, reported)', format: 'percent' },
    { key: 'xue2023_no_kd_acc', label: 'no KD (Xue et al. 2023, reported)', format: 'percent' },
    { key: 'xue2023_kd_acc', label: 'KD (Xue et al. 2023, reported)', format: 'percent' },
    { key: 'xue2023_note', label: 'Xue et al. 2023 (reported)', format: 'text' },
  ];
  return {
    id: 'hypotheses',
    title: 'Where the CCH and the MFH agree and part, against the observed KD effect',
    caption:
      'Ours: test accuracies averaged over seeds; KD effect = KD − no-KD accuracy on the same draw (95 % t-interval; “inconclusive” ' +
      'when it contains 0); CCH margin estimated on the test rows’ logits; MFH: KD helps when γ exceeds the break-even (silent on it). ' +
      `The last four columns are not ours: ${MFH_REPORTED_SOURCE}; “—” where the paper states no number for that setting.`,
    sources: SOURCES,
    columns,
    rows: settings.map((s) => ({ ...s })),
  };
}

function hypothesesAgreementTable(summary: MfhGaussSummary): TableSpec {
  const byKey: Record<string, MfhGaussSummary['agreement']> = { cch: summary.agreement, mfh: summary.agreement_mfh, plugin: summary.agreement_plugin };
  return agreementTable({
    title: 'Agreement of each hypothesis with the observed sign',
    caption: 'Decisive settings only (the interval of the mean KD effect excludes 0); Wilson 95 % intervals. The MFH is silent at its break-even γ.',
    sources: SOURCES,
    criteria: MFH_CRITERIA.map((c) => ({ label: c.label, agreement: byKey[c.key] })),
  });
}
