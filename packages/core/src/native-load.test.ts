/**
 * backendNumerics before any native load (this suite never loads tfjs-node: jest's process.env is
 * not the environment TensorFlow reads, so the oneDNN switch itself is tested on the built CLI in
 * child processes, apps/cli/src/commands/native-load.spawn.test.ts).
 */
import { backendNumerics, nativeLoadState } from './native-load.js';

describe('backendNumerics', () => {
  it('is the backend name where no oneDNN state applies', () => {
    expect(nativeLoadState()).toBeUndefined();
    for (const name of ['wasm', 'cpu', 'node', 'node-gpu']) expect(backendNumerics(name)).toBe(name);
  });
});
