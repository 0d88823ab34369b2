#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the root `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const mainUrl = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(mainUrl))) {
  process.stderr.write('cch: the CLI is not built yet. Run `npm run build` (or `npm ci`) in the repository root.\n');
  process.exit(1);
}
// A reader that stops early (`cch … | head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(mainUrl.href);
process.exitCode = await main(process.argv.slice(2));
