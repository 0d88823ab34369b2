#!/usr/bin/env node
/**
 * npm run setup:native [-- --link-only | --force | --gpu | --no-strip | --no-doctor | --help]
 *
 * Makes the native TensorFlow backend (@tensorflow/tfjs-node) loadable without its install
 * script, which downloads libtensorflow from storage.googleapis.com and fails wherever that host is
 * blocked. Instead the TensorFlow C library comes out of the PyPI wheel (`tensorflow-cpu`), which
 * pip fetches from whatever index it is configured with, and the addon is built against the local
 * Node headers.
 *
 * Steps: versions → tools → npm package (npm pack + its runtime deps, into the cache) → wheel (pip
 * download, or CCH_TF_WHEEL) → extract (two libraries and the header closure only) → strip →
 * build (node-pre-gyp / node-gyp, no download) → stderr helper → link into node_modules → smoke test.
 *
 * The built package lives in a cache outside node_modules, keyed by the tfjs-node and TensorFlow
 * versions; when it is already built only the link step runs (seconds). `--link-only` never
 * downloads or builds: it relinks after `npm ci` and fails clearly when the cache is empty.
 * package.json and package-lock.json are never touched; in node_modules only
 * @tensorflow/tfjs-node (or -node-gpu) is added — its own dependencies sit inside it.
 *
 * Environment:
 *   CCH_TF_WHEEL          a TensorFlow wheel to use instead of `pip download`
 *   CCH_PIP_INDEX         an index URL for pip (--index-url), or a directory of wheels (--find-links)
 *   CCH_NATIVE_CACHE      cache root (default ${XDG_CACHE_HOME:-~/.cache}/cch-lab/native); each
 *                         build lives in tfjs-node-<v>-tf-<v>/ under it
 *   CCH_TF_VERSION        TensorFlow version (default 2.21.0; taken from CCH_TF_WHEEL's name if set)
 *   CCH_TFJS_NODE_VERSION tfjs-node version (default: the installed @tensorflow/tfjs-core version)
 *   CCH_PYTHON            the Python that runs pip and zipfile (default python3)
 *
 * --gpu (UNTESTED: no GPU on the machine this was written on) takes the same route for
 * @tensorflow/tfjs-node-gpu with the CUDA `tensorflow` wheel plus the nvidia-*-cu12 wheels that
 * wheel's "and-cuda" extra names; their shared libraries go next to libtensorflow.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TF_VERSION = '2.21.0';
const MANIFEST = 'manifest.json';
const MARKER = '.cch-native.json';
const LOG = 'setup:native';

// ---------------------------------------------------------------------------------------------
// Small helpers: progress lines with timings on stderr, one-line failures.

const t0 = Date.now();
let stepNo = 0;
let stepCount = 0;

function info(message) {
  process.stderr.write(`[${LOG}] ${message}\n`);
}

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs one named step; its return value is passed through, its time printed. */
function step(name, what, fn) {
  stepNo += 1;
  const start = Date.now();
  info(`${stepNo}/${stepCount} ${name}: ${what} …`);
  const result = fn();
  const note = typeof result === 'object' && result !== null && typeof result.note === 'string' ? ` (${result.note})` : '';
  info(`${stepNo}/${stepCount} ${name}: done in ${secs(Date.now() - start)}${note}`);
  return result;
}

class StepFailure extends Error {
  constructor(why, hint, output) {
    super(why);
    this.hint = hint;
    this.output = output;
  }
}

function fail(why, hint, output) {
  throw new StepFailure(why, hint, output);
}

/** Runs a command; returns { status, stdout, stderr, out } and never throws. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...process.env, ...(options.env ?? {}) },
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  return { status: r.error ? -1 : r.status, error: r.error, stdout, stderr, out: `${stdout}\n${stderr}`.trim() };
}

function lastLines(text, n = 12) {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .join('\n');
}

function which(cmd) {
  const r = run('sh', ['-c', `command -v ${cmd}`]);
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function dirSize(p) {
  let total = 0;
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) return 0;
  if (st.isFile()) return st.size;
  for (const e of fs.readdirSync(p)) total += dirSize(path.join(p, e));
  return total;
}

function mb(bytes) {
  return bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${Math.round(bytes / 1e6)} MB`;
}

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = { linkOnly: false, force: false, gpu: false, strip: true, doctor: true, help: false };
  for (const a of argv) {
    if (a === '--link-only') opts.linkOnly = true;
    else if (a === '--force') opts.force = true;
    else if (a === '--gpu') opts.gpu = true;
    else if (a === '--no-strip') opts.strip = false;
    else if (a === '--no-doctor') opts.doctor = false;
    else if (a === '--help' || a === '-h') opts.help = true;
    else {
      process.stderr.write(`${LOG}: unknown option ${a} (see --help)\n`);
      process.exit(2);
    }
  }
  return opts;
}

const HELP = `npm run setup:native [-- OPTIONS]

Builds @tensorflow/tfjs-node against the TensorFlow C library from the PyPI wheel (no
libtensorflow download), keeps it in a cache outside node_modules and links it in.

  (no option)   build once per tfjs-node/TensorFlow version pair, else only relink (seconds)
  --link-only   relink from the cache after \`npm ci\`; never downloads or builds (but for
                the one-file stderr helper, compiled in a second when missing)
  --force       rebuild even when the cache holds a build (with --link-only: replace a
                node_modules package this script did not put there)
  --gpu         UNTESTED: @tensorflow/tfjs-node-gpu from the CUDA \`tensorflow\` wheel + nvidia wheels
  --no-strip    keep the libraries' symbol tables (853 MB instead of ≈ 634 MB for TF 2.21)
  --no-doctor   skip running \`cch doctor\` at the end

Environment: CCH_TF_WHEEL (wheel path), CCH_PIP_INDEX (index URL or wheel directory),
CCH_NATIVE_CACHE (cache root), CCH_TF_VERSION, CCH_TFJS_NODE_VERSION, CCH_PYTHON.
`;

// ---------------------------------------------------------------------------------------------
// Configuration: versions, names, cache paths.

function installedVersion(pkg) {
  const file = path.join(ROOT, 'node_modules', pkg, 'package.json');
  return fs.existsSync(file) ? readJson(file).version : undefined;
}

/** The TensorFlow version a wheel file name carries (`tensorflow_cpu-2.21.0-cp311-…whl`). */
function wheelVersion(file) {
  const m = /^[A-Za-z0-9_.]+?-(\d+\.\d+\.\d+[^-]*)-/.exec(path.basename(file));
  return m ? m[1] : undefined;
}

function configure(opts) {
  const tfjsCore = installedVersion('@tensorflow/tfjs-core');
  const tfjs = installedVersion('@tensorflow/tfjs');
  if (tfjsCore === undefined || tfjs === undefined) {
    fail(
      `@tensorflow/tfjs-core or @tensorflow/tfjs is not in ${path.join(ROOT, 'node_modules')}`,
      'run `npm ci` in the repository root first',
    );
  }
  const tfjsNodeVersion = process.env.CCH_TFJS_NODE_VERSION || tfjsCore;
  if (tfjsNodeVersion !== tfjsCore || tfjsNodeVersion !== tfjs) {
    fail(
      `tfjs-node ${tfjsNodeVersion} needs @tensorflow/tfjs and tfjs-core ${tfjsNodeVersion}; installed: tfjs ${tfjs}, tfjs-core ${tfjsCore}`,
      `unset CCH_TFJS_NODE_VERSION (it defaults to the installed tfjs-core, ${tfjsCore})`,
    );
  }
  const wheelFile = process.env.CCH_TF_WHEEL ? path.resolve(process.env.CCH_TF_WHEEL) : undefined;
  const tfVersion = process.env.CCH_TF_VERSION || (wheelFile && wheelVersion(wheelFile)) || DEFAULT_TF_VERSION;
  const pkg = opts.gpu ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  const wheelProject = opts.gpu ? 'tensorflow' : 'tensorflow-cpu';
  const key = `${opts.gpu ? 'tfjs-node-gpu' : 'tfjs-node'}-${tfjsNodeVersion}-tf-${tfVersion}${opts.gpu ? '-cuda' : ''}`;
  const cacheRoot = process.env.CCH_NATIVE_CACHE
    ? path.resolve(process.env.CCH_NATIVE_CACHE)
    : path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cch-lab', 'native');
  const cacheDir = path.join(cacheRoot, key);
  return {
    pkg,
    tfjsNodeVersion,
    tfVersion,
    wheelProject,
    wheelFile,
    key,
    cacheDir,
    packageDir: path.join(cacheDir, 'package'),
    target: path.join(ROOT, 'node_modules', ...pkg.split('/')),
    python: process.env.CCH_PYTHON || 'python3',
    gpu: opts.gpu,
  };
}

/** The cache's manifest when it holds a finished build for these versions, else undefined. */
function cachedBuild(cfg) {
  const file = path.join(cfg.cacheDir, MANIFEST);
  if (!fs.existsSync(file)) return undefined;
  try {
    const m = readJson(file);
    const addon = path.join(cfg.packageDir, m.addon ?? '');
    if (m.package !== cfg.pkg || m.tfjsNodeVersion !== cfg.tfjsNodeVersion || m.tfVersion !== cfg.tfVersion) return undefined;
    if (m.platform !== `${process.platform}-${process.arch}` || !fs.existsSync(addon)) return undefined;
    return m;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Build steps

function checkTools(cfg, needPip) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(
      `the wheel route is written for linux x64 (this is ${process.platform} ${process.arch})`,
      `on this platform install ${cfg.pkg} the usual way (\`npm i --no-save ${cfg.pkg}\`) where its download host is reachable`,
    );
  }
  const missing = [];
  const py = run(cfg.python, ['-c', 'import sys, zipfile; print(sys.version.split()[0])']);
  if (py.status !== 0) missing.push(`${cfg.python} (set CCH_PYTHON)`);
  if (needPip && py.status === 0 && run(cfg.python, ['-m', 'pip', '--version']).status !== 0) missing.push(`pip for ${cfg.python}`);
  const cxx = process.env.CXX || 'g++';
  if (!which(cxx)) missing.push(`a C++ compiler (${cxx}; e.g. apt-get install g++)`);
  if (!which('make')) missing.push('make');
  const nodedir = path.resolve(path.dirname(process.execPath), '..');
  const headers = ['include/node/node_api.h', 'include/node/common.gypi'].map((f) => path.join(nodedir, f));
  if (!headers.every((f) => fs.existsSync(f))) {
    missing.push(`Node's headers under ${nodedir}/include/node (e.g. Debian's nodejs-dev / libnode-dev, or a Node tarball install)`);
  }
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) missing.push("npm's bundled node-gyp (npm/node_modules/node-gyp/bin/node-gyp.js)");
  if (missing.length > 0) fail(`missing: ${missing.join('; ')}`, 'install the missing tools and run `npm run setup:native` again');
  const free = freeBytes(path.dirname(cfg.cacheDir));
  const need = 2.2e9;
  if (free !== undefined && free < need) {
    fail(`only ${mb(free)} free where the cache lives (${path.dirname(cfg.cacheDir)}); a build needs ≈ 2.2 GB while it runs, ≈ 0.7 GB after`, 'free some space or point CCH_NATIVE_CACHE at a larger disk');
  }
  return { nodedir, nodeGyp, note: `python ${py.stdout.trim()}, ${cxx}, node headers in ${nodedir}/include/node` };
}

function freeBytes(dir) {
  let d = dir;
  while (!fs.existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  try {
    const s = fs.statfsSync(d);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

function findNodeGyp() {
  const candidates = [];
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  if (process.env.npm_execpath) candidates.push(path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const npm = which('npm');
  if (npm) candidates.push(path.join(path.dirname(fs.realpathSync(npm)), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.map((c) => path.resolve(c)).find((c) => fs.existsSync(c));
}

/** npm pack of the package, unpacked, plus its runtime dependencies (not tfjs) inside it. */
function fetchPackage(cfg, work) {
  const dl = path.join(work, 'npm');
  fs.mkdirSync(dl, { recursive: true });
  const spec = `${cfg.pkg}@${cfg.tfjsNodeVersion}`;
  const packed = run('npm', ['pack', spec, '--pack-destination', dl, '--silent'], { cwd: dl });
  const tgz = packed.stdout.trim().split('\n').pop();
  if (packed.status !== 0 || !tgz || !fs.existsSync(path.join(dl, tgz))) {
    fail(`\`npm pack ${spec}\` failed`, 'check that npm can reach its registry (npm config get registry) or the npm cache holds the package', packed.out);
  }
  const pkgDir = path.join(work, 'package');
  fs.mkdirSync(pkgDir, { recursive: true });
  const untar = run('tar', ['xzf', path.join(dl, tgz), '-C', pkgDir, '--strip-components=1']);
  if (untar.status !== 0) fail(`could not unpack ${tgz}`, 'check the disk and the tar command', untar.out);
  const manifest = readJson(path.join(pkgDir, 'package.json'));
  // Its runtime dependencies, except the tfjs union package: that one must be the project's own
  // copy (one tfjs-core instance, or the backend registers somewhere nobody looks).
  const deps = Object.fromEntries(Object.entries(manifest.dependencies ?? {}).filter(([name]) => !name.startsWith('@tensorflow/')));
  const tfjsWanted = manifest.dependencies?.['@tensorflow/tfjs'];
  if (tfjsWanted && tfjsWanted !== cfg.tfjsNodeVersion) {
    fail(`${spec} wants @tensorflow/tfjs ${tfjsWanted}, the project has ${cfg.tfjsNodeVersion}`, 'set CCH_TFJS_NODE_VERSION to the installed tfjs version');
  }
  const stage = path.join(work, 'deps-stage');
  fs.mkdirSync(stage, { recursive: true });
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify({ name: 'cch-native-deps', private: true, dependencies: deps }, null, 2)}\n`);
  const inst = run(
    'npm',
    ['install', '--prefix', stage, '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--omit=dev', '--workspaces=false', '--loglevel=error'],
    { cwd: stage },
  );
  if (inst.status !== 0) fail(`installing ${spec}'s dependencies (${Object.keys(deps).join(', ')}) failed`, 'check npm can reach its registry', inst.out);
  fs.renameSync(path.join(stage, 'node_modules'), path.join(pkgDir, 'node_modules'));
  fs.rmSync(stage, { recursive: true, force: true });
  fs.rmSync(dl, { recursive: true, force: true });
  const n = fs.readdirSync(path.join(pkgDir, 'node_modules')).filter((e) => !e.startsWith('.')).length;
  return { pkgDir, manifest, note: `${spec}, ${n} dependency folders inside it` };
}

function pipIndexArgs() {
  const idx = process.env.CCH_PIP_INDEX;
  if (!idx) return [];
  const asPath = idx.startsWith('file://') ? fileURLToPath(idx) : idx;
  if (fs.existsSync(asPath) && fs.statSync(asPath).isDirectory() && !fs.existsSync(path.join(asPath, 'index.html')) && !/\/simple\/?$/.test(asPath)) {
    return ['--find-links', asPath];
  }
  return ['--index-url', idx];
}

function pipDownload(cfg, requirement, dest) {
  const args = ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--retries', '2', '-d', dest, ...pipIndexArgs(), requirement];
  const r = run(cfg.python, args);
  if (r.status !== 0) {
    const notFound = /Could not find a version|No matching distribution/.test(r.out);
    const why = notFound
      ? `pip found no ${requirement} wheel for this Python/platform in its index`
      : `\`pip download ${requirement}\` failed (exit ${r.status})`;
    fail(
      why,
      'set CCH_TF_WHEEL=/path/to/the.whl, or CCH_PIP_INDEX=<index URL or wheel directory> (see `pip config list` for what pip uses now)' +
        (cfg.gpu ? '; the CUDA wheels are tensorflow==VER and the nvidia-*-cu12 wheels its and-cuda extra names' : ''),
      r.out,
    );
  }
  const files = fs.readdirSync(dest).filter((f) => f.endsWith('.whl'));
  return files;
}

function fetchWheel(cfg, work) {
  if (cfg.wheelFile) {
    if (!fs.existsSync(cfg.wheelFile)) fail(`CCH_TF_WHEEL=${cfg.wheelFile} does not exist`, 'point CCH_TF_WHEEL at a tensorflow(-cpu) .whl file');
    return { wheel: cfg.wheelFile, downloaded: false, note: `CCH_TF_WHEEL, ${mb(fs.statSync(cfg.wheelFile).size)}` };
  }
  const dest = path.join(work, 'wheel');
  fs.mkdirSync(dest, { recursive: true });
  const files = pipDownload(cfg, `${cfg.wheelProject}==${cfg.tfVersion}`, dest);
  const prefix = cfg.wheelProject.replace(/-/g, '_');
  const wheel = files.find((f) => f.toLowerCase().startsWith(`${prefix}-`));
  if (!wheel) fail(`pip reported success but left no ${prefix}-*.whl in ${dest}`, 'set CCH_TF_WHEEL to the wheel file');
  const file = path.join(dest, wheel);
  return { wheel: file, downloaded: true, note: `${wheel}, ${mb(fs.statSync(file).size)}` };
}

// Python (zipfile): extract the two libraries and the transitive closure of the headers the
// binding includes, from tensorflow/include/ in the wheel. Prints one JSON line.
const EXTRACT_PY = String.raw`
import json, os, re, shutil, sys, zipfile
wheel, out, seeds = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
z = zipfile.ZipFile(wheel)
names = set(z.namelist())
libs = ['tensorflow/libtensorflow_cc.so.2', 'tensorflow/libtensorflow_framework.so.2']
missing = [l for l in libs if l not in names]
if missing:
    print(json.dumps({'error': 'the wheel has no ' + ', '.join(missing)})); sys.exit(0)
os.makedirs(os.path.join(out, 'lib'), exist_ok=True)
for l in libs:
    with z.open(l) as src, open(os.path.join(out, 'lib', os.path.basename(l)), 'wb') as dst:
        shutil.copyfileobj(src, dst, 1 << 22)
inc = 'tensorflow/include/'
todo, seen, absent = list(seeds), set(), []
while todo:
    h = todo.pop()
    if h in seen: continue
    seen.add(h)
    member = inc + h
    if member not in names:
        absent.append(h); continue
    data = z.read(member)
    dst = os.path.join(out, 'include', h)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, 'wb') as f: f.write(data)
    for m in re.finditer(rb'^\s*#\s*include\s+"([^"]+)"', data, re.M):
        todo.append(m.group(1).decode())
print(json.dumps({'headers': sorted(seen - set(absent)), 'absent': sorted(absent)}))
`;

function extract(cfg, pkgDir, wheel) {
  const bindingDir = path.join(pkgDir, 'binding');
  const seeds = new Set();
  for (const f of fs.readdirSync(bindingDir)) {
    const text = fs.readFileSync(path.join(bindingDir, f), 'utf8');
    for (const m of text.matchAll(/^\s*#\s*include\s+"(tensorflow\/[^"]+)"/gm)) seeds.add(m[1]);
  }
  const deps = path.join(pkgDir, 'deps');
  fs.rmSync(deps, { recursive: true, force: true });
  const r = run(cfg.python, ['-c', EXTRACT_PY, wheel, deps, JSON.stringify([...seeds])]);
  let result;
  try {
    result = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    fail(`reading ${path.basename(wheel)} with ${cfg.python}'s zipfile failed`, 'check that the file is a complete wheel (a zip) and the disk has space', r.out);
  }
  if (result.error) fail(`${result.error} (${path.basename(wheel)})`, 'use a tensorflow or tensorflow-cpu wheel of version 2.x for linux x86_64');
  const missingSeeds = [...seeds].filter((s) => result.absent.includes(s));
  if (missingSeeds.length > 0) {
    fail(`the wheel lacks headers the binding needs: ${missingSeeds.join(', ')}`, 'use a TensorFlow 2.x wheel that ships tensorflow/include/ (2.21.0 does)');
  }
  // libtensorflow.so is what the binding links (-ltensorflow): the TFE_* functions live in
  // libtensorflow_cc, TF_* in the framework library. libtensorflow.so.<LIBTENSORFLOW_VERSION> makes
  // the package's own install script (if someone runs `npm rebuild`) skip its download.
  const lib = path.join(deps, 'lib');
  const links = { 'libtensorflow.so': 'libtensorflow_cc.so.2', 'libtensorflow_framework.so': 'libtensorflow_framework.so.2' };
  const constants = fs.readFileSync(path.join(pkgDir, 'scripts', 'deps-constants.js'), 'utf8');
  const libVersion = /LIBTENSORFLOW_VERSION\s*=\s*'([^']+)'/.exec(constants)?.[1];
  if (libVersion) {
    links[`libtensorflow.so.${libVersion}`] = 'libtensorflow_cc.so.2';
    links[`libtensorflow_framework.so.${libVersion}`] = 'libtensorflow_framework.so.2';
  }
  for (const [name, to] of Object.entries(links)) fs.symlinkSync(to, path.join(lib, name));
  return { note: `2 libraries (${mb(dirSize(lib))}), ${result.headers.length} headers` };
}

/** --gpu: the nvidia-*-cu12 wheels named by the tensorflow wheel's and-cuda extra; their .so files go into deps/lib. UNTESTED. */
function fetchCudaLibs(cfg, work, pkgDir, wheel) {
  const py = String.raw`
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
meta = [n for n in z.namelist() if n.endswith('.dist-info/METADATA')]
reqs = []
for line in z.read(meta[0]).decode().splitlines():
    if line.startswith('Requires-Dist:') and 'extra == "and-cuda"' in line:
        reqs.append(line.split(':', 1)[1].split(';')[0].strip().replace(' ', ''))
print(json.dumps(reqs))
`;
  const r = run(cfg.python, ['-c', py, wheel]);
  let reqs;
  try {
    reqs = JSON.parse(r.stdout.trim());
  } catch {
    fail(`could not read the and-cuda requirements from ${path.basename(wheel)}`, 'use the CUDA `tensorflow` wheel (not tensorflow-cpu)', r.out);
  }
  if (reqs.length === 0) fail(`${path.basename(wheel)} names no and-cuda wheels`, 'use a tensorflow wheel ≥ 2.14 for linux x86_64');
  const dest = path.join(work, 'cuda-wheels');
  fs.mkdirSync(dest, { recursive: true });
  for (const req of reqs) pipDownload(cfg, req, dest);
  const copy = String.raw`
import os, re, shutil, sys, zipfile
dest = sys.argv[1]; n = 0
for w in sys.argv[2:]:
    z = zipfile.ZipFile(w)
    for m in z.namelist():
        if re.match(r'^nvidia/[^/]+/lib/[^/]+\.so(\.[0-9.]+)?$', m):
            with z.open(m) as s, open(os.path.join(dest, os.path.basename(m)), 'wb') as d:
                shutil.copyfileobj(s, d, 1 << 22)
            n += 1
print(n)
`;
  const wheels = fs.readdirSync(dest).filter((f) => f.endsWith('.whl')).map((f) => path.join(dest, f));
  const c = run(cfg.python, ['-c', copy, path.join(pkgDir, 'deps', 'lib'), ...wheels]);
  if (c.status !== 0) fail('extracting the CUDA libraries from the nvidia wheels failed', 'check the wheels and the disk', c.out);
  fs.rmSync(dest, { recursive: true, force: true });
  return { note: `${reqs.length} nvidia wheels, ${c.stdout.trim()} libraries` };
}

function strip(pkgDir) {
  if (!which('strip')) return { note: 'no `strip` on PATH; kept as they are' };
  const lib = path.join(pkgDir, 'deps', 'lib');
  const before = dirSize(lib);
  for (const f of fs.readdirSync(lib)) {
    const p = path.join(lib, f);
    if (fs.lstatSync(p).isSymbolicLink() || !/\.so(\.|$)/.test(f)) continue;
    const r = run('strip', ['--strip-unneeded', p]);
    if (r.status !== 0) fail(`strip --strip-unneeded ${f} failed`, 'rerun with --no-strip', r.out);
  }
  return { note: `${mb(before)} → ${mb(dirSize(lib))}` };
}

function build(cfg, pkgDir, tools) {
  const preGyp = path.join(pkgDir, 'node_modules', '@mapbox', 'node-pre-gyp', 'bin', 'node-pre-gyp');
  if (!fs.existsSync(preGyp)) fail(`node-pre-gyp is missing from ${pkgDir}/node_modules`, 'rerun with --force');
  const r = run(process.execPath, [preGyp, 'install', '--build-from-source', `--nodedir=${tools.nodedir}`], {
    cwd: pkgDir,
    env: {
      npm_config_node_gyp: tools.nodeGyp,
      npm_config_nodedir: tools.nodedir,
      npm_config_jobs: String(Math.max(1, os.availableParallelism())),
      JOBS: 'max',
    },
  });
  const addon = findAddon(pkgDir);
  if (r.status !== 0 || !addon) {
    const text = r.out;
    let why = 'node-pre-gyp / node-gyp could not build tfjs_binding.node';
    if (/gyp: .*Download|ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(text)) why += ' (it tried to download Node headers: --nodedir was not used)';
    else if (/error: .*\.h: No such file/.test(text)) why += ' (a header is missing from deps/include)';
    else if (/undefined reference/.test(text)) why += ' (link error against libtensorflow: the wheel may be too old or too new for this tfjs-node)';
    fail(why, 'read the compiler output above; rerun with --force after fixing it', text);
  }
  // Intermediate objects (build/, build-tmp-napi-v*/): the addon has been copied to lib/.
  for (const e of fs.readdirSync(pkgDir)) {
    if (e === 'build' || e.startsWith('build-tmp-')) fs.rmSync(path.join(pkgDir, e), { recursive: true, force: true });
  }
  return { addon, note: `${path.relative(pkgDir, addon)}, ${mb(fs.statSync(addon).size)}` };
}

function findAddon(pkgDir) {
  const lib = path.join(pkgDir, 'lib');
  if (!fs.existsSync(lib)) return undefined;
  for (const d of fs.readdirSync(lib).sort().reverse()) {
    const f = path.join(lib, d, 'tfjs_binding.node');
    if (fs.existsSync(f)) return f;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The stderr helper: a one-file Node-API addon (scripts/native/stderr-redirect.c) that lets
// @cch-lab/core keep TensorFlow's load-time absl notice off stderr, so oneDNN can be on by default.

const STDERR_HELPER = 'cch-stderr-redirect.node';
const STDERR_HELPER_SOURCE = path.join(ROOT, 'scripts', 'native', 'stderr-redirect.c');

/** Compiles the helper into the cached package (a second) unless it is there from this source. */
function stderrHelper(cfg) {
  const out = path.join(cfg.packageDir, STDERR_HELPER);
  const stamp = `${out}.source`;
  const source = fs.readFileSync(STDERR_HELPER_SOURCE, 'utf8');
  if (fs.existsSync(out) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === source) return { note: `${STDERR_HELPER} up to date` };
  const cc = [process.env.CC, 'cc', 'gcc'].find((c) => c && which(c));
  const include = path.join(path.resolve(path.dirname(process.execPath), '..'), 'include', 'node');
  if (!cc || !fs.existsSync(path.join(include, 'node_api.h'))) {
    return { note: `skipped: ${cc ? `no node_api.h under ${include}` : 'no C compiler (cc, gcc or $CC)'}; oneDNN stays off by default (README, "Backends")` };
  }
  const tmp = `${out}.tmp-${process.pid}`;
  const r = run(cc, ['-shared', '-fPIC', '-O2', '-Wall', `-I${include}`, STDERR_HELPER_SOURCE, '-o', tmp]);
  if (r.status !== 0) {
    fs.rmSync(tmp, { force: true });
    return { note: `skipped: ${cc} failed (${lastLines(r.out, 1)}); oneDNN stays off by default` };
  }
  fs.renameSync(tmp, out);
  fs.writeFileSync(stamp, source);
  return { note: `${STDERR_HELPER} built with ${cc}` };
}

// ---------------------------------------------------------------------------------------------
// Link: copy the package's small files into node_modules, symlink the big ones from the cache.

const LINKED = new Set(['lib', 'deps', 'node_modules']);

function link(cfg, manifest, opts) {
  const target = cfg.target;
  if (fs.existsSync(target) || isSymlink(target)) {
    const marker = path.join(target, MARKER);
    if (!fs.existsSync(marker) && !opts.force) {
      fail(
        `${path.relative(ROOT, target)} exists and was not put there by this script`,
        `remove it (rm -rf ${path.relative(ROOT, target)}) or rerun with --force to replace it`,
      );
    }
  }
  const tmp = `${target}.cch-tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  for (const e of fs.readdirSync(cfg.packageDir)) {
    const from = path.join(cfg.packageDir, e);
    const to = path.join(tmp, e);
    if (LINKED.has(e)) fs.symlinkSync(from, to);
    else fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
  fs.writeFileSync(
    path.join(tmp, MARKER),
    `${JSON.stringify({ linkedBy: 'scripts/setup-native.mjs', cache: cfg.cacheDir, package: cfg.pkg, tfjsNodeVersion: cfg.tfjsNodeVersion, tfVersion: cfg.tfVersion, wheel: manifest.wheel, linkedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(tmp, target);
  return { note: `${path.relative(ROOT, target)} → ${cfg.packageDir} (lib, deps, node_modules linked)` };
}

function isSymlink(p) {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Smoke test: load in a child process, check the backend, one matmul.

const SMOKE_JS = `
const t0 = performance.now();
const m = await import(process.env.CCH_SMOKE_PKG);
const tf = m.default ?? m;
await tf.ready();
const loadMs = performance.now() - t0;
const backend = tf.getBackend();
const small = tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5, 6], [7, 8]])).arraySync().flat().join(',');
const n = 1024;
const a = tf.randomNormal([n, n]);
const b = tf.randomNormal([n, n]);
tf.matMul(a, b).dataSync();
let best = Infinity;
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  const c = tf.matMul(a, b);
  c.dataSync();
  best = Math.min(best, performance.now() - s);
  c.dispose();
}
let tfVersion;
try { tfVersion = tf.backend().binding.TF_Version; } catch {}
process.stdout.write(JSON.stringify({ backend, small, loadMs, gflops: (2 * n ** 3) / (best / 1000) / 1e9, tfVersion, tfjsNode: tf.version['tfjs-node'] }) + '\\n');
`;

function smoke(cfg) {
  const r = run(process.execPath, ['--input-type=module', '-e', SMOKE_JS], {
    cwd: ROOT,
    env: { TF_CPP_MIN_LOG_LEVEL: cfg.gpu ? '0' : '2', CCH_SMOKE_PKG: cfg.pkg },
  });
  let res;
  try {
    res = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    const text = r.out;
    let why = `${cfg.pkg} does not load from the repository root`;
    const glibc = /version `(GLIBC[^']+)' not found/.exec(text);
    if (glibc) why += ` (${glibc[1]} is newer than this system's glibc: the wheel is built for a newer manylinux)`;
    else if (/cannot open shared object file/.test(text)) why += ` (${/([^\s:]+): cannot open shared object file/.exec(text)?.[1] ?? 'a library'} not found)`;
    else if (/undefined symbol/.test(text)) why += ` (${/undefined symbol: \S+/.exec(text)?.[0]}: the TensorFlow library does not match the binding)`;
    fail(why, 'rerun with --force to rebuild; if it persists, try another TensorFlow wheel (CCH_TF_WHEEL)', text);
  }
  if (res.backend !== 'tensorflow') fail(`${cfg.pkg} loaded but tf.getBackend() is '${res.backend}', not 'tensorflow'`, 'check that only one @tensorflow/tfjs-core is installed (npm ls @tensorflow/tfjs-core)');
  if (res.small !== '19,22,43,50') fail(`a 2×2 matmul gave ${res.small} instead of 19,22,43,50`, 'rebuild with --force; try another TensorFlow wheel');
  let gpuNote = '';
  if (cfg.gpu) {
    const seen = /device:GPU:\d/.test(r.stderr);
    gpuNote = seen ? ', a GPU device was created' : ', NO GPU device in the TensorFlow log (runs on the CPU; check nvidia-smi and LD_LIBRARY_PATH=<cache>/package/deps/lib)';
  }
  return {
    res,
    note: `backend ${res.backend}, TensorFlow ${res.tfVersion ?? '?'}, load ${Math.round(res.loadMs)} ms, matmul 1024³ ≈ ${Math.round(res.gflops)} GFLOP/s${gpuNote}`,
  };
}

function showDoctor() {
  const cli = path.join(ROOT, 'apps', 'cli', 'bin', 'cch.js');
  if (!fs.existsSync(path.join(ROOT, 'apps', 'cli', 'dist', 'main.js'))) {
    info('cch doctor: the CLI is not built (npm run build); skipped');
    return;
  }
  const r = run(process.execPath, [cli, 'doctor'], { cwd: ROOT, env: { TF_CPP_MIN_LOG_LEVEL: process.env.TF_CPP_MIN_LOG_LEVEL ?? '2' } });
  const lines = r.stdout.split('\n').filter((l) => /^backend:|^\s+(ok|--)\s+(node|node-gpu)\s|native backend/.test(l));
  info('cch doctor says:');
  for (const l of lines) process.stderr.write(`    ${l}\n`);
}

// ---------------------------------------------------------------------------------------------

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let current = 'versions';
  try {
    const cfg = configure(opts);
    if (opts.gpu) info('--gpu is UNTESTED (written without a GPU): expect to debug it on a CUDA machine');
    // --force rebuilds; with --link-only it only allows replacing a package this script did not link.
    const cached = opts.force && !opts.linkOnly ? undefined : cachedBuild(cfg);
    info(`${cfg.pkg} ${cfg.tfjsNodeVersion} + TensorFlow ${cfg.tfVersion}; cache ${cfg.cacheDir}`);

    let manifest = cached;
    if (opts.linkOnly && !cached) {
      current = 'link-only';
      fail(
        `the cache holds no build of ${cfg.pkg} ${cfg.tfjsNodeVersion} for TensorFlow ${cfg.tfVersion} (${cfg.cacheDir})`,
        '`npm run setup:native` builds it once (≈ 1 min); --link-only never downloads or builds',
      );
    }
    if (!cached) {
      stepCount = opts.gpu ? 10 : 9;
      info(opts.force ? 'rebuilding (--force)' : 'no build in the cache for these versions: building once');
      current = 'tools';
      const tools = step('tools', 'python, C++ compiler, make, Node headers, node-gyp, disk space', () => checkTools(cfg, !cfg.wheelFile));
      fs.mkdirSync(path.dirname(cfg.cacheDir), { recursive: true });
      const work = fs.mkdtempSync(path.join(path.dirname(cfg.cacheDir), `.${cfg.key}.build-`));
      try {
        current = 'npm package';
        const { pkgDir } = step('npm package', `npm pack ${cfg.pkg}@${cfg.tfjsNodeVersion} and its runtime dependencies (scripts not run)`, () => fetchPackage(cfg, work));
        current = 'wheel';
        const w = step('wheel', cfg.wheelFile ? `using ${cfg.wheelFile}` : `pip download --no-deps --only-binary=:all: ${cfg.wheelProject}==${cfg.tfVersion}`, () => fetchWheel(cfg, work));
        current = 'extract';
        step('extract', `libtensorflow_cc/_framework.so.2 and the headers the binding includes, from ${path.basename(w.wheel)}`, () => extract(cfg, pkgDir, w.wheel));
        if (opts.gpu) {
          current = 'cuda wheels';
          step('cuda wheels', 'the nvidia-*-cu12 wheels named by the and-cuda extra (UNTESTED)', () => fetchCudaLibs(cfg, work, pkgDir, w.wheel));
        }
        if (w.downloaded) fs.rmSync(path.dirname(w.wheel), { recursive: true, force: true });
        current = 'strip';
        if (opts.strip) step('strip', 'strip --strip-unneeded the libraries', () => strip(pkgDir));
        else step('strip', 'skipped (--no-strip)', () => ({ note: 'kept symbol tables' }));
        current = 'build';
        const b = step('build', `tfjs_binding.node with node-pre-gyp --build-from-source against ${tools.nodedir}/include/node`, () => build(cfg, pkgDir, tools));
        manifest = {
          package: cfg.pkg,
          tfjsNodeVersion: cfg.tfjsNodeVersion,
          tfVersion: cfg.tfVersion,
          wheel: path.basename(w.wheel),
          gpu: cfg.gpu,
          platform: `${process.platform}-${process.arch}`,
          addon: path.relative(pkgDir, b.addon),
          builtWith: { node: process.versions.node, napi: process.versions.napi },
          builtAt: new Date().toISOString(),
        };
        fs.rmSync(cfg.cacheDir, { recursive: true, force: true });
        fs.mkdirSync(cfg.cacheDir, { recursive: true });
        fs.renameSync(pkgDir, cfg.packageDir);
        fs.writeFileSync(path.join(cfg.cacheDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    } else {
      stepCount = 3;
      info(`the cache holds a build (${cached.wheel}, built ${cached.builtAt}): relinking only`);
    }
    current = 'stderr helper';
    step('stderr helper', `${STDERR_HELPER} from scripts/native/stderr-redirect.c (keeps TensorFlow's load-time notice off stderr)`, () => stderrHelper(cfg));
    current = 'link';
    step('link', `into ${path.relative(ROOT, cfg.target)}`, () => link(cfg, manifest, opts));
    current = 'smoke test';
    step('smoke test', `load ${cfg.pkg} in a child process, tf.getBackend(), matmul 1024³`, () => smoke(cfg));
    if (opts.doctor) showDoctor();
    info(`ready in ${secs(Date.now() - t0)}: ${cfg.pkg} is linked; \`npm ci\` removes it — then run \`npm run setup:native -- --link-only\``);
    return 0;
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    if (error.output) {
      process.stderr.write(`--- last output of the failed command ---\n${lastLines(error.output)}\n---\n`);
    }
    process.stderr.write(`${LOG}: FAILED at step "${current}": ${error.message}. Try: ${error.hint}.\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
