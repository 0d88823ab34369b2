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
export type { IndexEntry } from './html/index-page.js';
export { checkResultsFile } from './check-results-file.js';

// Formatting shared with other outputs (CLI summaries)
export { formatValue, formatSignificant, MISSING } from './format/format-value.js';
export { escapeHtml } from './format/escape-html.js';
export { sourceBadge, sourceBadges, sourcesLine } from './format/source-badge.js';

// Writing to disk
export { writeExperimentReport, writeReportIndex, REPORT_PAGE, RESULTS_FILE } from './write-report.js';
