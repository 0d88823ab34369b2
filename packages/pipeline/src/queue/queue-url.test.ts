import { describe, expect, it } from '@jest/globals';
import { parseQueueUrl, redactQueueUrl } from './queue-url.js';

describe('parseQueueUrl', () => {
  it('reads host, port, database, user, password and TLS', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6390')).toEqual({ host: '127.0.0.1', port: 6390, db: 0, tls: false, display: 'redis://127.0.0.1:6390' });
    expect(parseQueueUrl('rediss://lab:s%40cret@queue.lab:6380/2')).toEqual({
      host: 'queue.lab',
      port: 6380,
      db: 2,
      username: 'lab',
      password: 's@cret',
      tls: true,
      display: 'rediss://lab:***@queue.lab:6380/2',
    });
    expect(parseQueueUrl('redis://:pw@h').port).toBe(6379);
    expect(parseQueueUrl('redis://[::1]:7000').host).toBe('::1');
  });

  it('refuses what is not a Redis URL, naming where it came from and hiding the password', () => {
    expect(() => parseQueueUrl('localhost:6379')).toThrow(/--queue: expected redis:\/\/ or rediss:\/\//);
    expect(() => parseQueueUrl('http://h:1', 'CCH_QUEUE')).toThrow(/^CCH_QUEUE: expected redis/);
    expect(() => parseQueueUrl('redis://h:1/x')).toThrow(/database must be a number/);
    expect(() => parseQueueUrl('not a url')).toThrow(/not a URL/);
    try {
      parseQueueUrl('redis://u:topsecret@h:1/x');
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain('topsecret');
      expect((error as { code: string }).code).toBe('EUSAGE');
    }
  });

  it('hides the password of every Redis URL in a command line', () => {
    expect(redactQueueUrl("cch run x.yaml --queue 'redis://:pw@h:1' && cch worker --queue=rediss://u:p%40ss@h2/3")).toBe("cch run x.yaml --queue 'redis://:***@h:1' && cch worker --queue=rediss://u:***@h2/3");
    expect(redactQueueUrl('redis://h:1')).toBe('redis://h:1');
  });
});
