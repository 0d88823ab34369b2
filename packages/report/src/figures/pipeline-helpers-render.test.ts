import { InvalidInputError } from '@cch-lab/core';
import { barChart, FIGURE_THEME, lineChart, PALETTE, scatterWithDiagonal } from '@cch-lab/pipeline';
import { renderFigureSvg } from './render-svg.js';

describe('report/figures/pipeline-helpers-render', () => {
  it('builds plain JSON specs with inline data and the shared theme', () => {
    const values = [{ x: 1, y: 2 }];
    const spec = lineChart({ values, x: 'x', y: 'y' });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.data).toEqual({ values: [{ x: 1, y: 2 }] });
    expect(spec.config).toEqual(FIGURE_THEME);
    values[0].y = 99; // the spec holds a copy
    expect((spec.data as { values: { y: number }[] }).values[0].y).toBe(2);
  });

  it('escapes dots in field names so flat keys like acc.gain are not read as nested', async () => {
    const spec = lineChart({ values: [{ lambda: 0, 'acc.gain': 0.1 }, { lambda: 1, 'acc.gain': 0.3 }], x: 'lambda', y: 'acc.gain' });
    expect(JSON.stringify(spec)).toContain('"field":"acc\\\\.gain"');
    const svg = await renderFigureSvg(spec, { id: 'dots' });
    expect(svg).toContain('acc.gain'); // the axis title, unescaped
    expect(svg).toMatch(/class="mark-line[^"]*"[^>]*><path[^>]*d="M[\d.]+,[\d.]+L/); // a line was drawn
  });

  it('keeps one legend, with the line colours, when a line chart has error bands', async () => {
    const values = [
      { x: 0, y: 1, lo: 0.5, hi: 1.5, g: 'a' }, { x: 1, y: 2, lo: 1.5, hi: 2.5, g: 'a' },
      { x: 0, y: 3, lo: 2.5, hi: 3.5, g: 'b' }, { x: 1, y: 2, lo: 1.5, hi: 2.5, g: 'b' },
    ];
    const svg = await renderFigureSvg(lineChart({ values, x: 'x', y: 'y', color: 'g', colorTitle: 'Group', errorBand: { lower: 'lo', upper: 'hi' } }));
    expect(svg.match(/role-legend"/g)).toHaveLength(1);
    expect(svg).toContain('>Group<');
    const legend = svg.slice(svg.indexOf('role-legend-symbol'));
    expect(legend).toMatch(new RegExp(`^role-legend-symbol[^>]*><path [^>]*fill="${PALETTE[0]}"[^>]*opacity="1"`)); // not band-pale
  });

  it('draws the y = x diagonal over the range of both axes', () => {
    const spec = scatterWithDiagonal({ values: [{ a: 0.2, e: 0.1 }, { a: 1, e: 1.4 }], x: 'a', y: 'e' });
    const diagonal = (spec.layer as { encoding: Record<string, { datum?: number }> }[])[0].encoding;
    expect([diagonal.x.datum, diagonal.y.datum, diagonal.x2.datum, diagonal.y2.datum]).toEqual([0.1, 0.1, 1.4, 1.4]);
  });

  it('renders every helper, with intervals, to SVG', async () => {
    const values = [
      { group: 'A', arm: 'kd', v: 0.8, lo: 0.75, hi: 0.85 },
      { group: 'A', arm: 'base', v: 0.7, lo: 0.66, hi: 0.74 },
      { group: 'B', arm: 'kd', v: 0.6, lo: 0.55, hi: 0.65 },
      { group: 'B', arm: 'base', v: 0.65, lo: 0.6, hi: 0.7 },
    ];
    const bar = await renderFigureSvg(barChart({ values, x: 'group', y: 'v', color: 'arm', errorBar: { lower: 'lo', upper: 'hi' }, yTitle: 'Accuracy' }));
    expect(bar).toContain('Accuracy');
    expect(bar).toContain('mark-rect');
    const scatter = await renderFigureSvg(scatterWithDiagonal({ values, x: 'lo', y: 'v', color: 'arm', yInterval: { lower: 'lo', upper: 'hi' } }));
    expect(scatter).toContain('mark-symbol');
    expect(scatter).toContain('mark-rule');
  });

  it('rejects a field that no record has, naming it', () => {
    expect(() => lineChart({ values: [{ x: 1, y: 2 }], x: 'x', y: 'acc' })).toThrow(InvalidInputError);
    expect(() => barChart({ values: [{ x: 1, y: 2 }], x: 'x', y: 'y', color: 'arm' })).toThrow(/barChart: field 'arm'/);
  });
});
