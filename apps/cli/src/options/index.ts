/**
 * The options several commands share, parsed in one place. Commands import these, not each other.
 *
 * The parsers throw @cch-lab/core's errors, so this index loads @cch-lab/core and with it tfjs
 * (about half a second): import it inside an action (`await import('../options/index.js')`).
 * What a command needs to register (help texts, Options, commander's collector) comes from the
 * light modules directly: definitions.js, backend.js, queue.js, repeatable.js, command-line.js,
 * flag-values.js.
 */
export { globalBackend, selectBackend } from './backend.js';
export { WORKERS_HELP, headerOption, idColumnOption } from './definitions.js';
export { parseWorkers, parseEngineWorkers } from './workers.js';
export { toInt, parseIntegerOption, parseSeed, wholeNumberIn } from './integers.js';
export { parseSubsamples, MAX_SUBSAMPLES } from './subsamples.js';
export { refuseFlagsAsValues, looksLikeFlag } from './flag-values.js';
export { attributeToFile } from './input-files.js';
export { parseInputFormat, readInputs, reportInputs, type InputFormat, type InputFormatFlags } from './input-format.js';
export { collect } from './repeatable.js';
export { commandLine, shellQuote } from './command-line.js';
export { QUEUE_HELP, requireQueueUrl, resolveQueueUrl } from './queue.js';
