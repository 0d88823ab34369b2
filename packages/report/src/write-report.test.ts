import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataNotFoundError } from '@cch-lab/core';
import { resultsFixture } from './testing-fixtures/results-fixture.js';
import { writeExperimentReport, writeReportIndex } from './write-report.js';

describe('report/write-report', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cch-report-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  function writeResults(name: string, text: string): void {
    fs.mkdirSync(path.join(root, name), { recursive: true });
    fs.writeFileSync(path.join(root, name, 'results.json'), text);
  }

  it('writes an experiment page to dir/index.html, leaving no temporary file', async () => {
    const dir = path.join(root, 'cch-gaussian');
    const { htmlPath, warnings } = await writeExperimentReport(dir, resultsFixture());
    expect(htmlPath).toBe(path.join(dir, 'index.html'));
    expect(warnings).toEqual([]);
    expect(fs.readFileSync(htmlPath, 'utf8')).toContain('<h1>CCH on the joint Gaussian model</h1>');
    expect(fs.readdirSync(dir)).toEqual(['index.html']);
  });

  it('writes a page saying why, and a warning naming the file, for an object that is not a results file', async () => {
    const dir = path.join(root, 'odd');
    const { htmlPath, warnings } = await writeExperimentReport(dir, { experiment: 'odd', title: 'Odd' } as never);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^${path.join(dir, 'results.json').replace(/[.\\/]/g, '\\$&')}: not a usable results file \\(.*sources.*must be an array`))]);
    expect(fs.readFileSync(htmlPath, 'utf8')).toContain('No report: the results file cannot be used');
  });

  it('indexes every readable results.json and warns about a corrupt one', async () => {
    writeResults('b-second', JSON.stringify(resultsFixture({ experiment: 'b-second', title: 'Second', sources: ['real'] })));
    writeResults('a-first', JSON.stringify(resultsFixture({ experiment: 'a-first', title: 'First' })));
    writeResults('c-corrupt', '{"experiment": "c-corrupt", "title": ');
    fs.mkdirSync(path.join(root, '.cache', 'x'), { recursive: true }); // the cell cache: not an experiment
    fs.mkdirSync(path.join(root, 'empty-dir'));

    const { htmlPath, entries, warnings } = await writeReportIndex(root);
    const html = fs.readFileSync(htmlPath, 'utf8');
    expect(htmlPath).toBe(path.join(root, 'index.html'));
    expect(entries.map((e) => e.href)).toEqual(['a-first/index.html', 'b-second/index.html']);
    expect(html).toContain('<a href="a-first/index.html">First</a>');
    expect(html).toContain('<a href="b-second/index.html">Second</a>');
    expect(html).not.toContain('c-corrupt/index.html');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path.join(root, 'c-corrupt', 'results.json'));
    expect(warnings[0]).toContain('not valid JSON');
  });

  it('builds the scorecard from results.json alone, under the directory’s name when it differs from the experiment', async () => {
    writeResults('ablation-lambda', JSON.stringify(resultsFixture({ experiment: 'tcga', title: 'λ ablation', sources: ['real'], configFile: 'configs/ablation-lambda.yaml' })));
    writeResults('tcga', JSON.stringify(resultsFixture({ experiment: 'tcga', title: 'TCGA', sources: ['real'], scorecard: undefined })));
    const { htmlPath, entries, warnings } = await writeReportIndex(root);
    expect(warnings).toEqual([]);
    expect(entries.map((e) => [e.dir, e.experiment, e.scorecard !== undefined])).toEqual([
      ['ablation-lambda', 'tcga', true],
      ['tcga', 'tcga', false],
    ]);
    const html = fs.readFileSync(htmlPath, 'utf8');
    expect(html).toContain('<code>ablation-lambda</code> · experiment <code>tcga</code>');
    expect(html).toContain('<h3>Pooled over the real-data experiments</h3>');
    expect(html).toContain('not scored — this results file carries no scorecard');
  });

  it('takes the description’s first sentence for an unscored row, past abbreviations', async () => {
    writeResults('mfh', JSON.stringify(resultsFixture({ scorecard: undefined, description: 'The benchmark of Xue et al. 2023, e.g. a γ sweep. Then more.' })));
    const { entries } = await writeReportIndex(root);
    expect(entries[0].summaryLine).toBe('The benchmark of Xue et al. 2023, e.g. a γ sweep.');
  });

  it('lists an experiment whose scorecard is malformed as not scored, with a warning naming the file', async () => {
    writeResults('odd-card', JSON.stringify({ ...resultsFixture(), scorecard: { paperClaim: 'x', verdict: 'y', cch: { label: 'CCH', agree: 3 } } }));
    const { entries, warnings } = await writeReportIndex(root);
    expect(entries).toHaveLength(1);
    expect(entries[0].scorecard).toBeUndefined();
    expect(warnings).toEqual([`${path.join(root, 'odd-card', 'results.json')}: scorecard.cch: decisive must be a count; the index lists the experiment as not scored`]);
  });

  it('skips, with a warning naming the key, a JSON file that is not a results file', async () => {
    writeResults('odd', JSON.stringify({ experiment: 'odd', title: 'Odd' }));
    const { entries, warnings } = await writeReportIndex(root);
    expect(entries).toEqual([]);
    expect(warnings[0]).toMatch(/odd.*results\.json.*sources: must be an array/);
  });

  it('says which directory is missing', async () => {
    await expect(writeReportIndex(path.join(root, 'nope'))).rejects.toThrow(DataNotFoundError);
  });
});
