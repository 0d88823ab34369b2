/**
 * The code version a result was computed with: the cch-lab version plus a fingerprint of every
 * workspace package's code (dist/ when running compiled, src/ under jest). The cell cache keys on
 * it, so editing an estimator or a trainer invalidates cached cells instead of silently reusing
 * numbers the new code would not produce.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function codeVersion(): string {
  cached ??= `${packageVersion()}+${codeFingerprint(fileURLToPath(import.meta.url))}`;
  return cached;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const CODE_FILE = /\.(js|mjs|ts)$/;
const NOT_CODE = /(\.d\.ts|\.test\.ts|\.test\.js)$|(^|[/\\])testing-fixtures[/\\]/;

/** sha256 over the path and bytes of each code file of the sibling packages, in sorted order. */
export function codeFingerprint(thisFile: string): string {
  const layer = thisFile.split(path.sep).includes('dist') ? 'dist' : 'src';
  const packagesRoot = path.resolve(path.dirname(thisFile), '..', '..', '..');
  const hash = createHash('sha256');
  for (const pkg of readdirSync(packagesRoot).sort()) {
    const dir = path.join(packagesRoot, pkg, layer);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => CODE_FILE.test(f) && !NOT_CODE.test(f))
      .sort();
    for (const file of files) {
      hash.update(`${pkg}/${file}\0`);
      hash.update(readFileSync(path.join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}
