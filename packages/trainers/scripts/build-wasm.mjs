#!/usr/bin/env node
/**
 * Compiles src/kernels/wasm/simd/kernels.wat with wabt (a devDependency) and writes its bytes,
 * base64, to src/kernels/wasm/simd/kernels-bytes.ts — the module the wasm training kernels load.
 * `--check` exits 1 when the committed bytes are not the current source's (simd-kernels.test.ts
 * runs it). Usage: node scripts/build-wasm.mjs [--check]   (or npm run build:wasm in packages/trainers)
 */
import { buildWasmModule } from '../../../scripts/wat-module.mjs';

const dir = new URL('../src/kernels/wasm/simd/', import.meta.url);
await buildWasmModule(new URL('kernels.wat', dir), new URL('kernels-bytes.ts', dir), {
  constName: 'TRAINING_KERNELS_WASM_BASE64',
  description: 'The wasm training kernels (kernels.wat)',
  regenerate: 'run `npm run build:wasm` in packages/trainers',
});
