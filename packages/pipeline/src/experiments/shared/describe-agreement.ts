/** Sentences for the report's notes, built from computed agreement numbers (never pre-written). */
import type { Agreement } from './agreement.js';

/** "31 of 60 decisive settings (52 %, 95 % CI 39–64 %)", or a plain statement when none was decisive. */
export function describeAgreement(a: Agreement): string {
  if (a.total === 0 || a.rate === null) return `0 of 0 decisive settings (nothing to score; ${a.inconclusive} inconclusive)`;
  return `${a.agree} of ${a.total} decisive settings (${percent(a.rate)}, 95 % CI ${percent(a.interval[0], false)}–${percent(a.interval[1])})`;
}

/** 0.523 → "52 %" (or "52" without the sign); `digits` after the point, default 0. */
export function percent(rate: number, withSign = true, digits = 0): string {
  const text = (rate * 100).toFixed(digits);
  return withSign ? `${text} %` : text;
}

/** A list in prose: "a", "a and b", "a, b and c". */
export function listInProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
