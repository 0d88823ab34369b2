import { agreementBy, agreementRows } from './agreement-by.js';
import { scoreCriteria } from './score-criteria.js';

type Setting = { n: number; observed: 'kd-helps' | 'kd-hurts' | 'inconclusive'; cluster: string; predictions: { a: 'kd-helps' | 'kd-hurts' | null; b: 'kd-helps' | 'kd-hurts' | null } };

const SETTINGS: Setting[] = [
  { n: 300, observed: 'kd-helps', cluster: 'x', predictions: { a: 'kd-helps', b: 'kd-hurts' } },
  { n: 20, observed: 'kd-hurts', cluster: 'y', predictions: { a: 'kd-helps', b: 'kd-hurts' } },
  { n: 300, observed: 'kd-helps', cluster: 'x', predictions: { a: 'kd-helps', b: null } },
  { n: 20, observed: 'inconclusive', cluster: 'y', predictions: { a: 'kd-helps', b: 'kd-helps' } },
  { n: 300, observed: 'kd-hurts', cluster: 'z', predictions: { a: 'kd-hurts', b: 'kd-hurts' } },
];

describe('pipeline/toolkit/agreement-by', () => {
  it('scores each group on its own settings, groups in ascending order, clusters kept', () => {
    const groups = agreementBy(SETTINGS, (s) => s.n, ['a', 'b']);
    expect(groups.map((g) => [g.value, g.settings])).toEqual([
      [20, 2],
      [300, 3],
    ]);
    expect(groups[1].agreement).toEqual(scoreCriteria(SETTINGS.filter((s) => s.n === 300), ['a', 'b']));
    expect(groups[1].agreement.a).toMatchObject({ agree: 3, total: 3, clusters: 2 });
    expect(groups[1].agreement.b).toMatchObject({ agree: 1, total: 2, abstained: 1 });
    expect(groups[0].agreement.a).toMatchObject({ agree: 0, total: 1, inconclusive: 1 });
  });

  it('orders numbers before text and text alphabetically', () => {
    const values = agreementBy(SETTINGS, (s) => (s.n === 20 ? 'b' : s.cluster === 'z' ? 7 : 'a'), ['a']).map((g) => g.value);
    expect(values).toEqual([7, 'a', 'b']);
  });

  it('flattens to one row per (group, criterion) with the counts and the interval', () => {
    const groups = agreementBy(SETTINGS, (s) => s.n, ['a', 'b']);
    const rows = agreementRows(groups, 'n', [
      { key: 'b', label: 'B' },
      { key: 'a', label: 'A' },
    ]);
    expect(rows.map((r) => [r.n, r.criterion, r.key])).toEqual([
      [20, 'B', 'b'],
      [20, 'A', 'a'],
      [300, 'B', 'b'],
      [300, 'A', 'a'],
    ]);
    const a300 = groups[1].agreement.a;
    expect(rows[3]).toEqual({
      n: 300,
      criterion: 'A',
      key: 'a',
      rate: 1,
      agree: 3,
      total: 3,
      low: a300.interval[0],
      high: a300.interval[1],
      settings: 3,
      inconclusive: 0,
      abstained: 0,
      clusters: 2,
      effective_n: a300.effective_n,
    });
  });
});
