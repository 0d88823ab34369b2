#!/usr/bin/env node
// Fetch TCGA BRCA / KIPAN / LIHC (mRNA, CNV, RPPA, clinical) from the UCSC Xena TCGA hub and write
// the Xena layout cch-lab's loader reads: <out>/<cohort>/{HiSeqV2, Gistic2_…by_genes, RPPA,
// <COHORT>_clinicalMatrix} (uncompressed TSV) + cohort.json + SHA256SUMS. Node built-ins only.
// Usage and label choices: data-scripts/tcga/README.md. `--self-test` runs offline.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync,
  readSync, closeSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { Fail, Usage, digest, download } from '../lib/fetch-common.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_BASE = 'https://tcga.xenahubs.net/download'; // as of writing; override with --base-url
const COHORTS = {
  brca: { code: 'BRCA', labelColumn: 'PAM50Call_RNAseq', labelChoice: 'paper',
    labelNote: 'PAM50 subtype: LumA, LumB, Basal, Her2, Normal' },
  kipan: { code: 'KIPAN', labelColumn: 'histological_type', labelChoice: 'paper',
    labelNote: 'KICH / KIRC / KIRP histology; column name unverified offline, check the clinical header' },
  lihc: { code: 'LIHC', labelColumn: 'pathologic_stage', labelChoice: 'project',
    labelNote: "project's choice (the paper does not say): AJCC stage, early (I-II) vs late (III-IV)",
    labelGroups: { early: ['Stage I', 'Stage II'], late: ['Stage III', 'Stage IIIA', 'Stage IIIB', 'Stage IIIC',
      'Stage IV', 'Stage IVA', 'Stage IVB'] } },
};
const OMICS = (code) => [
  ['mRNA', 'HiSeqV2'], ['CNV', 'Gistic2_CopyNumber_Gistic2_all_thresholded.by_genes'], ['RPPA', 'RPPA'],
  ['clinical', `${code}_clinicalMatrix`]];
const USAGE = `usage: node data-scripts/tcga/fetch-tcga.mjs --cohort brca|kipan|lihc|all [--out data/tcga]
         [--from DIR] [--force] [--checksums FILE] [--base-url URL]
       node data-scripts/tcga/fetch-tcga.mjs --self-test
  --from DIR      take already-downloaded files (plain or .gz) from DIR/<cohort>/, DIR/TCGA.<COHORT>.sampleMap/
                  or, for a single cohort, DIR/ itself, instead of the network
  --force         replace files already in the layout (otherwise they are kept and re-checked)
  --checksums F   pinned sha256 list (default data-scripts/tcga/checksums.sha256)
  --base-url URL  Xena hub download root (default ${DEFAULT_BASE}, or $TCGA_XENA_BASE)`;


function parseArgs(argv) {
  const o = { out: 'data/tcga', from: null, force: false, cohort: null, selfTest: false,
    checksums: join(HERE, 'checksums.sha256'), base: process.env.TCGA_XENA_BASE || DEFAULT_BASE };
  const val = (i, k) => { if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new Usage(`${k} needs a value`); return argv[i + 1]; };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else if (a === '--force') o.force = true;
    else if (a === '--self-test') o.selfTest = true;
    else if (a === '--cohort') o.cohort = val(i++, a).toLowerCase();
    else if (a === '--out') o.out = val(i++, a);
    else if (a === '--from') o.from = val(i++, a);
    else if (a === '--checksums') o.checksums = val(i++, a);
    else if (a === '--base-url') o.base = val(i++, a).replace(/\/+$/, '');
    else throw new Usage(`unknown argument ${a}`);
  }
  if (o.selfTest) return o;
  if (!o.cohort) throw new Usage('--cohort is required');
  if (o.cohort !== 'all' && !COHORTS[o.cohort]) throw new Usage(`--cohort must be brca, kipan, lihc or all, not ${o.cohort}`);
  if (o.from && !existsSync(o.from)) throw new Usage(`--from ${o.from}: no such directory`);
  return o;
}

// checksums.sha256: `<64 hex>  <cohort>/<file>` per line (sha256sum format), '#' comments; hashes are
// of the uncompressed file as written to the layout.
function readPins(file) {
  const pins = new Map();
  if (!existsSync(file)) return pins;
  readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const m = /^([0-9a-fA-F]{64})\s+\*?(\S+)$/.exec(t);
    if (!m) throw new Fail(`${file}:${n + 1}: expected "<sha256>  <cohort>/<file>", got "${t}"`);
    pins.set(m[2], m[1].toLowerCase());
  });
  return pins;
}

function isGzip(file) {
  const fd = openSync(file, 'r'); const b = Buffer.alloc(2);
  try { return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b; } finally { closeSync(fd); }
}
function headerOf(file) { // first line, split on tabs (reads at most 1 MiB)
  const fd = openSync(file, 'r'); const b = Buffer.alloc(1 << 20);
  try { return b.subarray(0, readSync(fd, b, 0, b.length, 0)).toString('utf8').split(/\r?\n/)[0].split('\t'); } finally { closeSync(fd); }
}

function findLocal(from, cohort, code, file, single) {
  const dirs = [join(from, cohort), join(from, `TCGA.${code}.sampleMap`), ...(single ? [from] : [])];
  for (const d of dirs) for (const f of [join(d, file), join(d, `${file}.gz`)]) if (existsSync(f) && statSync(f).isFile()) return f;
  throw new Fail(`--from: ${file}(.gz) not found in ${dirs.join(', ')}`);
}

async function fetchCohort(cohort, o, pins) {
  const { code, ...label } = COHORTS[cohort];
  const dir = resolve(o.out, cohort);
  mkdirSync(dir, { recursive: true });
  console.log(`${cohort}: → ${dir}`);
  const files = []; const unpinned = []; const failures = [];
  for (const [omics, file] of OMICS(code)) {
    const dest = join(dir, file); const key = `${cohort}/${file}`;
    const url = `${o.base}/TCGA.${code}.sampleMap/${file}.gz`;
    let source = 'existing';
    if (o.force || !existsSync(dest)) {
      const raw = `${dest}.tmp-raw`; const plain = `${dest}.tmp-plain`;
      try {
        if (o.from) { const f = findLocal(o.from, cohort, code, file, o.cohort !== 'all'); source = `from ${f}`; await pipeline(createReadStream(f), createWriteStream(raw)); }
        else source = await download([url, url.slice(0, -3)], raw, `could not download ${url} or its uncompressed twin (see the lines above): no network, or the hub's layout changed (README "URLs"); --from DIR takes files fetched by hand`);
        if (isGzip(raw)) { await pipeline(createReadStream(raw), createGunzip(), createWriteStream(plain)); rmSync(raw); } else renameSync(raw, plain);
        const got = await digest(plain, 'sha256');
        if (pins.has(key) && pins.get(key) !== got) {
          rmSync(plain);
          failures.push(`checksum MISMATCH for ${key}: expected ${pins.get(key)}, got ${got} (from ${source}); file not installed` +
            `${existsSync(dest) ? ', the previous copy is kept' : ''}. The source changed or the download is corrupt — ` +
            `re-fetch, and update ${o.checksums} only if you trust the new file.`);
          continue;
        }
        renameSync(plain, dest);
      } finally { rmSync(raw, { force: true }); rmSync(plain, { force: true }); }
    }
    const got = await digest(dest, 'sha256');
    let check = 'unpinned';
    if (pins.has(key)) {
      if (pins.get(key) !== got) { failures.push(`checksum MISMATCH for existing ${dest}: expected ${pins.get(key)}, got ${got}; re-fetch with --force`); continue; }
      check = 'verified';
    } else unpinned.push(`${got}  ${key}`);
    const header = headerOf(dest);
    if (header.length < 2) failures.push(`${dest}: first line has no tab-separated columns — not a Xena matrix?`);
    if (omics === 'clinical' && !header.includes(label.labelColumn)) {
      const near = header.filter((h) => /hist|stage|pam50|subtype|primary_disease/i.test(h));
      console.warn(`  WARNING: ${file} has no column "${label.labelColumn}"; candidates: ${near.join(', ') || '(none)'}; set labelColumn in cohort.json / data.labelColumn`);
    }
    console.log(`  ${omics.padEnd(8)} ${file}  sha256 ${got}  ${check}`);
    files.push({ omics, file, url: source.startsWith('http') ? source : url, source, sha256: got, bytes: statSync(dest).size, checksum: check });
  }
  if (failures.length) throw new Fail(failures.join('\n'));
  writeFileSync(join(dir, 'SHA256SUMS'), files.map((f) => `${f.sha256}  ${f.file}\n`).join(''));
  writeFileSync(join(dir, 'cohort.json'), JSON.stringify({ cohort, xenaCohort: `TCGA.${code}.sampleMap`, layout: 'xena',
    ...label, hub: o.base, fetchedAt: new Date().toISOString(), files }, null, 2) + '\n');
  return unpinned;
}

async function main(argv) {
  const o = parseArgs(argv);
  if (o.selfTest) return selfTest();
  const pins = readPins(o.checksums);
  const unpinned = []; const failed = [];
  for (const c of o.cohort === 'all' ? Object.keys(COHORTS) : [o.cohort]) {
    try { unpinned.push(...await fetchCohort(c, o, pins)); } catch (e) {
      if (!(e instanceof Fail)) throw e;
      console.error(`fetch-tcga: ${c}: ${e.message}`); failed.push(c);
      try { rmdirSync(resolve(o.out, c)); } catch { /* not empty: keep what is there */ }
    }
  }
  if (unpinned.length) {
    console.log(`\nNo pinned checksum for ${unpinned.length} file(s) (trust on first use). If you trust this fetch, add these lines to ${o.checksums}:`);
    console.log(unpinned.join('\n'));
  } else if (!failed.length) console.log('\nAll files match the pinned checksums.');
  if (failed.length) throw new Fail(`failed for ${failed.join(', ')} (see above); their cohort.json and SHA256SUMS were not rewritten`);
}

function selfTest() {
  const tmp = mkdtempSync(join(tmpdir(), 'fetch-tcga-selftest-'));
  const run = (...args) => spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8' });
  const check = (ok, what, r) => { if (!ok) { console.error(`self-test FAILED: ${what}`, r ? `\n${r.stdout}\n${r.stderr}` : ''); process.exit(1); } console.log(`ok - ${what}`); };
  try {
    const src = join(tmp, 'src', 'brca'); const out = join(tmp, 'out'); const pinFile = join(tmp, 'pins.sha256');
    mkdirSync(src, { recursive: true });
    const ids = ['TCGA-A1-A0SB-01', 'TCGA-A1-A0SD-01'];
    const content = {
      HiSeqV2: `sample\t${ids.join('\t')}\nTP53\t9.1\t8.7\nBRCA1\t7.2\t6.9\n`,
      'Gistic2_CopyNumber_Gistic2_all_thresholded.by_genes': `Gene Symbol\t${ids.join('\t')}\nTP53\t0\t-1\nBRCA1\t1\t2\n`,
      RPPA: `sample\t${ids.join('\t')}\nAKT_pS473\t0.31\t-0.12\n`,
      BRCA_clinicalMatrix: `sampleID\tPAM50Call_RNAseq\tgender\n${ids[0]}\tLumA\tFEMALE\n${ids[1]}\tBasal\tFEMALE\n`,
    };
    for (const [f, text] of Object.entries(content)) 
      f === 'HiSeqV2' || f === 'RPPA' ? writeFileSync(join(src, `${f}.gz`), gzipSync(text)) : writeFileSync(join(src, f), text);
    writeFileSync(pinFile, '# empty\n');
    const hash = (t) => createHash('sha256').update(t).digest('hex');

    check(run('--cohort', 'nope').status === 2, 'bad --cohort is a usage error (exit 2)');
    check(run('--cohort', 'brca', '--out').status === 2, '--out without a value is a usage error');
    let r = run('--cohort', 'brca', '--out', out, '--from', join(tmp, 'src'), '--checksums', pinFile);
    check(r.status === 0, 'unpinned fetch from local files exits 0', r);
    const dir = join(out, 'brca');
    for (const [f, text] of Object.entries(content))
      check(readFileSync(join(dir, f), 'utf8') === text, `layout has ${f}, decompressed and byte-identical`);
    const meta = JSON.parse(readFileSync(join(dir, 'cohort.json'), 'utf8'));
    check(meta.labelColumn === 'PAM50Call_RNAseq' && meta.files.length === 4 && meta.files.every((f) => f.checksum === 'unpinned'
      && f.sha256 === hash(content[f.file]) && f.url.startsWith(`${DEFAULT_BASE}/TCGA.BRCA.sampleMap/`)), 'cohort.json records label column, URLs, sha256');
    const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8');
    check(sums.includes(`${hash(content.HiSeqV2)}  HiSeqV2\n`), 'SHA256SUMS written in sha256sum format');
    check(r.stdout.includes(`${hash(content.RPPA)}  brca/RPPA`), 'unpinned hashes printed with the line to add');

    writeFileSync(pinFile, sums.split('\n').filter(Boolean).map((l) => l.replace('  ', '  brca/')).join('\n') + '\n');
    r = run('--cohort', 'brca', '--out', out, '--from', join(tmp, 'src'), '--checksums', pinFile, '--force');
    check(r.status === 0 && JSON.parse(readFileSync(join(dir, 'cohort.json'), 'utf8')).files.every((f) => f.checksum === 'verified'), 'pinned fetch verifies', r);

    writeFileSync(join(src, 'RPPA.gz'), gzipSync(content.RPPA.replace('0.31', '0.32')));
    r = run('--cohort', 'brca', '--out', out, '--from', join(tmp, 'src'), '--checksums', pinFile, '--force');
    check(r.status === 1 && /MISMATCH for brca\/RPPA/.test(r.stderr), 'changed source file: mismatch detected, exit 1', r);
    check(readFileSync(join(dir, 'RPPA'), 'utf8') === content.RPPA, 'mismatching file not installed, previous copy kept');

    writeFileSync(join(dir, 'HiSeqV2'), 'tampered\t1\n');
    r = run('--cohort', 'brca', '--out', out, '--checksums', pinFile, '--base-url', 'http://127.0.0.1:9');
    check(r.status === 1 && /MISMATCH for existing .*HiSeqV2/.test(r.stderr), 'tampered file already in the layout detected without --force (no network used)', r);
    console.log('self-test passed');
  } finally { rmSync(tmp, { recursive: true, force: true }); }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof Fail) { console.error(`fetch-tcga: ${e.message}`); process.exit(e instanceof Usage ? 2 : 1); }
  console.error(e); process.exit(1);
});
