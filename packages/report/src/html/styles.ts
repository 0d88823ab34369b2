/**
 * The report's one stylesheet, inlined into every page so a report is a single file: a narrow
 * readable column, booktabs-style tables with tabular figures, figures scaled to the column.
 * Nothing may be wider than the column: tables sit in their own scroll boxes (`.table-scroll`),
 * pictures and SVG shrink to fit, long words (paths, hashes) wrap — so the page itself never
 * scrolls sideways, whatever an experiment puts in it.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5b5b5b; --rule: #c9c9c9; --faint: #f5f5f3; --accent: #1f4e8c; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 15px/1.55 "Source Sans Pro", "Segoe UI", Helvetica, Arial, "DejaVu Sans", sans-serif; overflow-wrap: break-word; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 28px 64px; }
h1 { font-size: 1.7em; line-height: 1.25; margin: 0 0 0.2em; }
h2 { font-size: 1.25em; margin: 2em 0 0.6em; padding-bottom: 0.2em; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05em; margin: 0 0 0.4em; }
a { color: var(--accent); }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
.subtitle { color: var(--muted); margin: 0 0 1em; }
.description { font-size: 1.05em; max-width: 46em; }
.banner { border-radius: 4px; padding: 10px 14px; margin: 1em 0; }
.banner-simulated { background: #fff7e6; border: 1px dashed #c2410c; }
.banner-unknown { background: #fdecec; border: 1px dotted #b91c1c; }
.provenance-box { background: var(--faint); border: 1px solid #e2e2de; border-radius: 4px; padding: 12px 16px; margin: 1.2em 0; }
.provenance-box dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 3px 18px; margin: 0; }
.provenance-box dt { color: var(--muted); }
.provenance-box dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.provenance-box .table-scroll { margin: 0.2em 0; }
.breadcrumb { margin: 0 0 0.3em; font-size: 0.9em; }
.scorecard-box { border: 1px solid #d6dde8; border-left: 4px solid var(--accent); border-radius: 4px; padding: 4px 18px 12px; margin: 1.4em 0 1.8em; }
.scorecard-box h2 { margin-top: 0.6em; border-bottom: none; }
.scorecard-box .verdict { font-size: 1.08em; max-width: 52em; }
.scorecard-box .table-scroll { margin: 0.6em 0 0.8em; }
.scorecard-box .regimes ul { margin: 0.2em 0 0.6em; }
.scorecard-none p { color: var(--muted); }
.rate { font-size: 1.12em; font-weight: 600; white-space: nowrap; }
.interval { white-space: nowrap; }
table.criteria-table tr.primary td { font-weight: 600; }
.rate-none { color: var(--muted); font-weight: normal; }
.interval, .counts { color: var(--muted); font-size: 0.9em; }
.caveat { color: var(--muted); max-width: 52em; }
ul.criteria { margin: 0; padding-left: 1.1em; }
ul.criteria li { margin-bottom: 0.3em; }
ul.failures li { margin-bottom: 0.3em; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0.3em 0; }
dl.summary dt { color: var(--muted); font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; padding-top: 0.15em; }
dl.summary dd { margin: 0; font-variant-numeric: tabular-nums; }
dl.summary dl.summary { padding-left: 10px; border-left: 2px solid #e6e6e6; }
.notes p { max-width: 46em; }
.table-scroll { overflow-x: auto; max-width: 100%; margin: 0.8em 0 1.8em; }
.table-scroll > table { margin: 0; }
table.data-table, table.summary-table, table.index-table { border-collapse: collapse; margin: 0.8em 0 1.8em; font-variant-numeric: tabular-nums;
  border-top: 2px solid var(--ink); border-bottom: 2px solid var(--ink); }
table.data-table { font-size: 0.92em; }
table.index-table { width: 100%; }
table.index-table { font-size: 0.94em; }
/* A 200-letter title or path must wrap, not stretch the scorecard past its scroll box. */
table.index-table td, table.index-table th { overflow-wrap: anywhere; }
table.index-table tbody th { font-weight: normal; border-bottom: 1px solid #ededed; }
table.index-table th.experiment-cell { min-width: 16em; width: 24%; }
table.index-table td.claim { width: 24%; }
table.index-table tbody tr:not(.verdict-row) > * { border-bottom: none; }
table.index-table tbody.experiment { border-top: 1px solid var(--rule); }
table.index-table tr.verdict-row td { background: var(--faint); border-bottom: none; }
td code, dd code, summary code { overflow-wrap: anywhere; }
details.long-table { margin: 0.8em 0 1.6em; }
details.long-table > summary { cursor: pointer; }
details.long-table > summary .table-title { color: var(--accent); }
table.data-table caption, table.index-table caption { caption-side: top; text-align: left; padding-bottom: 0.5em; }
.table-title { font-weight: bold; }
.table-caption { color: var(--muted); max-width: 46em; }
.table-sources, .figure-sources { font-size: 0.9em; margin-top: 0.2em; }
th { font-weight: 600; text-align: left; border-bottom: 1px solid var(--ink); }
th, td { padding: 4px 10px; vertical-align: top; }
td { border-bottom: 1px solid #ededed; }
tbody tr:last-child td { border-bottom: none; }
th.num, td.num { text-align: right; }
td.nowrap { white-space: nowrap; }
td.empty { color: var(--muted); font-style: italic; }
table.summary-table { margin: 0.2em 0; border-width: 1px; font-size: 0.95em; }
figure.figure { margin: 1.2em 0 2.2em; max-width: 100%; }
figure.figure .chart img { max-width: 100%; height: auto; display: block; }
pre { overflow-x: auto; max-width: 100%; }
figure.figure .chart { overflow-x: auto; }
figure.figure .chart svg { max-width: 100%; height: auto; display: block; }
figure.figure figcaption { max-width: 46em; }
.figure-caption { color: var(--muted); }
.figure-error { background: #fdecec; border: 1px solid #b91c1c; color: #7f1d1d; border-radius: 4px; padding: 10px 14px; margin: 0.8em 0; white-space: pre-wrap; }
details.config { margin: 1em 0; }
details.config summary { cursor: pointer; color: var(--accent); }
details.config pre { background: var(--faint); border: 1px solid #e2e2de; padding: 12px; overflow-x: auto; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.88em; border-top: 1px solid var(--rule); padding-top: 0.6em; }
@media print { main { max-width: none; } details.config { display: none; } .table-scroll { overflow: visible; } }
`;
