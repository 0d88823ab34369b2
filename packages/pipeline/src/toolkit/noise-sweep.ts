/**
 * The teacher-noise sweep: Gaussian noise of growing σ on the teacher's input (MOSEI: standardised
 * features; MNIST-M: pixel intensities),
 * one teacher per level, distilled into the same student. Per level the margin (the same for
 * every λ, T: it depends on the two models only) and the KD effect of every λ × T setting, and
 * where the mean margin crosses zero — read from the numbers, never assumed.
 */
import type { DataSource } from '@cch-lab/data';
import { lineChart } from '../figures/helpers.js';
import type { DistillationNumbers } from './distillation-summary.js';
import { sourceSentence } from './sources.js';
import type { FigureSpec, Row, TableSpec } from '../types.js';

export interface NoiseLevel {
  sigma: number;
  margin: number | null;
  margin_low: number | null;
  margin_high: number | null;
  /** Mean KD effect over the λ × T settings. */
  kd_effect: number | null;
  verdict: string;
}

export interface NoiseSweep {
  teacher: string;
  student: string;
  levels: NoiseLevel[];
  /** Linear interpolation of σ where the mean margin first changes sign; null when it does not within the sweep. */
  crossing: { sigma: number; between: [number, number] } | null;
  /** The smallest σ whose margin interval lies wholly below zero. */
  firstDecisivelyNegative: number | null;
  /** The same for the KD effect's mean over settings changing sign. */
  effectCrossing: { sigma: number; between: [number, number] } | null;
  rows: Row[];
}

export function noiseSweep(numbers: DistillationNumbers, sigmaOf: Readonly<Record<string, number>>, teacher: string, student: string): NoiseSweep {
  const primary = numbers.estimators[0];
  const rows = numbers.flat.filter((r) => r.teacher !== undefined && String(r.teacher) in sigmaOf).map((r) => ({ sigma: sigmaOf[String(r.teacher)], ...r }));
  const sigmas = [...new Set(rows.map((r) => r.sigma))].sort((a, b) => a - b);
  const levels: NoiseLevel[] = sigmas.map((sigma) => {
    const settings = numbers.settings.filter((s) => sigmaOf[String(s.key.teacher)] === sigma);
    const m = settings[0]?.margins[primary];
    const effects = settings.map((s) => s.gain.mean).filter(Number.isFinite);
    const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
    return {
      sigma,
      margin: finite(m?.mean),
      margin_low: finite(m?.low),
      margin_high: finite(m?.high),
      kd_effect: effects.length > 0 ? effects.reduce((a, b) => a + b, 0) / effects.length : null,
      verdict: String(settings[0]?.predictions[`cch:${primary}`] ?? 'inconclusive'),
    };
  });
  return {
    teacher,
    student,
    levels,
    crossing: signChange(levels.map((l) => [l.sigma, l.margin])),
    firstDecisivelyNegative: levels.find((l) => l.margin_high !== null && l.margin_high < 0)?.sigma ?? null,
    effectCrossing: signChange(levels.map((l) => [l.sigma, l.kd_effect])),
    rows,
  };
}

function signChange(points: [number, number | null][]): { sigma: number; between: [number, number] } | null {
  const known = points.filter((p): p is [number, number] => p[1] !== null);
  for (let i = 1; i < known.length; i++) {
    const [s0, v0] = known[i - 1];
    const [s1, v1] = known[i];
    if (v0 === 0) return { sigma: s0, between: [s0, s0] };
    if (Math.sign(v0) !== Math.sign(v1) && v1 !== 0) return { sigma: s0 + ((s1 - s0) * v0) / (v0 - v1), between: [s0, s1] };
  }
  return null;
}

/** One sentence for notes and the summary. */
export function noiseSentence(sweep: NoiseSweep): string {
  const where = sweep.crossing === null ? 'does not cross zero within the sweep' : `crosses zero near σ ≈ ${sweep.crossing.sigma.toFixed(2)} (between ${sweep.crossing.between[0]} and ${sweep.crossing.between[1]})`;
  const decisive = sweep.firstDecisivelyNegative === null ? 'no level’s interval lies wholly below zero' : `its interval lies wholly below zero from σ = ${sweep.firstDecisivelyNegative}`;
  const effect = sweep.effectCrossing === null ? 'the mean KD effect keeps its sign' : `the mean KD effect changes sign near σ ≈ ${sweep.effectCrossing.sigma.toFixed(2)}`;
  return `Noise sweep (${sweep.teacher} → ${sweep.student}): the margin ${where}; ${decisive}; ${effect}.`;
}

export function noiseTable(sweep: NoiseSweep, sources: DataSource[], task: 'classification' | 'regression'): TableSpec {
  return {
    id: 'noise-sweep',
    title: `Teacher-noise sweep: ${sweep.teacher} + N(0, σ²) → ${sweep.student}`,
    caption: `${noiseSentence(sweep)} One row per σ and λ, T; the margin depends on σ only. ${sourceSentence(sources)}`,
    sources,
    columns: [
      { key: 'sigma', label: 'σ' },
      { key: 'lambda', label: 'λ' },
      { key: 'temperature', label: 'T' },
      task === 'classification' ? { key: 'teacher_accuracy', label: 'teacher acc', format: 'percent', digits: 1 } : { key: 'no_kd_mse', label: 'no-KD MSE' },
      task === 'classification' ? { key: 'kd_accuracy', label: 'KD acc', format: 'percent', digits: 1 } : { key: 'kd_mse', label: 'KD MSE' },
      { key: 'kd_effect', label: 'KD effect', digits: 4 },
      { key: 'observed', label: 'observed', format: 'text' },
      { key: 'margin', label: 'margin', digits: 3 },
      { key: 'margin_low', label: 'low', digits: 3 },
      { key: 'margin_high', label: 'high', digits: 3 },
      { key: 'verdict', label: 'CCH', format: 'text' },
    ],
    rows: sweep.rows,
  };
}

export function noiseFigures(sweep: NoiseSweep, sources: DataSource[]): FigureSpec[] {
  const margin = sweep.levels.filter((l) => l.margin !== null).map((l) => ({ sigma: l.sigma, margin: l.margin, low: l.margin_low ?? l.margin, high: l.margin_high ?? l.margin }));
  const effect = sweep.rows.map((r) => ({ sigma: r.sigma, kd_effect: r.kd_effect, setting: `λ=${r.lambda}, T=${r.temperature}` }));
  const zero = { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { y: { datum: 0 } } };
  const withZero = (spec: Record<string, unknown>) => ({ ...spec, layer: [...(spec.layer as unknown[]), zero] });
  return [
    {
      id: 'noise-margin',
      title: `CCH margin vs teacher noise σ (${sweep.teacher} → ${sweep.student})`,
      caption: `Mean margin over repeats with its 95 % t-band; dashed: 0. ${noiseSentence(sweep)} ${sourceSentence(sources)}`,
      sources,
      spec: withZero(lineChart({ values: margin, x: 'sigma', y: 'margin', errorBand: { lower: 'low', upper: 'high' }, xTitle: 'teacher noise σ', yTitle: 'I(H_t;H_s) − I(H_s;Y), nats' })),
    },
    {
      id: 'noise-effect',
      title: `KD effect vs teacher noise σ (${sweep.teacher} → ${sweep.student})`,
      caption: `Mean over repeats, one line per λ, T; dashed: 0 (no effect). ${sourceSentence(sources)}`,
      sources,
      spec: withZero(lineChart({ values: effect, x: 'sigma', y: 'kd_effect', color: 'setting', xTitle: 'teacher noise σ', yTitle: 'KD effect' })),
    },
  ];
}
