// What every fetch script in data-scripts/ shares: its failure classes, file digests and the
// download with fallbacks. Node built-ins only, so the scripts run anywhere Node does.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An expected failure: the script prints its message and exits 1. */
export class Fail extends Error {}
/** A bad command line: the script prints its message and exits 2. */
export class Usage extends Fail {}

/** Hex digest of a file ('sha256', 'md5', …), streamed. */
export async function digest(file, algorithm) {
  const h = createHash(algorithm);
  for await (const chunk of createReadStream(file)) h.update(chunk);
  return h.digest('hex');
}

/**
 * Downloads the first URL that answers into `dest` and returns it: each URL in turn (a 404 moves
 * on at once; a network error is retried 3 times, then the next URL is tried). When none
 * answers, throws Fail with `exhausted`.
 */
export async function download(urls, dest, exhausted) {
  for (const url of urls) {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(url, { redirect: 'follow' });
        if (res.status === 404) break;
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} ${res.statusText}`);
        await pipeline(Readable.fromWeb(res.body), createWriteStream(dest));
        return url;
      } catch (e) {
        if (attempt >= 3) { console.error(`  ${url}: ${e.cause?.message ?? e.message}; trying the next source`); break; }
        console.error(`  ${url}: ${e.message}; retrying (${attempt}/3)`);
      }
    }
  }
  throw new Fail(exhausted);
}
