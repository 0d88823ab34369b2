#!/usr/bin/env node
/**
 * Compiles src/knn/wasm/kernel.wat with wabt (a devDependency) and writes its bytes, base64, to
 * src/knn/wasm/kernel-bytes.ts — the module the engine loads. `--check` exits 1 when the
 * committed bytes are not the current source's (src/knn/wasm-kernel.test.ts runs it).
 * Usage: node scripts/build-wasm.mjs [--check]   (or npm run build:wasm in packages/estimators)
 */
import { buildWasmModule } from '../../../scripts/wat-module.mjs';

const dir = new URL('../src/knn/wasm/', import.meta.url);
await buildWasmModule(new URL('kernel.wat', dir), new URL('kernel-bytes.ts', dir), {
  constName: 'KERNEL_WASM_BASE64',
  description: 'The k-NN kernel module (kernel.wat)',
  regenerate: 'run `npm run build:wasm` in packages/estimators',
});
