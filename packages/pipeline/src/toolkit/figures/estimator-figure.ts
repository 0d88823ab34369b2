/** One estimator's margins against another's over the same settings: do they agree on sign and ranking? */
import type { DataSource } from '@cch-lab/data';
import { scatterWithDiagonal } from '../../figures/helpers.js';
import type { FigureSpec, Row } from '../../types.js';
import { sourceSentence } from '../sources.js';

export interface EstimatorFigureOptions {
  values: readonly Row[];
  /** Fields holding the two estimators' margins. */
  x: string;
  y: string;
  xLabel: string;
  yLabel: string;
  color?: string;
  sources: DataSource[];
}

export function estimatorVsEstimatorFigure(options: EstimatorFigureOptions): FigureSpec {
  const values = options.values.filter((v) => typeof v[options.x] === 'number' && typeof v[options.y] === 'number');
  return {
    id: `margin-${options.x}-vs-${options.y}`,
    title: `CCH margin: ${options.yLabel} against ${options.xLabel}`,
    caption: `One point per setting (mean margin over repeats, nats). Dashed: y = x. Estimators are biased differently, so the sign and the ranking matter more than the distance from the diagonal. ${sourceSentence(options.sources)}`,
    sources: options.sources,
    spec: scatterWithDiagonal({ values, x: options.x, y: options.y, color: options.color, xTitle: `${options.xLabel} margin (nats)`, yTitle: `${options.yLabel} margin (nats)` }),
  };
}
