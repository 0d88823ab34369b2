/**
 * The job queue's address: `redis://[user:pass@]host[:port][/db]`, or `rediss://…` for TLS. Parsed
 * once, with an error naming where the URL came from (`--queue` or CCH_QUEUE); `display` is the
 * URL without its password, for messages and logs.
 */
import { UsageError } from '@cch-lab/core';

export interface QueueUrl {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** The URL as messages print it: the password replaced by '***'. */
  display: string;
}

const DEFAULT_PORT = 6379;

export function parseQueueUrl(text: string, from = '--queue'): QueueUrl {
  const fail = (why: string): never => {
    throw new UsageError(`${from}: ${why}`, {
      details: { field: from, received: redactQueueUrl(text) },
      hint: 'e.g. --queue redis://127.0.0.1:6379, redis://:PASSWORD@host:6379/0 or rediss://host:6380 for TLS',
    });
  };
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return fail('not a URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return fail(`expected redis:// or rediss://, not ${url.protocol}//`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return fail('no host');
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d+$/.test(dbText)) return fail(`the database must be a number (…/0), not '${dbText}'`);
  if (url.search !== '' || url.hash !== '') return fail('options after ? or # are not read; write only redis://[user:pass@]host:port/db');
  const username = url.username !== '' ? decodeURIComponent(url.username) : undefined;
  const password = url.password !== '' ? decodeURIComponent(url.password) : undefined;
  return {
    host,
    port,
    db: dbText === '' ? 0 : Number(dbText),
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    tls: url.protocol === 'rediss:',
    display: redactQueueUrl(text.trim()),
  };
}

/**
 * Every redis:// or rediss:// URL in `text` with its password replaced by '***': for messages,
 * and for command lines recorded in results.json.
 */
export function redactQueueUrl(text: string): string {
  return text.replace(/(rediss?:\/\/[^:@/\s]*:)[^@/\s]*@/g, '$1***@');
}
