import path from 'node:path';
import { truncateSync } from 'node:fs';
import { testing as mnistTesting } from '@cch-lab/data-mnist-m';
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
});
