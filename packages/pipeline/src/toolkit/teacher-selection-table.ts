/** The teacher-selection table: the CCH's top choice against the naive rule and chance. */
import type { DataSource } from '@cch-lab/data';
import type { TableSpec } from '../types.js';
import { sourceSentence } from './sources.js';
import type { TeacherSelectionScore } from './teacher-selection.js';

export function teacherSelectionTable(score: TeacherSelectionScore, sources: DataSource[], id = 'teacher-selection'): TableSpec {
  const rule = (label: string, a: TeacherSelectionScore['cch']) => ({ rule: label, hits: a.agree, groups: a.total, rate: a.rate, low: a.interval[0], high: a.interval[1] });
  return {
    id,
    title: 'Teacher selection: is the top choice the best observed teacher?',
    caption: [
      `For each student, draw and KD setting (${score.groups.length} in all${score.skipped > 0 ? `; ${score.skipped} left out for a margin that could not be estimated` : ''}), the candidate teachers ranked by the CCH margin and by validation accuracy (the naive rule),`,
      'against the teacher with the largest observed KD gain; 95 % intervals at the effective n of shared draws.',
      score.mean_rank_correlation === null ? '' : `Mean Spearman correlation of margin and gain: ${score.mean_rank_correlation.toFixed(2)}.`,
      sourceSentence(sources),
    ]
      .filter((s) => s !== '')
      .join(' '),
    sources,
    columns: [
      { key: 'rule', label: 'rule', format: 'text' },
      { key: 'hits', label: 'top-1 hits', format: 'integer' },
      { key: 'groups', label: 'of', format: 'integer' },
      { key: 'rate', label: 'rate', format: 'percent', digits: 0 },
      { key: 'low', label: '95 % low', format: 'percent', digits: 0 },
      { key: 'high', label: '95 % high', format: 'percent', digits: 0 },
    ],
    rows: [
      rule('CCH margin (largest)', score.cch),
      rule('most accurate teacher (naive)', score.naive),
      { rule: 'chance (1 / candidates)', hits: null, groups: score.groups.length, rate: score.chance, low: null, high: null },
    ],
  };
}
