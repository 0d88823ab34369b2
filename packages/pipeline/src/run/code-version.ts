/** The cch-lab version, read once from this package's package.json (works from src/ and dist/). */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function codeVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
