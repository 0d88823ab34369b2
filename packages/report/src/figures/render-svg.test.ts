import { InvalidInputError, recordingReporter } from '@cch-lab/core';
import { lineChart } from '@cch-lab/pipeline';
import { renderFigureSvg } from './render-svg.js';

const VALUES = [
  { lambda: 0, acc: 0.8, arm: 'kd' },
  { lambda: 0.5, acc: 0.85, arm: 'kd' },
  { lambda: 1, acc: 0.83, arm: 'kd' },
  { lambda: 0, acc: 0.8, arm: 'base' },
  { lambda: 1, acc: 0.8, arm: 'base' },
];

describe('report/render-svg', () => {
  it('renders a line chart to SVG with its axis titles and legend', async () => {
    const spec = lineChart({ values: VALUES, x: 'lambda', y: 'acc', color: 'arm', xTitle: 'KD weight λ', yTitle: 'Test accuracy' });
    const svg = await renderFigureSvg(spec, { id: 'fig-1' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('KD weight λ');
    expect(svg).toContain('Test accuracy');
    expect(svg).toContain('>base<'); // legend label
    expect(svg).toContain('class="mark-line');
  });

  it('renames element ids per figure so pages can hold several charts', async () => {
    const spec = lineChart({ values: VALUES, x: 'lambda', y: 'acc', color: 'arm', xScale: 'log' });
    const layered = { ...spec, layer: [{ ...(spec.layer as object[])[0], mark: { type: 'line', clip: true } }] };
    const a = await renderFigureSvg(layered, { id: 'My Fig' });
    const b = await renderFigureSvg(layered, { id: 'My Fig' });
    expect(a).toBe(b); // independent of what the process rendered before
    const ids = [...a.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith('fig-my-fig-')).toBe(true);
    for (const m of a.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it('names the figure when the spec does not compile', async () => {
    const bad = { data: { values: VALUES }, mark: 'line', encoding: { x: { field: 'lambda', type: 'wat' } } };
    await expect(renderFigureSvg(bad, { id: 'fig-broken' })).rejects.toThrow(InvalidInputError);
    await expect(renderFigureSvg(bad, { id: 'fig-broken' })).rejects.toThrow(/figure 'fig-broken': the Vega-Lite spec does not compile/);
  });

  it('names the figure when a spec has no mark', async () => {
    await expect(renderFigureSvg({ data: { values: [] } }, { id: 'fig-empty' })).rejects.toThrow(/figure 'fig-empty'.*mark/);
  });

  it('turns an error Vega only logs (a bad expression at run time) into a thrown error', async () => {
    const bad = {
      data: { values: VALUES },
      transform: [{ calculate: 'datum.acc.x.y', as: 'z' }],
      mark: 'point',
      encoding: { x: { field: 'z', type: 'quantitative' } },
    };
    await expect(renderFigureSvg(bad, { id: 'fig-runtime' })).rejects.toThrow(/figure 'fig-runtime': rendering failed/);
  });

  it('passes Vega-Lite warnings to the reporter, naming the figure', async () => {
    const reporter = recordingReporter();
    const spec = { data: { values: VALUES }, mark: 'bar', encoding: { x: { field: 'lambda', type: 'quantitative' }, shape: { field: 'arm', type: 'nominal' } } };
    const svg = await renderFigureSvg(spec, { id: 'fig-warn', reporter });
    expect(svg).toContain('<svg');
    expect(reporter.warnings.length).toBeGreaterThan(0);
    expect(reporter.warnings[0]).toMatch(/^figure 'fig-warn': /);
  });
});
