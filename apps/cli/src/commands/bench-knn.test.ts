import { Command } from 'commander';
import { createBufferIo } from '../io.js';
import { registerBenchKnn, runBenchKnn } from './bench-knn.js';

describe('cli/commands/bench-knn', () => {
  it('returns one row per size and dimension with seconds, baseline and ratio', async () => {
    const r = await runBenchKnn({ sizes: '200,300', dims: '2,20' }, createBufferIo());
    expect(r.rows.map((row) => [row.n, row.dims])).toEqual([
      [200, 2],
      [200, 20],
      [300, 2],
      [300, 20],
    ]);
    for (const row of r.rows) {
      expect(row).toMatchObject({ same_result: true, baseline_extrapolated: false });
      expect(row.ratio).toBeGreaterThan(0);
    }
  });

  it('prints a table, or one JSON object with --json', async () => {
    const io = createBufferIo();
    const program = new Command().exitOverride();
    registerBenchKnn(program, io);
    await program.parseAsync(['bench', 'knn', '--sizes', '150', '--dims', '2', '--json'], { from: 'user' });
    const json = JSON.parse(io.out());
    expect(json.rows[0]).toMatchObject({ n: 150, dims: 2 });
    expect(Object.keys(json.rows[0])).toEqual(expect.arrayContaining(['n', 'dims', 'seconds', 'baseline_seconds']));
    const human = createBufferIo();
    const p2 = new Command().exitOverride();
    registerBenchKnn(p2, human);
    await p2.parseAsync(['bench', 'knn', '--sizes', '150', '--dims', '2'], { from: 'user' });
    expect(human.out()).toMatch(/^\s+n\s+dims\s+engine s/);
    const withNull = createBufferIo();
    const p3 = new Command().exitOverride();
    registerBenchKnn(p3, withNull);
    await p3.parseAsync(['bench', 'knn', '--sizes', '150', '--dims', '20', '--null-shuffles', '2'], { from: 'user' });
    expect(withNull.out()).toMatch(/null ×100 s/);
    expect(withNull.out()).toMatch(/\byes\b/);
    await expect(runBenchKnn({ sizes: '1000,x' }, createBufferIo())).rejects.toThrow(/--sizes/);
  });
});
