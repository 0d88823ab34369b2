import { readAblationClaims, renderAblationClaims } from './ablation-claims-block.js';
import type { IndexEntry } from './index-entry.js';

const entry = (dir: string, claims: unknown): IndexEntry => ({ dir, experiment: 'tcga', title: dir, href: `${dir}/index.html`, profile: 'smoke', sources: ['simulated'], finishedAt: '2026-12-02T00:00:00Z', ablationClaims: readAblationClaims(claims) });

describe('report/ablation-claims-block', () => {
  it('keeps only well-formed claims', () => {
    expect(readAblationClaims([{ factor: 'T', claim: 'c', ours: 'o', verdict: 'holds' }, { factor: 'T', claim: 'c', ours: 'o', verdict: 'maybe' }, 3, null])).toHaveLength(1);
    expect(readAblationClaims(undefined)).toEqual([]);
  });

  it('lists the testable claims per experiment, counts where each holds, and escapes every string', () => {
    const html = renderAblationClaims([
      entry('ablation-temperature', [
        { factor: 'T', claim: 'same for every T', ours: '0 of 4 <change>', verdict: 'holds' },
        { factor: 'λ', claim: 'smaller λ agrees better', ours: 'one λ', verdict: 'not testable here' },
      ]),
      entry('tcga', [{ factor: 'T', claim: 'same for every T', ours: '1 of 3 change', verdict: 'does not hold' }]),
    ]);
    expect(html).toContain('“same for every T”: holds in 1 of 2 experiments that could test it.');
    expect(html).not.toContain('smaller λ agrees better');
    expect(html).toContain('0 of 4 &lt;change&gt;');
    expect(html).toMatch(/<td>[^<]*<span[^>]*>simulated<\/span>/);
    expect(renderAblationClaims([entry('x', [])])).toBe('');
  });
});
