import { agreementFixture, scorecardFixture } from '../testing-fixtures/scorecard-fixture.js';
import type { IndexEntry } from './index-entry.js';
import { renderIndexPage } from './index-page.js';

const BASE = { profile: 'smoke', finishedAt: '2025-10-20T10:00:12Z' } as const;

const ENTRIES: IndexEntry[] = [
  { ...BASE, dir: 'synthetic', experiment: 'synthetic', title: 'CCH on the Gaussian model', href: 'synthetic/index.html', sources: ['simulated'], configFile: 'configs/synthetic.yaml', scorecard: scorecardFixture() },
  {
    ...BASE,
    dir: 'ablation-lambda',
    experiment: 'tcga',
    title: 'TCGA: λ ablation',
    href: 'ablation-lambda/index.html',
    sources: ['real'],
    configFile: 'configs/ablation-lambda.yaml',
    scorecard: scorecardFixture({ cch: agreementFixture('CCH (ksg)', 10, 12, 1), others: [], teacherSelection: undefined, regimes: [{ factor: 'cohort', value: 'lihc', agreement: agreementFixture('CCH (ksg)', 2, 4) }], verdict: 'Real verdict.' }),
  },
  { ...BASE, dir: 'tcga', experiment: 'tcga', title: 'TCGA', href: 'tcga/index.html', sources: ['real'], scorecard: scorecardFixture({ cch: agreementFixture('CCH (ksg)', 5, 6), regimes: [], verdict: 'TCGA verdict.' }) },
  { ...BASE, dir: 'mnist-kd', experiment: 'mnist-kd', title: 'MNIST → MNIST-M <KD>', href: 'mnist-kd/index.html', profile: 'quick', sources: ['embedded'], finishedAt: '2025-10-21T08:30:00Z', summaryLine: 'Distils MNIST into MNIST-M.' },
];

describe('report/index-page', () => {
  let html: string;
  let warnings: string[];

  beforeAll(async () => {
    ({ html, warnings } = await renderIndexPage(ENTRIES));
  });

  it('is self-contained, renders without warnings, and links every entry with its badge and finish time', () => {
    expect(html).not.toMatch(/<script|<link|src="(?!data:)|@import/);
    expect(warnings).toEqual([]);
    expect(html).toContain('<a href="synthetic/index.html">CCH on the Gaussian model</a>');
    expect(html).toContain('<a href="mnist-kd/index.html">MNIST → MNIST-M &lt;KD&gt;</a>');
    expect(html).toMatch(/class="badge source-simulated"[^>]*>simulated</);
    expect(html).toMatch(/class="badge source-embedded"[^>]*>embedded</);
    expect(html).toContain('2025-10-21 08:30:00 UTC');
    expect(html).toContain('Some experiments ran on simulated stand-in data.');
  });

  it('gives one scorecard row per experiment: config and experiment, the paper’s claim, the CCH, the others, teacher selection, then the verdict', () => {
    const row = html.slice(html.indexOf('<tbody class="experiment">'), html.indexOf('</tbody>'));
    expect(row).toContain('<code>synthetic</code><br><span class="counts">config <code title="configs/synthetic.yaml">synthetic.yaml</code>');
    expect(row).toContain('<td class="claim">KD helps exactly where I(H_t; H_s) &gt; I(H_s; Y)');
    expect(row).toContain('CCH (ksg): <span class="rate">78 %</span> <span class="interval">(95 % 45–94 %)</span><br><span class="counts">7 of 9 decisive · 3 inconclusive</span>');
    expect(row).toContain('<li>exact risk: <span class="rate">100 %</span>');
    expect(row).toContain('CCH margin: <span class="rate">67 %</span> <span class="interval">(95 % 30–90 %)</span><br><span class="counts">4 of 6 comparisons</span>');
    expect(row).toContain('naive: most accurate teacher (validation): <span class="counts">3 of 6 comparisons (50 %, 95 % 19–81 %)</span><br><span class="counts">chance 33 %</span>');
    expect(row).toMatch(/<tr class="verdict-row"><td colspan="5"><strong>Verdict:<\/strong> The CCH \(ksg\) predicted/);
  });

  it('shows the directory and the experiment when a config ran under another name', () => {
    expect(html).toContain('<code>ablation-lambda</code> · experiment <code>tcga</code>');
  });

  it('still lists an experiment without a scorecard, with what is known', () => {
    const row = html.slice(html.indexOf('<a href="mnist-kd/index.html">'));
    expect(row).toContain('not scored — this results file carries no scorecard');
    expect(row).toContain('<strong>What it does:</strong> Distils MNIST into MNIST-M.');
    expect(html).toContain('4 experiments (1 without a scorecard)');
  });

  it('draws the CCH’s agreement per experiment, and pools real data apart from the stand-ins', () => {
    expect(html).toContain('<h3>The CCH’s agreement, experiment by experiment</h3>');
    expect(html).toContain('<h3>Pooled over the real-data experiments</h3>');
    expect(html).toContain('<h3>Pooled over simulated and embedded experiments — not the paper’s data, shown apart</h3>');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('ablation-lambda (tcga)'); // a label in the per-experiment figure
    // 10 of 12 and 5 of 6, summed: 15 of 18, Wilson 95 % 61–94 %.
    expect(html).toContain('<td>real data</td><td>15 of 18 decisive settings (83 %, 95 % 61–94 %)</td><td class="num">1</td><td>ablation-lambda, tcga</td>');
    expect(html).toContain('<td>simulated stand-ins (not real data)</td><td>7 of 9 decisive settings (78 %, 95 % 45–94 %)</td>');
    expect(html).toContain('Pooling treats the experiments — and every decisive setting in them — as independent');
  });

  it('says where the CCH fails, worst regime first, from the numbers', () => {
    const block = html.slice(html.indexOf('<h3>Where it fails</h3>'));
    const items = [...block.matchAll(/<li>([^<]*)\. /g)].map((m) => m[1]);
    expect(items).toEqual([
      'synthetic: at n/p = 0.5 the CCH agreed in 2 of 9 decisive settings (22 %, 95 % 6–55 %)',
      'ablation-lambda: at cohort = lihc the CCH agreed in 2 of 4 decisive settings (50 %, 95 % 15–85 %)',
      'synthetic: at λ = 0.25 the CCH agreed in 3 of 5 decisive settings (60 %, 95 % 23–88 %)',
      'tcga: overall the CCH agreed in 5 of 6 decisive settings (83 %, 95 % 44–97 %) (no breakdown by regime recorded)',
    ]);
  });

  it('says so when no experiment ran on real data only', async () => {
    const { html: page } = await renderIndexPage(ENTRIES.filter((e) => !e.sources.includes('real')));
    expect(page).toContain('<strong>No real-data pool.</strong>');
    expect(page).not.toContain('Pooled over the real-data experiments');
  });

  it('escapes names that come from the reports folder and the results', async () => {
    const evil = '<script>x</script>&"';
    const entry = { ...ENTRIES[0], dir: evil, experiment: evil, title: evil, configFile: evil, href: `${encodeURIComponent(evil)}/index.html` };
    const { html: page } = await renderIndexPage([entry]);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;x&lt;/script&gt;&amp;&quot;');
  });

  it('says what to do when there is nothing to list', async () => {
    const { html: page } = await renderIndexPage([]);
    expect(page).toContain('no experiment results yet');
    expect(page).not.toContain('Across experiments');
  });
});
