import { InvalidInputError } from '@cch-lab/core';
import type { ResultsFile } from '../contract.js';
import { resultsFixture } from '../testing-fixtures/results-fixture.js';
import { renderExperimentPage } from './experiment-page.js';

describe('report/experiment-page', () => {
  let html: string;
  let warnings: string[];

  beforeAll(async () => {
    ({ html, warnings } = await renderExperimentPage(resultsFixture()));
  });

  it('is one self-contained document: inline CSS and SVG, no scripts or external assets', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src="http|@import/);
    expect(warnings).toEqual([]);
  });

  it('shows the title, description, table and every figure inline', () => {
    expect(html).toContain('<h1>CCH on the joint Gaussian model</h1>');
    expect(html).toContain('Tests whether KD helps');
    expect(html).toContain('<table class="data-table" id="table-table-1">');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('KD weight λ');
    expect(html).toContain('<h3>Estimated against analytic MI</h3>');
  });

  it('shows provenance: sources, backend and reason, profile, seed, versions, cells, config file', () => {
    expect(html).toMatch(/<dt>Data<\/dt><dd><span class="badge source-simulated"/);
    expect(html).toContain('<code>wasm</code> — auto: tfjs-node not installed; wasm loaded');
    expect(html).toContain('<dt>Seed</dt><dd><code>42</code>');
    expect(html).toContain('tfjs 4.22.0');
    expect(html).toContain('10 total · 4 from cache · 6 ran');
    expect(html).toContain('configs/cch-gaussian.yaml');
    expect(html).toContain('2025-10-20 10:00:12 UTC');
    expect(html).toContain('12.5 s');
    expect(html).toContain('Simulated data.');
  });

  it('labels each figure with its own sources', () => {
    const mi = html.slice(html.indexOf('id="figure-fig-mi"'));
    expect(mi).toMatch(/figure-sources"><span class="provenance">data: <span class="badge source-simulated"[^>]*>simulated<\/span> <span class="badge source-embedded"/);
  });

  it('shows the summary, escaped notes and the resolved config', () => {
    expect(html).toContain('<dt>rate</dt><dd>0.833</dd>');
    expect(html).toContain('<dt>n</dt><dd>12</dd>');
    expect(html).toContain('<table class="summary-table">');
    expect(html).toContain('<p>Numbers come from a simulated stand-in &lt;not real&gt;.</p>');
    expect(html).toMatch(/<details class="config">[\s\S]*&quot;repeats&quot;: 2/);
  });

  it('replaces a figure that fails with an error box and returns the error', async () => {
    const base = resultsFixture();
    const broken: ResultsFile = {
      ...base,
      figures: [{ id: 'fig-bad', title: 'Bad', sources: ['simulated'], spec: { data: { values: [] } } }, base.figures[0]],
    };
    const page = await renderExperimentPage(broken);
    expect(page.warnings).toHaveLength(1);
    expect(page.warnings[0]).toMatch(/^figure 'fig-bad' could not be rendered: the Vega-Lite spec does not compile: .*mark/);
    expect(page.html).toContain('<div class="figure-error" role="alert">figure &#39;fig-bad&#39; could not be rendered');
    expect(page.html.match(/<svg /g)).toHaveLength(1); // the good figure still renders
  });

  it('warns loudly when a results file records no data source', async () => {
    const page = await renderExperimentPage(resultsFixture({ sources: [] }));
    expect(page.html).toContain('Data source not recorded.');
    expect(page.html).not.toContain('Simulated data.');
  });

  it('rejects an object that is not a results file', async () => {
    await expect(renderExperimentPage({ title: 'x' } as unknown as ResultsFile)).rejects.toThrow(InvalidInputError);
  });

  it('shows a picture figure inline as a data: image, and refuses any other source', async () => {
    const base = resultsFixture();
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const picture = { id: 'examples', title: 'Examples', sources: base.sources, spec: {}, image: { src: png, alt: 'pairs <&>', width: 84, height: 42 } };
    const { html: page } = await renderExperimentPage({ ...base, figures: [picture] });
    expect(page).toContain(`<img src="${png}" alt="pairs &lt;&amp;&gt;" width="84" height="42">`);
    const remote = await renderExperimentPage({ ...base, figures: [{ ...picture, image: { ...picture.image, src: 'https://example.org/x.png' } }] });
    expect(remote.html).not.toContain('example.org');
  });
});
