/**
 * Data-source badges: every number in a report says whether it came from a real data set, the
 * embedded default, or a simulated stand-in. Each source has its own colour *and* border style
 * (inline, so a table or figure keeps them when copied out of the page, and they survive
 * grey-scale printing), and a tooltip saying what it means.
 */
import type { DataSource } from '../contract.js';
import { escapeHtml } from './escape-html.js';

interface BadgeStyle {
  /** Inline CSS for the badge. */
  style: string;
  /** The tooltip: what the source means for the reader. */
  meaning: string;
}

const BADGE_BASE = 'display:inline-block;padding:0 0.45em;border-radius:3px;font-size:0.85em;font-weight:600;line-height:1.5;';

const BADGES: Readonly<Record<DataSource, BadgeStyle>> = Object.freeze({
  real: {
    style: `${BADGE_BASE}background:#e3f4e8;color:#14532d;border:1px solid #2f855a;`,
    meaning: 'real: a published data set read from disk',
  },
  embedded: {
    style: `${BADGE_BASE}background:#e6eefb;color:#1e3a8a;border:1px solid #3b63c4;`,
    meaning: 'embedded: data shipped with the code (e.g. the real MNIST digits of the mnist package, or pairs generated from them)',
  },
  simulated: {
    style: `${BADGE_BASE}background:#fff1d6;color:#7c2d12;border:1px dashed #c2410c;`,
    meaning: 'simulated: a generated stand-in, NOT a real data set; numbers show how the method behaves, not what the paper measured',
  },
});

const UNKNOWN_STYLE = `${BADGE_BASE}background:#fde2e2;color:#7f1d1d;border:1px dotted #b91c1c;`;

/** One source as an inline badge (`<span class="badge source-simulated">simulated</span>`). */
export function sourceBadge(source: string): string {
  const known = (BADGES as Record<string, BadgeStyle | undefined>)[source];
  if (known === undefined) {
    const text = escapeHtml(`unknown source: ${source}`);
    return `<span class="badge source-unknown" style="${UNKNOWN_STYLE}" title="${text}">${text}</span>`;
  }
  return `<span class="badge source-${source}" style="${known.style}" title="${escapeHtml(known.meaning)}">${source}</span>`;
}

/**
 * The provenance line printed with every table and figure: `data: <badges>`, duplicates dropped,
 * order kept. No sources at all is itself reported ("not recorded"), never hidden.
 */
export function sourcesLine(sources: readonly string[]): string {
  return `<span class="provenance">data: ${sourceBadges(sources)}</span>`;
}

/** The badges of `sourcesLine` without the "data:" label, for places that already say what they are. */
export function sourceBadges(sources: readonly string[]): string {
  const unique = [...new Set(sources)];
  return unique.length === 0
    ? `<span class="badge source-unknown" style="${UNKNOWN_STYLE}" title="the data source was not recorded">not recorded</span>`
    : unique.map(sourceBadge).join(' ');
}
