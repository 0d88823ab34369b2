#!/usr/bin/env node
// Fetch MNIST (IDX, gzipped) and the BSDS500 photos, then build aligned MNIST-M (Ganin & Lempitsky's
// recipe) with @cch-lab/data-mnist-m's generator: <out>/mnist/*.gz, <out>/mnist_m/bsds500/train/*.jpg,
// <out>/mnist_m/aligned/mnistm_{train,test}{,_labels}.npy + build.json. Node built-ins only (the build
// step imports the repository's built package). Usage: data-scripts/mnist-m/README.md. `--self-test`
// runs offline.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync,
  renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync, deflateSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { Fail, Usage, digest, download } from '../lib/fetch-common.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE = join(HERE, '..', '..', 'packages', 'data-mnist-m', 'dist', 'index.js');
// As of writing: torchvision's mirror (the original yann.lecun.com host often refuses downloads).
const MNIST_BASES = ['https://ossci-datasets.s3.amazonaws.com/mnist', 'https://storage.googleapis.com/cvdf-datasets/mnist'];
const BSDS_URL = 'http://www.eecs.berkeley.edu/Research/Projects/CS/vision/grouping/BSR/BSR_bsds500.tgz'; // as published; redirects are followed
const BSDS_TRAIN = 'BSR/BSDS500/data/images/train/';
const MNIST_FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
// The md5 sums torchvision publishes for these files (torchvision/datasets/mnist.py, MNIST.resources).
const PUBLISHED_MD5 = {
  'train-images-idx3-ubyte.gz': 'f68b3c2dcbeaaa9fbdd348bbdeb94873',
  'train-labels-idx1-ubyte.gz': 'd53e105ee54ea40749a09fcbcd1e9432',
  't10k-images-idx3-ubyte.gz': '9fb629c4189551a2d022fa330f9573f3',
  't10k-labels-idx1-ubyte.gz': 'ec29112dd5afa0611ce80d1b7f02629c',
};
const DEFAULT_SEED = 20151; // the build's seed; recorded in build.json
const STEPS = ['mnist', 'bsds', 'build'];
const USAGE = `usage: node data-scripts/mnist-m/fetch-mnist-m.mjs [--out data] [--steps mnist,bsds,build] [--from DIR]
         [--force] [--checksums FILE] [--md5 FILE] [--mnist-base URL] [--bsds-url URL] [--seed N] [--grey]
       node data-scripts/mnist-m/fetch-mnist-m.mjs --self-test
  --steps LIST    which of mnist, bsds, build to run (default all three, in that order)
  --from DIR      no network: take MNIST's four .gz files and BSR_bsds500.tgz from DIR
  --force         replace files already there (otherwise they are kept and re-checked)
  --checksums F   pinned sha256 list (default data-scripts/mnist-m/checksums.sha256)
  --md5 F         md5 list for the MNIST files, "<md5>  <file>" lines (default: torchvision's published sums)
  --mnist-base U  MNIST download root (default ${MNIST_BASES[0]}, then ${MNIST_BASES[1]})
  --bsds-url U    BSDS500 archive (default ${BSDS_URL})
  --seed N        seed of the MNIST-M build (default ${DEFAULT_SEED})
  --grey          composite the grey digit values instead of binarised strokes (create_mnistm.py binarises)`;


function parseArgs(argv) {
  const o = { out: 'data', steps: STEPS, from: null, force: false, selfTest: false, checksums: join(HERE, 'checksums.sha256'),
    md5: null, mnistBases: MNIST_BASES, bsdsUrl: BSDS_URL, seed: DEFAULT_SEED, binarize: true };
  const val = (i, k) => { if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new Usage(`${k} needs a value`); return argv[i + 1]; };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else if (a === '--self-test') o.selfTest = true;
    else if (a === '--force') o.force = true;
    else if (a === '--grey') o.binarize = false;
    else if (a === '--out') o.out = val(i++, a);
    else if (a === '--from') o.from = val(i++, a);
    else if (a === '--checksums') o.checksums = val(i++, a);
    else if (a === '--md5') o.md5 = val(i++, a);
    else if (a === '--mnist-base') o.mnistBases = [val(i++, a).replace(/\/+$/, '')];
    else if (a === '--bsds-url') o.bsdsUrl = val(i++, a);
    else if (a === '--seed') { o.seed = Number(val(i++, a)); if (!Number.isSafeInteger(o.seed) || o.seed < 0) throw new Usage('--seed must be a non-negative integer'); }
    else if (a === '--steps') {
      o.steps = val(i++, a).split(',').map((s) => s.trim()).filter(Boolean);
      const bad = o.steps.filter((s) => !STEPS.includes(s));
      if (bad.length || !o.steps.length) throw new Usage(`--steps takes a list of ${STEPS.join(', ')}, not ${bad.join(', ') || '(nothing)'}`);
    } else throw new Usage(`unknown argument ${a}`);
  }
  if (o.from && !existsSync(o.from)) throw new Usage(`--from ${o.from}: no such directory`);
  return o;
}

// `<hex>  <key>` lines, '#' comments.
function readSums(file, length) {
  const sums = new Map();
  if (!existsSync(file)) return sums;
  readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const m = new RegExp(`^([0-9a-fA-F]{${length}})\\s+\\*?(\\S+)$`).exec(t);
    if (!m) throw new Fail(`${file}:${n + 1}: expected "<${length}-hex-digit sum>  <name>", got "${t}"`);
    sums.set(m[2], m[1].toLowerCase());
  });
  return sums;
}

async function obtain({ name, key, dest, urls, md5, pins, o, unpinned }) {
  let source = 'existing';
  if (o.force || !existsSync(dest)) {
    const tmp = `${dest}.tmp-download`;
    try {
      if (o.from) {
        const f = join(o.from, name);
        if (!existsSync(f)) throw new Fail(`--from: ${f} not found`);
        copyFileSync(f, tmp); source = `from ${f}`;
      } else source = await download(urls, tmp, `could not download from any of: ${urls.join(' , ')} — see README "Sources" for mirrors, or use --from`);
      await check(tmp, { name, key, md5, pins, source });
      renameSync(tmp, dest);
    } finally { rmSync(tmp, { force: true }); }
  } else await check(dest, { name, key, md5, pins, source });
  const sha = await digest(dest, 'sha256');
  if (!pins.has(key)) unpinned.push(`${sha}  ${key}`);
  console.log(`  ${name}  sha256 ${sha}  ${pins.has(key) ? 'verified' : 'unpinned'}${md5 ? ', md5 matches the published sum' : ''}  (${source})`);
  return { name, sha256: sha, source, bytes: statSync(dest).size };
}

async function check(file, { name, key, md5, pins, source }) {
  if (md5) {
    const got = await digest(file, 'md5');
    if (got !== md5) throw new Fail(`md5 MISMATCH for ${name} (${source}): published ${md5}, got ${got}; not installed — the download is corrupt or the mirror serves another file`);
  }
  if (pins.has(key)) {
    const got = await digest(file, 'sha256');
    if (got !== pins.get(key)) throw new Fail(`sha256 MISMATCH for ${key} (${source}): pinned ${pins.get(key)}, got ${got}; not installed. Re-fetch; update the pin only if you trust the new file.`);
  }
}

async function stepMnist(o, pins, unpinned) {
  const dir = resolve(o.out, 'mnist');
  mkdirSync(dir, { recursive: true });
  console.log(`mnist: → ${dir}`);
  const md5s = o.md5 ? readSums(o.md5, 32) : new Map(Object.entries(PUBLISHED_MD5));
  const files = [];
  for (const name of MNIST_FILES) {
    files.push(await obtain({ name, key: `mnist/${name}`, dest: join(dir, name), urls: o.mnistBases.map((b) => `${b}/${name}`),
      md5: md5s.get(name), pins, o, unpinned }));
  }
  writeFileSync(join(dir, 'SHA256SUMS'), files.map((f) => `${f.sha256}  ${f.name}\n`).join(''));
}

async function stepBsds(o, pins, unpinned) {
  const root = resolve(o.out, 'mnist_m');
  const dir = join(root, 'bsds500', 'train');
  mkdirSync(root, { recursive: true });
  console.log(`bsds: → ${dir}`);
  const name = 'BSR_bsds500.tgz';
  const archive = join(root, name);
  await obtain({ name, key: `bsds/${name}`, dest: archive, urls: [o.bsdsUrl], md5: undefined, pins, o, unpinned });
  const tmp = `${dir}.tmp-extract`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let count = 0;
  await extractTar(archive, (path, data) => {
    if (!path.startsWith(BSDS_TRAIN) || !/\.jpg$/i.test(path) || path.slice(BSDS_TRAIN.length).includes('/')) return;
    writeFileSync(join(tmp, basename(path)), data); count++;
  });
  if (count === 0) { rmSync(tmp, { recursive: true, force: true }); throw new Fail(`${archive} holds no ${BSDS_TRAIN}*.jpg — not the BSDS500 archive?`); }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  console.log(`  extracted ${count} training photos (BSDS500 has 200)`);
}

/** A streaming reader of (gzipped) ustar / GNU tar: calls onFile(path, bytes) for each regular file. */
async function extractTar(file, onFile) {
  let pending = Buffer.alloc(0); let want = null; let longName = null; let paxPath = null;
  const source = createReadStream(file).pipe(createGunzip());
  for await (const chunk of source) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (want === null) {
        if (pending.length < 512) break;
        const h = pending.subarray(0, 512); pending = pending.subarray(512);
        if (h.every((b) => b === 0)) continue;
        const str = (a, b) => h.subarray(a, b).toString('utf8').replace(/\0.*$/s, '');
        const size = parseInt(str(124, 136).trim() || '0', 8);
        const type = String.fromCharCode(h[156] || 48);
        const prefix = str(257, 263).startsWith('ustar') ? str(345, 500) : '';
        const path = paxPath ?? longName ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100));
        want = { size, type, path, padded: Math.ceil(size / 512) * 512 };
        if (type !== 'L' && type !== 'x' && type !== 'g') { longName = null; paxPath = null; }
      } else {
        if (pending.length < want.padded) break;
        const data = pending.subarray(0, want.size); pending = pending.subarray(want.padded);
        if (want.type === 'L') longName = data.toString('utf8').replace(/\0.*$/s, '');
        else if (want.type === 'x') { const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8')); if (m) paxPath = m[1]; }
        else if (want.type === '0' || want.type === '\0' || want.type === '7') onFile(want.path.replace(/^\.\//, ''), Buffer.from(data));
        want = null;
      }
    }
  }
  if (want !== null) throw new Fail(`${file}: the archive ends inside ${want.path} — truncated download?`);
}

async function stepBuild(o) {
  if (!existsSync(PACKAGE)) throw new Fail(`${PACKAGE} not found: run npm ci (or npm run build) in the repository first`);
  const pkg = await import(pathToFileURL(PACKAGE).href);
  const data = await import(pathToFileURL(join(HERE, '..', '..', 'packages', 'data', 'dist', 'index.js')).href);
  const mnistDir = resolve(o.out, 'mnist');
  const photos = resolve(o.out, 'mnist_m', 'bsds500', 'train');
  const dir = resolve(o.out, 'mnist_m', 'aligned');
  console.log(`build: ${mnistDir} + ${photos} → ${dir}`);
  const splits = [];
  for (const split of ['train', 'test']) {
    const digits = pkg.loadMnistIdx({ path: mnistDir, split });
    const t = Date.now();
    const pairs = await pkg.mnistMPairs(digits, { seed: o.seed, backgrounds: photos, binarize: o.binarize });
    // The generator's values are k/255, so this is exact.
    const bytes = Uint8Array.from(pairs.images, (v) => Math.round(v * 255));
    data.writeNpyAtomic(join(dir, `mnistm_${split}.npy`), bytes, [digits.n, 28, 28, 3]);
    data.writeNpyAtomic(join(dir, `mnistm_${split}_labels.npy`), digits.labels, [digits.n]);
    console.log(`  ${split}: ${digits.n} pairs in ${((Date.now() - t) / 1000).toFixed(1)} s, source ${pairs.source}`);
    splits.push({ split, n: digits.n, source: pairs.source, meta: pairs.meta, digitsFiles: digits.meta.files });
  }
  writeFileSync(join(dir, 'build.json'), JSON.stringify({ builtAt: new Date().toISOString(), seed: o.seed, binarize: o.binarize,
    recipe: 'per-channel |patch − digit|, Ganin & Lempitsky; row i of mnistm_<split>.npy is MNIST <split> digit i', splits }, null, 2) + '\n');
}

async function main(argv) {
  const o = parseArgs(argv);
  if (o.selfTest) return selfTest();
  const pins = readSums(o.checksums, 64);
  const unpinned = [];
  if (o.steps.includes('mnist')) await stepMnist(o, pins, unpinned);
  if (o.steps.includes('bsds')) await stepBsds(o, pins, unpinned);
  if (o.steps.includes('build')) await stepBuild(o);
  if (unpinned.length) {
    console.log(`\nNo pinned sha256 for ${unpinned.length} file(s) (trust on first use). If you trust this fetch, add these lines to ${o.checksums}:`);
    console.log(unpinned.join('\n'));
  }
}

// ---- self-test (offline): tiny IDX files, a tiny tgz holding PNG "photos", the real build step if built ----

function idx(shape, data) {
  const head = Buffer.alloc(4 + 4 * shape.length); head[2] = 8; head[3] = shape.length;
  shape.forEach((d, k) => head.writeUInt32BE(d, 4 + 4 * k));
  return Buffer.concat([head, Buffer.from(data)]);
}
const CRC = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
function crc32(buf) { let c = 0xffffffff; for (const b of buf) c = CRC[(c ^ b) & 255] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; }
function png(width, height, pixel) { // 8-bit RGB, no filter
  const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td)); return Buffer.concat([len, td, crc]); };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (1 + width * 3) + 1 + x * 3);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function tar(entries) { // [path, bytes] → ustar bytes
  const blocks = [];
  for (const [path, data] of entries) {
    const h = Buffer.alloc(512);
    h.write(path.slice(0, 100), 0); h.write('0000644\0', 100); h.write('0000000\0', 108); h.write('0000000\0', 116);
    h.write(data.length.toString(8).padStart(11, '0') + '\0', 124); h.write('00000000000\0', 136); h.write('        ', 148);
    h[156] = 48; h.write('ustar\0', 257); h.write('00', 263);
    let sum = 0; for (const b of h) sum += b; h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function selfTest() {
  const tmp = mkdtempSync(join(tmpdir(), 'fetch-mnist-m-selftest-'));
  const run = (...args) => spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8' });
  const check = (ok, what, r) => { if (!ok) { console.error(`self-test FAILED: ${what}`, r ? `\n${r.stdout}\n${r.stderr}` : ''); process.exit(1); } console.log(`ok - ${what}`); };
  const md5 = (b) => createHash('md5').update(b).digest('hex');
  try {
    const src = join(tmp, 'src'); const out = join(tmp, 'out'); const pinFile = join(tmp, 'pins.sha256'); const md5File = join(tmp, 'md5');
    mkdirSync(src, { recursive: true });
    const n = { train: 20, test: 10 };
    const files = {};
    for (const [split, stem] of [['train', 'train'], ['test', 't10k']]) {
      const px = Uint8Array.from({ length: n[split] * 784 }, (_, j) => ((j % 28) > 9 && (j % 28) < 18 && ((j / 28) | 0) % 28 > 5 ? 255 : 0));
      files[`${stem}-images-idx3-ubyte.gz`] = gzipSync(idx([n[split], 28, 28], px));
      files[`${stem}-labels-idx1-ubyte.gz`] = gzipSync(idx([n[split]], Uint8Array.from({ length: n[split] }, (_, i) => i % 10)));
    }
    const photos = [png(48, 40, (x, y) => [x * 5, y * 6, 128]), png(40, 40, (x, y) => [200, x * 6, y * 6])];
    files['BSR_bsds500.tgz'] = gzipSync(tar([
      ['BSR/BSDS500/data/images/train/2092.jpg', photos[0]], ['BSR/BSDS500/data/images/train/8049.jpg', photos[1]],
      ['BSR/BSDS500/data/images/test/100007.jpg', photos[1]], ['BSR/BSDS500/data/groundTruth/train/2092.mat', Buffer.from('x')]]));
    for (const [f, b] of Object.entries(files)) writeFileSync(join(src, f), b);
    writeFileSync(md5File, MNIST_FILES.map((f) => `${md5(files[f])}  ${f}`).join('\n') + '\n');
    writeFileSync(pinFile, '# empty\n');
    const sha = (b) => createHash('sha256').update(b).digest('hex');

    check(run('--steps', 'nope').status === 2, 'bad --steps is a usage error (exit 2)');
    check(run('--out').status === 2, '--out without a value is a usage error');
    let r = run('--out', out, '--from', src, '--steps', 'mnist', '--checksums', pinFile);
    check(r.status === 1 && /md5 MISMATCH for train-images-idx3-ubyte\.gz.*published f68b3c2d/.test(r.stderr), "fake files fail torchvision's published md5 (exit 1)", r);
    check(!existsSync(join(out, 'mnist', 'train-images-idx3-ubyte.gz')), 'a file failing its md5 is not installed');
    r = run('--out', out, '--from', src, '--steps', 'mnist,bsds', '--checksums', pinFile, '--md5', md5File);
    check(r.status === 0, 'fetch from local files with matching md5 exits 0', r);
    for (const f of MNIST_FILES) check(readFileSync(join(out, 'mnist', f)).equals(files[f]), `mnist/${f} installed byte-identical`);
    check(r.stdout.includes(`${sha(files['BSR_bsds500.tgz'])}  bsds/BSR_bsds500.tgz`) && r.stdout.includes(`${sha(files[MNIST_FILES[0]])}  mnist/${MNIST_FILES[0]}`),
      'unpinned sha256 printed with the line to add', r);
    const train = join(out, 'mnist_m', 'bsds500', 'train');
    check(readdirSync(train).sort().join(',') === '2092.jpg,8049.jpg' && readFileSync(join(train, '2092.jpg')).equals(photos[0]),
      'only BSDS500 images/train/*.jpg extracted, byte-identical');

    writeFileSync(pinFile, r.stdout.split('\n').filter((l) => /^[0-9a-f]{64}  /.test(l)).join('\n') + '\n');
    r = run('--out', out, '--from', src, '--steps', 'mnist,bsds', '--checksums', pinFile, '--md5', md5File, '--force');
    check(r.status === 0 && !r.stdout.includes('unpinned'), 'pinned fetch verifies', r);
    writeFileSync(join(src, 'BSR_bsds500.tgz'), gzipSync(tar([['BSR/BSDS500/data/images/train/1.jpg', photos[1]]])));
    r = run('--out', out, '--from', src, '--steps', 'bsds', '--checksums', pinFile, '--force');
    check(r.status === 1 && /sha256 MISMATCH for bsds\/BSR_bsds500\.tgz/.test(r.stderr), 'changed archive: pin mismatch, exit 1', r);
    check(readdirSync(train).length === 2, 'previous photos kept after a mismatch');

    if (!existsSync(PACKAGE)) console.log(`skip - build step (${PACKAGE} not built; run npm run build)`);
    else {
      r = run('--out', out, '--steps', 'build', '--seed', '3');
      check(r.status === 0, 'build step writes aligned MNIST-M from the local files', r);
      const aligned = join(out, 'mnist_m', 'aligned');
      const header = readFileSync(join(aligned, 'mnistm_train.npy')).subarray(0, 128).toString('latin1');
      check(/'descr': '\|u1'.*'shape': \(20, 28, 28, 3\)/.test(header), 'mnistm_train.npy is (20, 28, 28, 3) uint8');
      const build = JSON.parse(readFileSync(join(aligned, 'build.json'), 'utf8'));
      check(build.splits.every((s) => s.source === 'real') && build.seed === 3 && build.binarize === true, 'build.json: source real, seed, binarize recorded');
      return import(pathToFileURL(PACKAGE).href).then((pkg) => {
        const m = pkg.loadMnistMNpy({ path: aligned, split: 'test' });
        check(m.n === 10 && m.labels[3] === 3, 'loadMnistMNpy reads the built test split');
        console.log('self-test passed');
      }).finally(() => rmSync(tmp, { recursive: true, force: true }));
    }
    console.log('self-test passed');
  } catch (e) { rmSync(tmp, { recursive: true, force: true }); throw e; }
  rmSync(tmp, { recursive: true, force: true });
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof Fail) { console.error(`fetch-mnist-m: ${e.message}`); process.exit(e instanceof Usage ? 2 : 1); }
  console.error(e); process.exit(1);
});
