// The options several commands share, parsed in one place. Commands import these, not each other.
export { globalBackend, selectBackend } from './backend.js';
export { WORKERS_HELP, parseWorkers, parseEngineWorkers } from './workers.js';
export { toInt, parseIntegerOption, parseSeed, wholeNumberIn } from './integers.js';
export { parseSubsamples, MAX_SUBSAMPLES } from './subsamples.js';
export { refuseFlagsAsValues, looksLikeFlag } from './flag-values.js';
export { attributeToFile } from './input-files.js';
export { headerOption, idColumnOption, parseInputFormat, readInputs, reportInputs, type InputFormat, type InputFormatFlags } from './input-format.js';
export { collect } from './repeatable.js';
export { commandLine, shellQuote } from './command-line.js';
export { QUEUE_HELP, requireQueueUrl, resolveQueueUrl } from './queue.js';
