// @cch-lab/cli — the `cch` command as a library (for tests and embedding). Re-exports only.
export { main, buildProgram } from './main.js';
export { createProcessIo, createBufferIo, printJson } from './io.js';
export type { Io } from './io.js';
export { EXIT } from './exit-codes.js';
