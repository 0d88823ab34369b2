// @cch-lab/report — the public surface. Re-exports only.

// Tables
export { renderTable } from './tables/render-table.js';

// Figures: headless SVG rendering (the spec builders live in @cch-lab/pipeline, beside the experiments)
export { renderFigureSvg } from './figures/render-svg.js';
export type { RenderSvgOptions } from './figures/render-svg.js';

// HTML pages
export { renderExperimentPage } from './html/experiment-page.js';
export type { RenderedPage } from './html/experiment-page.js';
export { renderIndexPage } from './html/index-page.js';
export type { IndexEntry } from './html/index-entry.js';
export { checkResultsFile } from './check-results-file.js';

// Scorecards: checking one read from disk, pooling across experiments, where the CCH fails
export { readScorecard } from './scorecard/read-scorecard.js';
export { poolAgreement } from './scorecard/pool-agreement.js';
export type { PooledAgreement, PoolInput } from './scorecard/pool-agreement.js';
export { sourceClass, SOURCE_CLASSES } from './scorecard/source-class.js';
export type { SourceClass } from './scorecard/source-class.js';
export { whereItFails } from './scorecard/where-it-fails.js';
export type { FailureSentence, WhereItFails } from './scorecard/where-it-fails.js';

// Formatting shared with other outputs (CLI summaries)
export { formatValue, formatSignificant, MISSING } from './format/format-value.js';
export { escapeHtml } from './format/escape-html.js';
export { agreementPhrase, percentText, rateWithInterval } from './format/agreement-phrase.js';
export { sourceBadge, sourceBadges, sourcesLine } from './format/source-badge.js';

// Writing to disk
export { writeExperimentReport, writeReportIndex, REPORT_PAGE, RESULTS_FILE } from './write-report.js';
