import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBufferIo } from '../io.js';
import { main } from '../main.js';
import { checkReportsInBrowser } from '../testing-fixtures/report-browser.js';

// End to end on the repository's own configs with the smoke profile: what CI can afford of
// `npm run reproduce`.
const repoConfigs = fileURLToPath(new URL('../../../../configs', import.meta.url));

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-reproduce-'));
  tempDirs.push(dir);
  return dir;
}

interface Results {
  experiment: string;
  profile: string;
  sources: string[];
  cellCounts: { total: number; cached: number; ran: number };
  cells: Record<string, unknown>[];
  summary: Record<string, unknown>;
}
const readResults = (reports: string, name: string): Results =>
  JSON.parse(readFileSync(path.join(reports, name, 'results.json'), 'utf8')) as Results;

describe('cli/reproduce (smoke profile, end to end)', () => {
  it('runs every config into results, pages and the index, every page clean in headless Chromium; a rerun comes from the cache with the same numbers', async () => {
    const reports = tempDir();
    const io = createBufferIo({ env: {} });
    const code = await main(['reproduce', '--profile', 'smoke', '--configs', repoConfigs, '--reports', reports], io);
    expect(io.err()).not.toMatch(/failed:/);
    expect(code).toBe(0);
    // It ends with where the report is and one line per experiment: its verdict, else its first note.
    const configs = readdirSync(repoConfigs).filter((f) => f.endsWith('.yaml') && !f.endsWith('.example.yaml'));
    expect(io.out()).toContain(`\nreproduced ${configs.length} of ${configs.length} experiments (smoke): ${path.join(reports, 'index.html')}\n`);
    for (const f of configs) {
      const name = f.replace(/\.yaml$/, '');
      const results = JSON.parse(readFileSync(path.join(reports, name, 'results.json'), 'utf8')) as { scorecard?: { verdict: string }; notes: string[] };
      expect(io.out()).toContain(`\n  ${name}: ${results.scorecard?.verdict ?? results.notes[0]}\n`);
    }

    const index = readFileSync(path.join(reports, 'index.html'), 'utf8');
    for (const name of ['synthetic', 'mfh-gauss']) {
      expect(index).toContain(`${name}/index.html`);
      expect(readFileSync(path.join(reports, name, 'index.html'), 'utf8')).toContain('<svg');
      expect(existsSync(path.join(reports, name, 'results.csv'))).toBe(true);
    }

    const synthetic = readResults(reports, 'synthetic');
    expect(synthetic.profile).toBe('smoke');
    expect(synthetic.sources).toEqual(['simulated']);
    for (const key of ['margin_analytic', 'margin_ksg', 'margin_gaussian', 'mse_no_kd', 'mse_kd', 'risk_exact_no_kd', 'risk_exact_kd', 'lambda', 'n', 'cch_prediction', 'exact_prediction', 'observed']) {
      for (const cell of synthetic.cells) expect(cell).toHaveProperty(key);
    }
    const agreement = (synthetic.summary.agreement as Record<string, { rate: number; interval: [number, number] }>)['cch:analytic'];
    expect(agreement.rate).toBeGreaterThanOrEqual(agreement.interval[0]);
    expect(agreement.rate).toBeLessThanOrEqual(agreement.interval[1]);
    expect(synthetic.summary.agreement).toHaveProperty(['exact']);

    const mfh = readResults(reports, 'mfh-gauss');
    expect(mfh.cells.length).toBeGreaterThan(0);
    const tcga = readResults(reports, 'tcga');
    expect(tcga.sources).toEqual(['simulated']);
    for (const key of ['cohort', 'teacher', 'student', 'no_kd_accuracy', 'kd_accuracy', 'i_teacher_student', 'i_student_label', 'margin', 'verdict', 'observed']) {
      for (const cell of tcga.cells) expect(cell).toHaveProperty(key);
    }

    // The pages in a real browser (skipped with a warning where there is no Chromium, except under CI).
    const problems = await checkReportsInBrowser(reports);
    if (problems !== null) expect(problems).toEqual([]);

    const again = createBufferIo({ env: {} });
    expect(await main(['reproduce', '--profile', 'smoke', '--configs', repoConfigs, '--reports', reports, '--only', 'synthetic'], again)).toBe(0);
    const rerun = readResults(reports, 'synthetic');
    expect(rerun.cellCounts.cached).toBe(rerun.cellCounts.total);
    expect(rerun.cells).toEqual(synthetic.cells);
  }, 900_000);

  it('keeps going past a config with a typo, exits 2 naming the key and line, and leaves earlier results intact', async () => {
    const configs = tempDir();
    const reports = tempDir();
    copyFileSync(path.join(repoConfigs, 'synthetic.yaml'), path.join(configs, 'synthetic.yaml'));
    const first = createBufferIo({ env: {} });
    expect(await main(['reproduce', '--profile', 'smoke', '--configs', configs, '--reports', reports], first)).toBe(0);
    const before = readFileSync(path.join(reports, 'synthetic', 'results.json'), 'utf8');

    const broken = readFileSync(path.join(repoConfigs, 'synthetic.yaml'), 'utf8').replace(/^repeats:/m, 'repeatz:');
    const line = broken.split('\n').findIndex((l) => l.startsWith('repeatz:')) + 1;
    writeFileSync(path.join(configs, 'synthetic.yaml'), broken);
    const io = createBufferIo({ env: {} });
    expect(await main(['reproduce', '--profile', 'smoke', '--configs', configs, '--reports', reports], io)).toBe(2);
    expect(io.err()).toContain(`synthetic.yaml:${line}`);
    expect(io.err()).toMatch(/unknown key 'repeatz' \(did you mean 'repeats'\?\)/);
    expect(readFileSync(path.join(reports, 'synthetic', 'results.json'), 'utf8')).toBe(before);
  }, 240_000);
});
