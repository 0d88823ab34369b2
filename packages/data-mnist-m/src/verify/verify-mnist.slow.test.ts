// Real IDX files: Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist). CI does
// not have them, so this runs only in the slow target, and skips where the folder is absent.
import fs from 'node:fs';
import { loadMnistIdx } from '../digits/load-mnist-idx.js';
import { formatMnistVerify } from './format-mnist-verify.js';
import { verifyMnist } from './verify-mnist.js';

const FASHION = '/usr/share/datasets/fashion-mnist';
const maybe = fs.existsSync(FASHION) ? describe : describe.skip;

maybe('data-mnist-m/verify-mnist on Debian Fashion-MNIST', () => {
  it('verifies the four gzipped files: 60 000 + 10 000, 28 × 28, 6 000 / 1 000 a class', () => {
    const r = verifyMnist({ path: FASHION });
    expect(r.ok).toBe(true);
    expect(r.loadable).toBe(true);
    expect(r.splits.train).toMatchObject({ count: 60_000, rows: 28, cols: 28, paired: true });
    expect(r.splits.test).toMatchObject({ count: 10_000, paired: true });
    expect(r.splits.train.labels?.classCounts).toEqual(new Array(10).fill(6000));
    expect(r.splits.test.labels?.classCounts).toEqual(new Array(10).fill(1000));
    expect(formatMnistVerify(r)).toContain(': ok');
  });

  it('loads the test split as a DigitSet (source real)', () => {
    const d = loadMnistIdx({ path: FASHION, split: 'test' });
    expect(d.n).toBe(10_000);
    expect(d.source).toBe('real');
  });
});
