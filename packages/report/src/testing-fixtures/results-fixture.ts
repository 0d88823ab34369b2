/** A small, realistic ResultsFile for tests and for looking at a rendered page. */
import type { ResultsFile, Row } from '../contract.js';
import { lineChart, scatterWithDiagonal } from '@cch-lab/pipeline';
import { scorecardFixture } from './scorecard-fixture.js';

const LAMBDAS = [0, 0.25, 0.5, 0.75, 1];

function lambdaRows(): Row[] {
  const rows: Row[] = [];
  for (const margin of [-0.2, 0.3]) {
    for (const lambda of LAMBDAS) {
      // A smooth made-up curve: this is a rendering fixture, not a result.
      const gain = margin * lambda * (1.2 - lambda);
      rows.push({ margin: String(margin), lambda, 'acc.gain': gain, lo: gain - 0.02, hi: gain + 0.02 });
    }
  }
  return rows;
}

/** A ResultsFile with a scorecard, one table, two figures, notes and a nested summary; `overrides` replace top-level keys. */
export function resultsFixture(overrides: Partial<ResultsFile> = {}): ResultsFile {
  const rows = lambdaRows();
  return {
    experiment: 'cch-gaussian',
    title: 'CCH on the joint Gaussian model',
    description: 'Tests whether KD helps exactly when the cross-modal MI exceeds the student–label MI. Each point is one setting.',
    profile: 'smoke',
    seed: 42,
    config: { experiment: 'cch-gaussian', profile: 'smoke', seed: 42, repeats: 2, kd: { lambda: LAMBDAS, T: [1] } },
    configFile: 'configs/cch-gaussian.yaml',
    backend: { name: 'wasm', reason: 'auto: tfjs-node not installed; wasm loaded' },
    environment: { command: 'cch run configs/cch-gaussian.yaml --profile smoke', gitCommit: 'c465007f00d', configHash: '3f2a9c01d4e5b6a7', platform: 'linux x64', cores: 8 },
    versions: { cchLab: '0.1.0', experiment: 1, node: 'v20.20.0', tfjs: '4.22.0' },
    sources: ['simulated'],
    startedAt: '2025-10-20T10:00:00.000Z',
    finishedAt: '2025-10-20T10:00:12.500Z',
    seconds: 12.5,
    cellCounts: { total: 10, cached: 4, ran: 6 },
    workers: 3,
    dataFingerprints: { '/data/gaussian/params.csv': '0123456789abcdef' },
    cells: rows,
    summary: {
      agreement: { rate: 0.8333333, lower: 0.55, upper: 0.95, n: 12 },
      perMargin: [
        { margin: -0.2, helps: false, gain: -0.0123 },
        { margin: 0.3, helps: true, gain: 0.0456 },
      ],
      estimator: 'ksg',
    },
    scorecard: scorecardFixture(),
    tables: [
      {
        id: 'table-1',
        title: 'Agreement <by> margin',
        caption: 'Rows where the criterion & the outcome agree.',
        sources: ['simulated'],
        columns: [
          { key: 'setting', label: 'Setting', format: 'text' },
          { key: 'n', label: 'n', format: 'integer' },
          { key: 'rate', label: 'Agreement', format: 'percent', digits: 1 },
          { key: 'mi', label: 'I(H_t; H_s) [nats]', digits: 2 },
          { key: 'gain', label: 'Gain' },
        ],
        rows: [
          { gain: 0.012345, mi: 1.23456, rate: 0.8333, n: 12, setting: '<b>a</b>' },
          { gain: Number.NaN, mi: null, rate: 1, n: 3.0, setting: 'b & c' },
        ],
      },
    ],
    figures: [
      {
        id: 'fig-gain',
        title: 'Accuracy gain from KD against λ',
        caption: 'Shaded: ±0.02 band.',
        sources: ['simulated'],
        spec: lineChart({
          values: rows,
          x: 'lambda',
          y: 'acc.gain',
          color: 'margin',
          errorBand: { lower: 'lo', upper: 'hi' },
          xTitle: 'KD weight λ',
          yTitle: 'Accuracy gain (KD − no KD)',
          colorTitle: 'CCH margin',
        }),
      },
      {
        id: 'fig-mi',
        title: 'Estimated against analytic MI',
        sources: ['simulated', 'embedded'],
        spec: scatterWithDiagonal({
          values: [
            { analytic: 0.1, estimated: 0.12, method: 'ksg' },
            { analytic: 0.5, estimated: 0.46, method: 'ksg' },
            { analytic: 1.0, estimated: 0.93, method: 'ksg' },
            { analytic: 0.1, estimated: 0.09, method: 'gaussian' },
            { analytic: 0.5, estimated: 0.51, method: 'gaussian' },
            { analytic: 1.0, estimated: 1.01, method: 'gaussian' },
          ],
          x: 'analytic',
          y: 'estimated',
          color: 'method',
          xTitle: 'Analytic I [nats]',
          yTitle: 'Estimated I [nats]',
          colorTitle: 'Estimator',
        }),
      },
    ],
    notes: ['The criterion agreed with the outcome in 10 of 12 settings.', 'Numbers come from a simulated stand-in <not real>.'],
    ...overrides,
  };
}
