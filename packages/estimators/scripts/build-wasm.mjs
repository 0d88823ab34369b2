#!/usr/bin/env node
/**
 * Compiles src/knn/wasm/kernel.wat with wabt (a devDependency) and writes its bytes, base64, to
 * src/knn/wasm/kernel-bytes.ts — the module the engine loads, committed so that a plain build
 * (tsc) and jest need no wasm toolchain. `--check` exits 1 when the committed bytes are not the
 * current source's (src/knn/wasm/kernel-bytes.test.ts runs the same comparison).
 * Usage: node scripts/build-wasm.mjs [--check]   (or npm run build:wasm in packages/estimators)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileKernel, kernelModuleText } from './kernel-wasm.mjs';

const dir = new URL('../src/knn/wasm/', import.meta.url);
const source = readFileSync(new URL('kernel.wat', dir), 'utf8');
const text = kernelModuleText(await compileKernel(source));
const target = fileURLToPath(new URL('kernel-bytes.ts', dir));
if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === text;
  console.log(same ? 'kernel-bytes.ts is up to date' : 'kernel-bytes.ts is stale: run npm run build:wasm');
  process.exit(same ? 0 : 1);
}
writeFileSync(target, text);
console.log(`wrote ${target}`);
