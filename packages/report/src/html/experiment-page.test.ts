import { InvalidInputError } from '@cch-lab/core';
import { barChart } from '@cch-lab/pipeline';
import type { ResultsFile } from '../contract.js';
import { resultsFixture } from '../testing-fixtures/results-fixture.js';
import { renderExperimentPage } from './experiment-page.js';
import { LONG_TABLE_ROWS } from './table-block.js';

describe('report/experiment-page', () => {
  let html: string;
  let warnings: string[];

  beforeAll(async () => {
    ({ html, warnings } = await renderExperimentPage(resultsFixture()));
  });

  it('is one self-contained document: inline CSS and SVG, no scripts or external assets', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<iframe|<object|src="(?!data:)|url\((?!#)|@import|@font-face/);
    expect(warnings).toEqual([]);
  });

  it('reads in order: verdict, figures, tables, notes, configuration, environment, raw summary', () => {
    const at = (needle: string): number => {
      const i = html.indexOf(needle);
      expect(i).toBeGreaterThan(-1);
      return i;
    };
    const order = [
      at('<section class="scorecard-box"'),
      at('<section class="figures">'),
      at('<section class="tables">'),
      at('<section class="notes">'),
      at('<section class="configuration">'),
      at('<section class="environment">'),
      at('<section class="raw-summary">'),
      at('<footer>'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain('<dl class="summary">'); // the summary object is no longer dumped at the top
  });

  it('opens on the scorecard: verdict, the paper’s claim, the CCH beside the other criteria, teacher selection, weak regimes', () => {
    const box = html.slice(html.indexOf('<section class="scorecard-box"'), html.indexOf('<section class="figures">'));
    expect(box).toContain('<p class="verdict">The CCH (ksg) predicted the observed KD sign in 7 of 9');
    expect(box).toContain('<strong>The paper claims:</strong> KD helps exactly where');
    expect(box).toMatch(/<tr class="primary"><td>CCH \(ksg\)<\/td><td class="num">78 %<\/td><td class="nowrap">45–94 %<\/td><td class="num">7 of 9<\/td><td>3 inconclusive<\/td>/);
    expect(box).toContain('<td>plug-in (linear probe)</td>');
    expect(box).toContain('3 inconclusive · 1 abstained');
    expect(box).toContain('CCH margin 4 of 6 comparisons (67 %, 95 % 30–90 %) · naive: most accurate teacher (validation) 3 of 6 comparisons (50 %, 95 % 19–81 %) · chance 33 %');
    expect(box).toContain('<li>at n/p = 0.5: 2 of 9 decisive settings (22 %, 95 % 6–55 %)</li>');
    expect(box).toMatch(/data: <span class="badge source-simulated"/);
  });

  it('says plainly when there is no scorecard, and warns about a malformed one', async () => {
    const none = await renderExperimentPage(resultsFixture({ scorecard: undefined }));
    expect(none.html).toContain('Not scored: this results file carries no scorecard');
    expect(none.warnings).toEqual([]);
    const bad = await renderExperimentPage({ ...resultsFixture(), scorecard: { verdict: 'x' } } as unknown as ResultsFile);
    expect(bad.warnings).toEqual([expect.stringMatching(/scorecard\.paperClaim must be a string; the page shows it as not scored/)]);
    expect(bad.html).toContain('Not scored');
  });

  it('shows the title, description, table and every figure inline', () => {
    expect(html).toContain('<h1>CCH on the joint Gaussian model</h1>');
    expect(html).toContain('Tests whether KD helps');
    expect(html).toContain('<table class="data-table" id="table-table-1">');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.indexOf('<h3>Accuracy gain from KD against λ</h3>')).toBeLessThan(html.indexOf('<h3>Estimated against analytic MI</h3>')); // the experiment's order
    expect(html).toContain('KD weight λ');
    expect(html).toContain('<h3>Estimated against analytic MI</h3>');
  });

  it('puts every table in its own scroll box and collapses a long one behind its row count', async () => {
    expect(html).toMatch(/<div class="table-scroll">\n<table class="data-table" id="table-table-1">/);
    expect(html).not.toContain('<details class="long-table">');
    const base = resultsFixture();
    const columns = Array.from({ length: 20 }, (_, j) => ({ key: `c${j}`, label: `column ${j}` }));
    const rows = Array.from({ length: 120 }, (_, i) => Object.fromEntries(columns.map((c, j) => [c.key, i * j])));
    const wide = { id: 'cells', title: 'Every cell', sources: base.sources, columns, rows };
    const { html: page } = await renderExperimentPage({ ...base, tables: [wide, ...base.tables] });
    expect(rows.length).toBeGreaterThan(LONG_TABLE_ROWS);
    expect(page).toMatch(/<details class="long-table">\n<summary><span class="table-title">Every cell<\/span> — 120 rows, 20 columns \(click to show\) · <span class="provenance">data: /);
    expect(page).toMatch(/<\/summary>\n<div class="table-scroll">\n<table class="data-table" id="table-cells">/);
    expect(page.match(/<div class="table-scroll">/g)!.length).toBeGreaterThanOrEqual(3); // both tables and the scorecard's
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

  it('shows the environment: command, git commit, config hash, platform, workers, data fingerprints', () => {
    const env = html.slice(html.indexOf('<section class="environment">'));
    expect(env).toContain('<dt>Command</dt><dd><code>cch run configs/cch-gaussian.yaml --profile smoke</code>');
    expect(env).toContain('<dt>Git commit</dt><dd><code>c465007f00d</code>');
    expect(env).toContain('<dt>Config hash</dt><dd><code>3f2a9c01d4e5b6a7</code>');
    expect(env).toContain('<dt>Platform</dt><dd>linux x64 · 8 cores');
    expect(env).toContain('<dt>Workers</dt><dd>3');
    expect(env).toContain('<td><code>/data/gaussian/params.csv</code></td><td><code>0123456789abcdef</code></td>');
  });

  it('shows a dash for environment fields an older results file lacks', async () => {
    const { html: page } = await renderExperimentPage(resultsFixture({ environment: undefined, workers: undefined, dataFingerprints: undefined }));
    expect(page).toContain('<dt>Command</dt><dd>—</dd>');
    expect(page).toContain('<dt>Data files</dt><dd>(none recorded');
  });

  it('labels each figure with its own sources', () => {
    const mi = html.slice(html.indexOf('id="figure-fig-mi"'));
    expect(mi).toMatch(/figure-sources"><span class="provenance">data: <span class="badge source-simulated"[^>]*>simulated<\/span> <span class="badge source-embedded"/);
  });

  it('shows escaped notes, the resolved config collapsed and the raw summary collapsed at the end', () => {
    expect(html).toContain('<p>Numbers come from a simulated stand-in &lt;not real&gt;.</p>');
    expect(html).toMatch(/<section class="configuration">\n<h2>Configuration<\/h2>\n<details class="config">[\s\S]*&quot;repeats&quot;: 2/);
    expect(html).toMatch(/<section class="raw-summary">\n<details class="config">\n<summary>Raw summary \(JSON\)[\s\S]*&quot;rate&quot;: 0.8333333/);
  });

  it('escapes every string from the results: notes, table cells, config values, captions, titles, paths', async () => {
    const evil = '<script>alert("x")</script> & "q"';
    const base = resultsFixture();
    const [table] = base.tables;
    const hostile: ResultsFile = {
      ...base,
      experiment: `exp ${evil}`,
      title: `title ${evil}`,
      description: `description ${evil}`,
      configFile: `configs/${evil}.yaml`,
      config: { ...base.config, feature: evil },
      notes: [`note ${evil}`],
      environment: { command: `cch run ${evil}`, gitCommit: evil, configHash: evil, platform: evil },
      backend: { name: evil, reason: evil },
      dataFingerprints: { [`/data/${evil}.csv`]: evil },
      scorecard: { ...base.scorecard!, verdict: evil, paperClaim: evil, regimes: [{ ...base.scorecard!.regimes[0], factor: evil, value: evil }] },
      tables: [{ ...table, title: `table ${evil}`, caption: `caption ${evil}`, columns: [{ ...table.columns[0], label: evil }, ...table.columns.slice(1)], rows: [{ ...table.rows[0], setting: evil }] }],
      figures: [
        { ...base.figures[0], title: `figure ${evil}`, caption: `caption ${evil}` },
        // Feature names reach the SVG as axis titles and legend labels: Vega must escape them too.
        { id: 'features', title: 'features', sources: base.sources, spec: barChart({ values: [{ feature: evil, mi: 0.3 }, { feature: 'b & c', mi: 0.1 }], x: 'feature', y: 'mi', color: 'feature', xTitle: evil }) },
      ],
    };
    const { html: page, warnings: pageWarnings } = await renderExperimentPage(hostile);
    expect(pageWarnings).toEqual([]);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;q&quot;');
    for (const where of ['note ', 'caption ', 'table ', 'figure ', 'configs/', '/data/', 'cch run ']) {
      expect(page).toContain(`${where}&lt;script&gt;`);
    }
    expect(page).toContain('&quot;feature&quot;: &quot;&lt;script&gt;alert(\\&quot;x\\&quot;)'); // the config, JSON-escaped then HTML-escaped
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
