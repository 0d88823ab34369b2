import { renderIndexPage, type IndexEntry } from './index-page.js';

const ENTRIES: IndexEntry[] = [
  { experiment: 'cch-gaussian', title: 'CCH on the Gaussian model', href: 'cch-gaussian/index.html', profile: 'smoke', sources: ['simulated'], finishedAt: '2025-10-20T10:00:12Z', summaryLine: 'Agreement 10/12.' },
  { experiment: 'mnist-kd', title: 'MNIST → MNIST-M <KD>', href: 'mnist-kd/index.html', profile: 'quick', sources: ['embedded'], finishedAt: '2025-10-21T08:30:00Z' },
];

describe('report/index-page', () => {
  it('links every entry with its sources badge and finish time', () => {
    const html = renderIndexPage(ENTRIES);
    expect(html).toContain('<a href="cch-gaussian/index.html">CCH on the Gaussian model</a>');
    expect(html).toContain('<a href="mnist-kd/index.html">MNIST → MNIST-M &lt;KD&gt;</a>');
    expect(html).toMatch(/class="badge source-simulated"[^>]*>simulated</);
    expect(html).toMatch(/class="badge source-embedded"[^>]*>embedded</);
    expect(html).toContain('2025-10-21 08:30:00 UTC');
    expect(html).toContain('Agreement 10/12.');
    expect(html).toContain('Some experiments ran on simulated stand-in data.');
  });

  it('says what to do when there is nothing to list', () => {
    expect(renderIndexPage([])).toContain('no experiment results yet');
  });
});
