/**
 * The tensor backend choice. Order for `auto`: tfjs-node-gpu (CUDA), wasm (SIMD, one thread in
 * Node), tfjs-node (libtensorflow on the CPU), cpu (pure JS). The two tfjs-node packages are
 * optional and cannot install without a network; they are looked for at run time and never
 * required. Override with `--backend NAME` or the environment variable CCH_BACKEND.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { BackendError, UnknownMethodError } from './errors.js';
import { importNativePackage, type NativeLoad } from './native-load.js';

// tfjs costs ≈ 0.5 s to load: loaded with the first backend choice or probe, not with the package
// (every command that trains or estimates with a network chooses a backend first).
let tfLoaded: typeof TfModule | undefined;
async function loadTf(): Promise<typeof TfModule> {
  tfLoaded ??= await import('@tensorflow/tfjs');
  return tfLoaded;
}

export const BACKEND_NAMES = ['node-gpu', 'node', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/**
 * What `auto` tries, in order. wasm comes before the native CPU backend for its determinism, not
 * its speed: its numbers are the same on every machine, native's only per machine and intra-op
 * thread count (README, "Determinism"). With the one-run graph step and oneDNN the native backend
 * is as fast or faster (2 cores: TCGA quick 112 s against wasm's 107 s, MNIST-M quick 57 s against
 * 108 s, the benchmark CNN 0.6–0.8× PyTorch's epoch against 1.6–2.1×): `--backend node`.
 */
export const AUTO_BACKEND_ORDER: readonly BackendName[] = ['node-gpu', 'wasm', 'node', 'cpu'];
export type BackendRequest = BackendName | 'auto';

/** The npm package that provides each backend. */
const BACKEND_PACKAGES: Record<BackendName, string> = {
  'node-gpu': '@tensorflow/tfjs-node-gpu',
  node: '@tensorflow/tfjs-node',
  wasm: '@tensorflow/tfjs-backend-wasm',
  cpu: '@tensorflow/tfjs (built-in cpu backend)',
};

/** The name each backend registers under in tfjs. */
const TF_BACKEND_NAMES: Record<BackendName, string> = {
  'node-gpu': 'tensorflow',
  node: 'tensorflow',
  wasm: 'wasm',
  cpu: 'cpu',
};

export interface BackendProbe {
  name: BackendName;
  package: string;
  /** True when the backend loaded and initialised. */
  available: boolean;
  /** Why it is unavailable (the load or init error, shortened). */
  error?: string;
  /** Native backends: TensorFlow's oneDNN kernels are on, and what decided it. */
  oneDnn?: boolean;
  oneDnnBy?: NativeLoad['oneDnnBy'];
}

export interface BackendInfo {
  /** The backend in use. */
  name: BackendName;
  /** What tfjs calls it (`tensorflow`, `wasm`, `cpu`). */
  tfBackend: string;
  /** What was asked for. */
  requested: BackendRequest;
  /** Where the request came from. */
  requestedBy: 'option' | 'CCH_BACKEND' | 'default';
  /** One sentence: why this backend. */
  reason: string;
  /** Every backend tried, in order, with the outcome. */
  probes: BackendProbe[];
  /** The tfjs version in use. */
  tfjsVersion: string;
}

export interface ChooseBackendOptions {
  /** Explicit request (e.g. from `--backend`); wins over CCH_BACKEND. */
  requested?: string;
  /** Environment to read CCH_BACKEND from. Default process.env. */
  env?: Record<string, string | undefined>;
}

const probeCache = new Map<BackendName, Promise<BackendProbe>>();

/** Parses a backend name; throws UnknownMethodError listing the valid names. */
export function parseBackendRequest(value: string, field = 'backend'): BackendRequest {
  const v = value.trim().toLowerCase();
  if (v === 'auto' || (BACKEND_NAMES as readonly string[]).includes(v)) return v as BackendRequest;
  throw new UnknownMethodError('backend', value, ['auto', ...BACKEND_NAMES], { details: { field } });
}

/**
 * Chooses and activates a tfjs backend. With `auto`, the first that loads wins; an explicit
 * request that cannot load is an error (BackendError), not a silent fallback.
 */
export async function chooseBackend(options: ChooseBackendOptions = {}): Promise<BackendInfo> {
  const env = options.env ?? process.env;
  let requested: BackendRequest = 'auto';
  let requestedBy: BackendInfo['requestedBy'] = 'default';
  if (options.requested !== undefined && options.requested !== '') {
    requested = parseBackendRequest(options.requested, '--backend');
    requestedBy = 'option';
  } else if (env.CCH_BACKEND !== undefined && env.CCH_BACKEND !== '') {
    requested = parseBackendRequest(env.CCH_BACKEND, 'CCH_BACKEND');
    requestedBy = 'CCH_BACKEND';
  }
  // Prod mode silences tfjs's console advice ("install our node backend") on the cpu backend;
  // the choice is reported here instead.
  const tf = await loadTf();
  tf.enableProdMode();

  const order: BackendName[] = requested === 'auto' ? [...AUTO_BACKEND_ORDER] : [requested];
  const probes: BackendProbe[] = [];
  for (const name of order) {
    const probe = await probeBackend(name);
    probes.push(probe);
    if (!probe.available) continue;
    const ok = await tf.setBackend(TF_BACKEND_NAMES[name]);
    await tf.ready();
    if (!ok) {
      probe.available = false;
      probe.error = 'tf.setBackend returned false';
      continue;
    }
    const reason =
      requested === 'auto'
        ? probes.length === 1
          ? `${name} is the first choice and loaded`
          : `${name} is the first that loaded (${probes
              .filter((p) => !p.available)
              .map((p) => `${p.name}: ${p.error ?? 'unavailable'}`)
              .join('; ')})`
        : `${name} was requested by ${requestedBy === 'option' ? '--backend' : 'CCH_BACKEND'}`;
    // Reports carry the reason: oneDNN changes a native run's numbers in their last bits.
    const numerics = probe.oneDnn === undefined ? '' : `; TensorFlow's oneDNN kernels ${probe.oneDnn ? 'on' : 'off'}`;
    return {
      name,
      tfBackend: TF_BACKEND_NAMES[name],
      requested,
      requestedBy,
      reason: reason + numerics,
      probes,
      tfjsVersion: tf.version.tfjs ?? tf.version_core,
    };
  }
  const failed = probes.map((p) => `${p.name}: ${p.error ?? 'unavailable'}`).join('; ');
  throw new BackendError(`backend '${requested}' is not available (${failed})`, {
    hint:
      requested === 'node' || requested === 'node-gpu'
        ? `install it with \`npm i ${BACKEND_PACKAGES[requested]}\` on a machine with a network, or use --backend wasm`
        : 'use --backend auto to take the first backend that loads',
    details: { field: requestedBy === 'option' ? '--backend' : 'CCH_BACKEND', received: requested },
  });
}

/** Loads (once) the package behind a backend and reports whether it is usable; never throws. */
export function probeBackend(name: BackendName): Promise<BackendProbe> {
  let cached = probeCache.get(name);
  if (cached === undefined) {
    cached = loadBackend(name);
    probeCache.set(name, cached);
  }
  return cached.then((p) => ({ ...p }));
}

/** Probes every backend without changing the active one (for `cch doctor`). */
export async function probeAllBackends(): Promise<BackendProbe[]> {
  const out: BackendProbe[] = [];
  for (const name of BACKEND_NAMES) out.push(await probeBackend(name));
  return out;
}

/** The active tfjs backend's name, or undefined before one is chosen. */
export function activeTfBackend(): string | undefined {
  // Not loaded yet: no backend was chosen.
  if (tfLoaded === undefined) return undefined;
  try {
    return tfLoaded.getBackend();
  } catch {
    return undefined;
  }
}

async function loadBackend(name: BackendName): Promise<BackendProbe> {
  const pkg = BACKEND_PACKAGES[name];
  const tf = await loadTf();
  try {
    let native: NativeLoad | undefined;
    if (name === 'node' || name === 'node-gpu') {
      // A variable specifier keeps TypeScript and bundlers from requiring the optional package.
      const specifier: string = pkg;
      native = await importNativePackage(specifier);
    } else if (name === 'wasm') {
      await import('@tensorflow/tfjs-backend-wasm');
    }
    if (tf.findBackendFactory(TF_BACKEND_NAMES[name]) === null && tf.findBackend(TF_BACKEND_NAMES[name]) === null) {
      return { name, package: pkg, available: false, error: 'the package loaded but registered no backend' };
    }
    return native === undefined ? { name, package: pkg, available: true } : { name, package: pkg, available: true, oneDnn: native.oneDnn, oneDnnBy: native.oneDnnBy };
  } catch (error) {
    return { name, package: pkg, available: false, error: shortError(error) };
  }
}

function shortError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return 'not installed';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 200);
}
