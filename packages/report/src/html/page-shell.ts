import { escapeHtml } from '../format/escape-html.js';
import { REPORT_CSS } from './styles.js';

/** A complete, self-contained HTML document: inline CSS, no scripts, no external assets. */
export function pageShell(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="cch-lab @cch-lab/report">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
