import path from 'node:path';
import { copyFileSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { testing as mnistTesting } from '@cch-lab/data-mnist-m';
import { MOSEI_LABEL_MODES, MOSEI_LAYOUTS, testing as moseiTesting } from '@cch-lab/data-mosei';
import { testing as tcgaTesting } from '@cch-lab/data-tcga';
import { createBufferIo } from '../io.js';
import { main } from '../main.js';

describe('cli/commands/data-verify', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => tcgaTesting.removeDir(d)));

  it('prints what the loader would read from a TCGA folder, and one JSON object with --json', async () => {
    const dir = tcgaTesting.makeTempDir();
    dirs.push(dir);
    tcgaTesting.writeMogonetFolder(dir, tcgaTesting.tinyCohort({ samples: 40 }));
    const io = createBufferIo();
    expect(await main(['data', 'verify', 'tcga', '--path', dir, '--layout', 'mogonet'], io)).toBe(0);
    expect(io.out()).toMatch(/mrna/);
    expect(io.out()).toMatch(/40/);
    const json = createBufferIo();
    expect(await main(['data', 'verify', 'tcga', '--path', dir, '--layout', 'mogonet', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({ ok: true, layout: 'mogonet', intersection: 40 });
  });

  it('exits 3 naming missing files, 2 for a bad layout or a malformed file', async () => {
    const dir = tcgaTesting.makeTempDir();
    dirs.push(dir);
    const missing = createBufferIo();
    expect(await main(['data', 'verify', 'tcga', '--path', dir, '--layout', 'mogcn'], missing)).toBe(3);
    expect(missing.err()).toMatch(/fpkm_data\.csv/);
    expect(await main(['data', 'verify', 'tcga', '--path', dir, '--layout', 'other'], createBufferIo())).toBe(2);
    tcgaTesting.writeMogonetFolder(dir, tcgaTesting.tinyCohort({ samples: 40 }));
    tcgaTesting.writeText(dir, '1_tr.csv', '1,2,3\n4,5\n');
    const bad = createBufferIo();
    expect(await main(['data', 'verify', 'tcga', '--path', dir, '--layout', 'mogonet'], bad)).toBe(2);
    expect(bad.err()).toContain(path.join(dir, '1_tr.csv'));
    expect(await main(['data', 'verify', 'cifar', '--path', dir], createBufferIo())).toBe(2);
  });

  it('checks an MNIST IDX folder, and exits 2 naming the file and byte offset of a truncated copy', async () => {
    const dir = mnistTesting.makeTempDir();
    dirs.push(dir);
    const folder = mnistTesting.writeIdxFolder(dir, { gzip: true });
    const ok = createBufferIo();
    expect(await main(['data', 'verify', 'mnist', '--path', dir], ok)).toBe(0);
    expect(ok.out()).toMatch(/30/);
    const plain = mnistTesting.writeIdxFolder(mnistTesting.makeTempDir(), {});
    dirs.push(plain.dir);
    truncateSync(plain.files[0], 16 + 28 * 28 * 5 + 7);
    const bad = createBufferIo();
    expect(await main(['data', 'verify', 'mnist', '--path', plain.dir], bad)).toBe(2);
    expect(bad.err()).toContain(plain.files[0]);
    expect(bad.err()).toMatch(/byte \d+/);
    expect(folder.files).toHaveLength(4);
  });

  it('checks the h5py-written CMU-MOSEI .csd folder: videos and segments per modality, drops, label balance; --json gives the report', async () => {
    const dir = moseiTesting.SDK_FIXTURE_DIR;
    const io = createBufferIo();
    expect(await main(['data', 'verify', 'mosei', '--path', dir, '--layout', 'csd'], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/CMU-MOSEI \(csd\) .*: ok/);
    expect(out).toMatch(/text +CMU_MOSEI_TimestampedWordVectors: 4 videos, 14 frames, width 300/);
    expect(out).toMatch(/audio +CMU_MOSEI_COVAREP: 4 videos, 14 frames, width 74/);
    expect(out).toMatch(/visual +CMU_MOSEI_VisualFacet42: 3 videos, 8 frames, width 35/);
    expect(out).toMatch(/labels +CMU_MOSEI_Labels: 4 videos, 11 segments, width 7/);
    expect(out).toMatch(/segments 11 labelled, 7 aligned, 7 kept \(label mode 'binary'\)/);
    expect(out).toMatch(/dropped videos missing from a modality: visual 1/);
    expect(out).toMatch(/dropped segments without frames: visual 1/);
    expect(out).toMatch(/dropped zero-length segments: 1/);
    expect(out).toMatch(/labels negative 3, non-negative 4/);
    const json = createBufferIo();
    expect(await main(['data', 'verify', 'mosei', '--path', dir, '--layout', 'csd', '--label', 'binary-nonzero', '--json'], json)).toBe(0);
    const report = JSON.parse(json.out());
    expect(report).toMatchObject({ dataset: 'mosei', ok: true, layout: 'csd', label: 'binary-nonzero', path: dir, missingFiles: [], problems: [] });
    expect(report.segments).toMatchObject({ labelled: 11, aligned: 7 });
    expect(report.drops).toMatchObject({ zeroLengthSegments: 1, videosMissing: { visual: 1 }, segmentsNoFrames: { visual: 1 } });
    expect(report.sequences.visual).toMatchObject({ videos: 3, dim: 35 });
    expect(Object.keys(report.labelBalance).sort()).toEqual(['negative', 'positive']);
  });

  it('mosei: exits 2 naming a truncated .csd, 2 without or with an unknown --layout or --label, 3 for a folder without the files', async () => {
    const dir = moseiTesting.makeTempDir();
    dirs.push(dir);
    for (const f of readdirSync(moseiTesting.SDK_FIXTURE_DIR)) copyFileSync(path.join(moseiTesting.SDK_FIXTURE_DIR, f), path.join(dir, f));
    const cut = path.join(dir, 'CMU_MOSEI_COVAREP.csd');
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    const bad = createBufferIo();
    expect(await main(['data', 'verify', 'mosei', '--path', dir, '--layout', 'csd'], bad)).toBe(2);
    expect(bad.err()).toContain(cut);
    expect(bad.err()).toMatch(/truncated/);
    const noLayout = createBufferIo();
    expect(await main(['data', 'verify', 'mosei', '--path', moseiTesting.SDK_FIXTURE_DIR], noLayout)).toBe(2);
    expect(noLayout.err()).toMatch(/--layout is required/);
    for (const layout of MOSEI_LAYOUTS) expect(noLayout.err()).toContain(layout);
    expect(await main(['data', 'verify', 'mosei', '--path', moseiTesting.SDK_FIXTURE_DIR, '--layout', 'pickle'], createBufferIo())).toBe(2);
    const badLabel = createBufferIo();
    expect(await main(['data', 'verify', 'mosei', '--path', moseiTesting.SDK_FIXTURE_DIR, '--layout', 'csd', '--label', 'emotion'], badLabel)).toBe(2);
    for (const mode of MOSEI_LABEL_MODES) expect(badLabel.err()).toContain(mode);
    const empty = moseiTesting.makeTempDir();
    dirs.push(empty);
    const missing = createBufferIo();
    expect(await main(['data', 'verify', 'mosei', '--path', empty, '--layout', 'csd'], missing)).toBe(3);
    expect(missing.err()).toContain(path.join(empty, 'CMU_MOSEI_Labels.csd'));
    expect(missing.err()).toMatch(/data-scripts\/mosei\/README\.md/);
    expect(await main(['data', 'verify', 'mosei', '--path', path.join(empty, 'absent'), '--layout', 'arrays'], createBufferIo())).toBe(3);
  });

  it('mosei: checks a word-aligned arrays folder with --layout arrays and a label mode', async () => {
    const dir = moseiTesting.makeTempDir();
    dirs.push(dir);
    await moseiTesting.writeArraysFolder(dir);
    const io = createBufferIo();
    expect(await main(['data', 'verify', 'mosei', '--path', dir, '--layout', 'arrays', '--label', 'seven-class'], io)).toBe(0);
    expect(io.out()).toMatch(/CMU-MOSEI \(arrays\) .*: ok/);
    expect(io.out()).toMatch(/npy-splits: 13 rows \(train 6, valid 3, test 4\) × 4 steps/);
    expect(io.out()).toMatch(/label mode 'seven-class'/);
    const json = createBufferIo();
    expect(await main(['data', 'verify', 'mosei', '--path', dir, '--layout', 'arrays', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({ ok: true, layout: 'arrays', arrays: { format: 'npy-splits', rowsRead: 13 }, split: { rule: 'stored' } });
  });

  it('--help explains every data set’s options, mosei’s layouts and label modes included', async () => {
    const io = createBufferIo();
    expect(await main(['data', 'verify', '--help'], io)).toBe(0);
    const help = io.out() + io.err();
    expect(help).toMatch(/tcga \| mnist \| mosei/);
    expect(help).toContain('--label <mode>');
    for (const name of [...MOSEI_LAYOUTS, ...MOSEI_LABEL_MODES]) expect(help).toContain(name);
    expect(help).toMatch(/cch data verify mosei --path/);
  });
});
