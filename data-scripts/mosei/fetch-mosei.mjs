#!/usr/bin/env node
// Fetch the CMU Multimodal SDK's CMU-MOSEI computational sequences (GloVe word vectors, COVAREP,
// FACET 4.2, labels; HDF5 `.csd` files) from the SDK's own server into the flat csd layout the
// MOSEI loader reads: <out>/CMU_MOSEI_*.csd + SHA256SUMS + fetch.json. Node built-ins only.
// Usage: data-scripts/mosei/README.md. `--dry-run` and `--self-test` run offline.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync,
  renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { Fail, Usage, digest, download } from '../lib/fetch-common.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
// The SDK's URLs (mmsdk/mmdatasdk/dataset/standard_datasets/CMU_MOSEI/cmu_mosei.py), as of writing.
const DEFAULT_BASE = 'http://immortal.multicomp.cs.cmu.edu/CMU-MOSEI';
// [modality, the SDK's folder on the server, file]; the layout itself is flat.
const FILES = [
  ['text', 'language', 'CMU_MOSEI_TimestampedWordVectors.csd'], // SDK highlevel "glove_vectors" (GloVe 300)
  ['audio', 'acoustic', 'CMU_MOSEI_COVAREP.csd'], // "COVAREP" (74)
  ['vision', 'visual', 'CMU_MOSEI_VisualFacet42.csd'], // "FACET 4.2" (35)
  ['labels', 'labels', 'CMU_MOSEI_Labels.csd'], // "All Labels": sentiment, happy, sad, anger, surprise, disgust, fear
];
const MODALITIES = FILES.map(([m]) => m);
const HDF5_MAGIC = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
const USAGE = `usage: node data-scripts/mosei/fetch-mosei.mjs [--out data/mosei] [--only text,audio,vision,labels]
         [--from DIR] [--base-url URL] [--force] [--checksums FILE] [--dry-run]
       node data-scripts/mosei/fetch-mosei.mjs --self-test
  --out DIR       where the .csd files go (default data/mosei; the layout is flat)
  --only LIST     which of ${MODALITIES.join(', ')} to fetch (default all four)
  --from DIR      no network: copy the files from DIR/<file> or DIR/<sdk folder>/<file>
                  (language/, acoustic/, visual/, labels/, as on the SDK's server)
  --base-url URL  download root (default ${DEFAULT_BASE}, or $MOSEI_BASE_URL);
                  a file:// URL is read as --from <its path>
  --force         fetch again even files already there with the right sha256
  --checksums F   pinned sha256 list (default data-scripts/mosei/checksums.sha256)
  --dry-run       print what would be fetched from where, and each file's pin state; no network, no writes`;

function parseArgs(argv) {
  const o = { out: 'data/mosei', only: MODALITIES, from: null, force: false, dryRun: false, selfTest: false,
    checksums: join(HERE, 'checksums.sha256'), base: (process.env.MOSEI_BASE_URL || DEFAULT_BASE).replace(/\/+$/, '') };
  const val = (i, k) => { if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new Usage(`${k} needs a value`); return argv[i + 1]; };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else if (a === '--self-test') o.selfTest = true;
    else if (a === '--force') o.force = true;
    else if (a === '--dry-run') o.dryRun = true;
    else if (a === '--out') o.out = val(i++, a);
    else if (a === '--from') o.from = val(i++, a);
    else if (a === '--checksums') o.checksums = val(i++, a);
    else if (a === '--base-url') o.base = val(i++, a).replace(/\/+$/, '');
    else if (a === '--only') {
      o.only = val(i++, a).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
      const bad = o.only.filter((m) => !MODALITIES.includes(m));
      if (bad.length || !o.only.length) throw new Usage(`--only takes a list of ${MODALITIES.join(', ')}, not ${bad.join(', ') || '(nothing)'}`);
    } else throw new Usage(`unknown argument ${a}`);
  }
  if (o.selfTest) return o;
  if (!o.from && o.base.startsWith('file:')) o.from = fileURLToPath(o.base);
  else if (!o.from && !/^https?:\/\//.test(o.base)) throw new Usage(`--base-url must be an http(s):// or file:// URL, not ${o.base}`);
  if (o.from && !(existsSync(o.from) && statSync(o.from).isDirectory())) throw new Usage(`--from ${o.from}: no such directory`);
  return o;
}

// checksums.sha256: `<64 hex>  <file>` a line (sha256sum format, bare file names as in the layout), '#' comments.
function readSums(file) {
  const sums = new Map();
  if (!existsSync(file)) return sums;
  readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const m = /^([0-9a-fA-F]{64})\s+\*?(\S+)$/.exec(t);
    if (!m) throw new Fail(`${file}:${n + 1}: expected "<sha256>  <file>", got "${t}"`);
    sums.set(m[2], m[1].toLowerCase());
  });
  return sums;
}

/** Whether the file carries the HDF5 signature where a superblock may start (0, 512, 1024, …). */
function isHdf5(file) {
  const size = statSync(file).size; const fd = openSync(file, 'r'); const b = Buffer.alloc(8);
  try {
    for (let at = 0; at + 8 <= size; at = at === 0 ? 512 : at * 2) if (readSync(fd, b, 0, 8, at) === 8 && b.equals(HDF5_MAGIC)) return true;
    return false;
  } finally { closeSync(fd); }
}
function firstBytes(file) {
  const fd = openSync(file, 'r'); const b = Buffer.alloc(60);
  try { return JSON.stringify(b.subarray(0, readSync(fd, b, 0, b.length, 0)).toString('latin1')); } finally { closeSync(fd); }
}

function localSource(from, folder, file) {
  const tried = [join(from, file), join(from, folder, file)];
  return { found: tried.find((f) => existsSync(f) && statSync(f).isFile()) ?? null, tried };
}

const mib = (bytes) => (bytes < 2 ** 20 ? `${bytes} bytes` : `${(bytes / 2 ** 20).toFixed(1)} MiB`);

async function fetchOne([modality, folder, file], o, pins, dir) {
  const dest = join(dir, file); const url = `${o.base}/${folder}/${file}`; const pin = pins.get(file);
  if (existsSync(dest) && !o.force) {
    const got = await digest(dest, 'sha256');
    if (!pin) {
      console.log(`  ${modality.padEnd(6)} ${file}: already there, kept; sha256 ${got} NOT YET RECORDED in the checksums file`);
      return { modality, file, url, source: 'existing', sha256: got, bytes: statSync(dest).size, checksum: 'unpinned' };
    }
    if (got === pin) {
      console.log(`  ${modality.padEnd(6)} ${file}: already there, sha256 verified, skipped`);
      return { modality, file, url, source: 'existing', sha256: got, bytes: statSync(dest).size, checksum: 'verified' };
    }
    console.warn(`  ${modality.padEnd(6)} ${file}: the copy already there does NOT match its pin (expected ${pin}, got ${got}); fetching it again ` +
      '(it is replaced only by a copy that matches)');
  }
  const tmp = `${dest}.tmp-download`;
  try {
    let source;
    if (o.from) {
      const { found, tried } = localSource(o.from, folder, file);
      if (!found) throw new Fail(`--from: ${file} not found (looked for ${tried.join(' and ')})`);
      console.log(`  ${modality.padEnd(6)} ${file}: copying ${found}`);
      copyFileSync(found, tmp); source = `from ${found}`;
    } else {
      console.log(`  ${modality.padEnd(6)} ${file}: downloading ${url}${modality === 'labels' ? '' : ' (large; an interrupted download starts over)'}`);
      source = await download([url], tmp, `could not download ${url} (see the lines above): no network, the server is down, or the SDK ` +
        'moved the file (README "Sources"); --base-url URL takes a mirror, --from DIR files fetched by hand');
    }
    const got = await digest(tmp, 'sha256');
    if (pin && got !== pin) {
      throw new Fail(`sha256 MISMATCH for ${file} (${source}): pinned ${pin}, got ${got}; not installed` +
        `${existsSync(dest) ? ' (the copy already there is left as it was)' : ''}. The download is corrupt or the server ` +
        `serves another version: re-fetch, and change ${o.checksums} only if you trust the new file.`);
    }
    if (!isHdf5(tmp)) {
      throw new Fail(`${file} (${source}) is not an HDF5 file (${statSync(tmp).size} bytes, starting ${firstBytes(tmp)}): ` +
        'an error page instead of the data? Not installed.');
    }
    renameSync(tmp, dest);
    console.log(`           sha256 ${got}  ${mib(statSync(dest).size)}  ${pin ? 'verified' : 'NOT YET RECORDED in the checksums file'}`);
    return { modality, file, url, source, sha256: got, bytes: statSync(dest).size, checksum: pin ? 'verified' : 'unpinned' };
  } finally { rmSync(tmp, { force: true }); }
}

function dryRun(o, pins) {
  const dir = resolve(o.out);
  console.log(`dry run: nothing is downloaded or written. Target ${dir}${existsSync(dir) ? '' : ' (would be created)'}; pins from ${o.checksums}`);
  let missing = 0;
  for (const [modality, folder, file] of FILES.filter(([m]) => o.only.includes(m))) {
    const dest = join(dir, file); const pin = pins.get(file);
    let from = `${o.base}/${folder}/${file}`;
    if (o.from) {
      const { found, tried } = localSource(o.from, folder, file);
      if (!found) missing++;
      from = found ?? `MISSING (looked for ${tried.join(' and ')})`;
    }
    const action = existsSync(dest) && !o.force
      ? `present (${mib(statSync(dest).size)}): would ${pin ? 'verify its sha256 and skip it if it matches' : 'keep it and print its sha256'}`
      : `would ${o.from ? 'copy' : 'download'} to ${dest}.tmp-download, check, then rename to ${file}`;
    console.log(`  ${modality.padEnd(6)} ${file}\n           from   ${from}\n           action ${action}\n` +
      `           pin    ${pin ?? 'NOT YET RECORDED: the sha256 would be printed with the line to add, not verified'}`);
  }
  if (missing) throw new Fail(`dry run: ${missing} file(s) missing from --from ${o.from}`);
}

/** Rewrites `name: value` entries of a manifest, keeping the entries of files this run did not touch. */
function mergeSums(file, rows) {
  const keep = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !rows.some((r) => l.endsWith(`  ${r.file}`))) : [];
  const lines = [...keep, ...rows.map((r) => `${r.sha256}  ${r.file}`)];
  const order = (l) => FILES.findIndex(([, , f]) => l.endsWith(`  ${f}`));
  writeFileSync(file, lines.sort((a, b) => order(a) - order(b)).join('\n') + '\n');
}
function mergeMeta(file, rows, base) {
  let prev = [];
  try { prev = JSON.parse(readFileSync(file, 'utf8')).files ?? []; } catch { /* none yet, or unreadable: start over */ }
  const now = new Date().toISOString();
  const stamped = rows.map((r) => ({ ...r,
    fetchedAt: r.source === 'existing' ? prev.find((p) => p.file === r.file)?.fetchedAt ?? null : now }));
  const files = [...prev.filter((p) => !rows.some((r) => r.file === p.file)), ...stamped]
    .sort((a, b) => MODALITIES.indexOf(a.modality) - MODALITIES.indexOf(b.modality));
  writeFileSync(file, JSON.stringify({ dataset: 'cmu-mosei', layout: 'csd', server: base, updatedAt: now, files }, null, 2) + '\n');
}

async function main(argv) {
  const o = parseArgs(argv);
  if (o.selfTest) return selfTest();
  const pins = readSums(o.checksums);
  if (o.dryRun) return dryRun(o, pins);
  const dir = resolve(o.out);
  mkdirSync(dir, { recursive: true });
  console.log(`CMU-MOSEI: ${o.from ? `from ${o.from}` : o.base} → ${dir}`);
  const done = []; const failures = [];
  for (const entry of FILES.filter(([m]) => o.only.includes(m))) {
    try { done.push(await fetchOne(entry, o, pins, dir)); } catch (e) {
      if (!(e instanceof Fail)) throw e;
      console.error(`  ${entry[0].padEnd(6)} ${entry[2]}: FAILED`); failures.push(e.message);
    }
  }
  if (done.length) {
    mergeSums(join(dir, 'SHA256SUMS'), done);
    mergeMeta(join(dir, 'fetch.json'), done, o.from ? pathToFileURL(resolve(o.from)).href : o.base);
  }
  const unpinned = done.filter((d) => d.checksum === 'unpinned');
  if (unpinned.length) {
    console.log(`\nsha256 NOT YET RECORDED for ${unpinned.length} file(s): nothing verified ${unpinned.length > 1 ? 'them' : 'it'} ` +
      `(trust on first use; each is marked "unpinned" in ${join(dir, 'fetch.json')}).\nIf you trust this fetch, record ${unpinned.length > 1 ? 'them' : 'it'} and commit ${o.checksums}:\n` +
      `cat >> ${o.checksums} <<'EOF'\n${unpinned.map((d) => `${d.sha256}  ${d.file}`).join('\n')}\nEOF`);
  } else if (done.length && !failures.length) console.log('\nAll files match the pinned checksums.');
  if (!done.length) try { rmdirSync(dir); } catch { /* not empty: keep what is there */ }
  if (failures.length) throw new Fail(`${failures.length} file(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
}

// ---- self-test (offline): fake .csd files served from a local folder, a file:// URL and a local HTTP server ----

async function selfTest() {
  const tmp = mkdtempSync(join(tmpdir(), 'fetch-mosei-selftest-'));
  const script = fileURLToPath(import.meta.url);
  const run = (...args) => new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, MOSEI_BASE_URL: '' } });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; }); child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
  const check = (ok, what, r) => { if (!ok) { console.error(`self-test FAILED: ${what}`, r ? `\n${r.stdout}\n${r.stderr}` : ''); process.exit(1); } console.log(`ok - ${what}`); };
  const sha = (b) => createHash('sha256').update(b).digest('hex');
  const fake = (seed) => Buffer.concat([HDF5_MAGIC, Buffer.from(`fake computational sequence ${seed} `.repeat(50))]);
  let server;
  try {
    const mirror = join(tmp, 'mirror'); const out = join(tmp, 'out'); const pinFile = join(tmp, 'pins.sha256');
    const content = {};
    for (const [, folder, file] of FILES) {
      mkdirSync(join(mirror, folder), { recursive: true });
      content[file] = fake(file); writeFileSync(join(mirror, folder, file), content[file]);
    }
    writeFileSync(pinFile, '# empty\n');
    const labels = 'CMU_MOSEI_Labels.csd'; const covarep = 'CMU_MOSEI_COVAREP.csd';
    const leftovers = () => readdirSync(out).filter((f) => f.includes('.tmp-'));

    check((await run('--only', 'words')).status === 2, 'bad --only is a usage error (exit 2)');
    check((await run('--out')).status === 2, '--out without a value is a usage error');
    check((await run('--base-url', 'ftp://x')).status === 2, 'a base URL that is neither http(s) nor file is a usage error');

    let r = await run('--out', out, '--checksums', pinFile, '--dry-run');
    check(r.status === 0 && r.stdout.includes(`${DEFAULT_BASE}/acoustic/${covarep}`) && r.stdout.includes(`${DEFAULT_BASE}/labels/${labels}`)
      && /NOT YET RECORDED/.test(r.stdout), 'dry run lists the SDK URLs and the missing pins', r);
    check(!existsSync(out), 'dry run writes nothing');

    r = await run('--out', out, '--checksums', pinFile, '--from', mirror);
    check(r.status === 0, 'unpinned fetch from a local mirror (SDK folders) exits 0', r);
    for (const [, , file] of FILES) check(readFileSync(join(out, file)).equals(content[file]), `${file} installed byte-identical, flat`);
    check(FILES.every(([, , f]) => r.stdout.includes(`${sha(content[f])}  ${f}`)) && /NOT YET RECORDED for 4 file/.test(r.stdout),
      'each unrecorded sha256 printed with the line to add', r);
    check(readFileSync(join(out, 'SHA256SUMS'), 'utf8') === FILES.map(([, , f]) => `${sha(content[f])}  ${f}\n`).join(''), 'SHA256SUMS in sha256sum format');
    const meta = JSON.parse(readFileSync(join(out, 'fetch.json'), 'utf8'));
    check(meta.files.length === 4 && meta.files.every((f) => f.checksum === 'unpinned' && f.url.startsWith(DEFAULT_BASE)), 'fetch.json marks them unpinned');

    writeFileSync(pinFile, FILES.map(([, , f]) => `${sha(content[f])}  ${f}`).join('\n') + '\n');
    r = await run('--out', out, '--checksums', pinFile, '--from', mirror);
    check(r.status === 0 && (r.stdout.match(/sha256 verified, skipped/g) ?? []).length === 4 && !r.stdout.includes('copying'),
      'pinned files already there are verified and skipped', r);

    rmSync(join(out, labels));
    r = await run('--out', out, '--checksums', pinFile, '--base-url', pathToFileURL(mirror).href, '--only', 'labels');
    check(r.status === 0 && readFileSync(join(out, labels)).equals(content[labels]) && /verified/.test(r.stdout), 'a file:// base URL works as --from; --only', r);

    // The same through HTTP, from a local server (no network needed).
    const requests = [];
    server = createServer((req, res) => {
      requests.push(req.url);
      const f = join(mirror, decodeURIComponent(req.url.replace(/^\/CMU-MOSEI\//, '')));
      if (req.url.includes('Facet')) { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>maintenance</html>'); return; }
      if (!req.url.startsWith('/CMU-MOSEI/') || !existsSync(f)) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-length': statSync(f).size }); res.end(readFileSync(f));
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${server.address().port}/CMU-MOSEI`;
    writeFileSync(join(out, covarep), 'tampered');
    rmSync(join(out, labels));
    r = await run('--out', out, '--checksums', pinFile, '--base-url', base, '--only', 'audio,labels');
    check(r.status === 0 && readFileSync(join(out, covarep)).equals(content[covarep]) && readFileSync(join(out, labels)).equals(content[labels])
      && requests.includes(`/CMU-MOSEI/acoustic/${covarep}`) && requests.includes(`/CMU-MOSEI/labels/${labels}`) && /does NOT match its pin/.test(r.stderr),
    'HTTP: a missing file is downloaded, a tampered one fetched again and replaced', r);

    rmSync(join(out, 'CMU_MOSEI_VisualFacet42.csd'));
    r = await run('--out', out, '--checksums', join(tmp, 'none.sha256'), '--base-url', base, '--only', 'vision');
    check(r.status === 1 && /is not an HDF5 file/.test(r.stderr) && !existsSync(join(out, 'CMU_MOSEI_VisualFacet42.csd')),
      'an HTML page instead of the data is refused, even unpinned (exit 1)', r);

    rmSync(join(out, labels));
    r = await run('--out', out, '--checksums', pinFile, '--base-url', `${base}/moved`, '--only', 'labels');
    check(r.status === 1 && r.stderr.includes(`could not download ${base}/moved/labels/${labels}`), 'a 404 fails (exit 1) naming the URL', r);

    writeFileSync(join(mirror, 'labels', labels), fake('another release'));
    r = await run('--out', out, '--checksums', pinFile, '--base-url', base, '--only', 'labels');
    check(r.status === 1 && /sha256 MISMATCH for CMU_MOSEI_Labels\.csd/.test(r.stderr) && !existsSync(join(out, labels)),
      'a download that does not match its pin is not installed (exit 1)', r);

    await new Promise((ok) => server.close(ok)); server = null;
    r = await run('--out', out, '--checksums', pinFile, '--base-url', base, '--only', 'labels');
    check(r.status === 1 && r.stderr.includes(`could not download ${base}/labels/${labels}`) && r.stderr.includes('retrying (1/3)'),
      'no server: retried, then fails (exit 1) naming the URL', r);
    check(leftovers().length === 0, 'no temporary files left behind');
    console.log('self-test passed');
  } finally {
    if (server) server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof Fail) { console.error(`fetch-mosei: ${e.message}`); process.exit(e instanceof Usage ? 2 : 1); }
  console.error(e); process.exit(1);
});
