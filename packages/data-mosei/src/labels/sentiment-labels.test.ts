import { sentimentLabels } from './sentiment-labels.js';

describe('sentimentLabels', () => {
  const scores = [-3, -0.4, 0, 0.33, 2.6, 3];
  it('binary: ≥ 0 is non-negative', () => {
    expect(Array.from(sentimentLabels(scores, 'binary').labels)).toEqual([0, 0, 1, 1, 1, 1]);
  });
  it('binary-nonzero: drops exact zeros and keeps the rest in order', () => {
    const l = sentimentLabels(scores, 'binary-nonzero');
    expect(Array.from(l.keep)).toEqual([0, 1, 3, 4, 5]);
    expect(Array.from(l.labels)).toEqual([0, 0, 1, 1, 1]);
  });
  it('seven-class: rounded, clipped to −3…3, indexed from −3', () => {
    const l = sentimentLabels([-3.4, -0.4, 0.5, 2.6, 3.2], 'seven-class');
    expect(Array.from(l.labels, (i) => l.classes?.[i])).toEqual(['-3', '0', '1', '3', '3']);
  });
  it('sentiment: the continuous score, a regression', () => {
    const l = sentimentLabels(scores, 'sentiment');
    expect(l.task).toBe('regression');
    expect(l.labels).toBeInstanceOf(Float32Array);
    expect(l.labels[3]).toBeCloseTo(0.33, 6);
  });
  it('refuses a non-finite score', () => {
    expect(() => sentimentLabels([0, Number.NaN], 'binary')).toThrow(/score 1 is NaN/);
  });
});
