// The options several commands share, parsed in one place. Commands import these, not each other.
export { globalBackend, selectBackend } from './backend.js';
export { WORKERS_HELP, parseWorkers, parseEngineWorkers } from './workers.js';
export { toInt, parseIntegerOption, parseSeed } from './integers.js';
export { readAligned, attributeToFile } from './input-files.js';
export type { AlignedInputs } from './input-files.js';
export { collect } from './repeatable.js';
export { commandLine, shellQuote } from './command-line.js';
