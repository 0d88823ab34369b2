import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DataNotFoundError } from '@cch-lab/core';
import { MAX_ALIAS_COUNT, parseYamlSource, readYamlSource } from './yaml-source.js';

/** A "billion laughs" document: each level an anchored list of nine aliases of the one before. */
function aliasBomb(levels: number): string {
  const lines = ['experiment: tiny', 'a: &a [x, x, x, x, x, x, x, x, x]'];
  let previous = 'a';
  for (let i = 0; i < levels; i++) {
    const name = `l${i}`;
    lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('pipeline/config/yaml-source', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cch-yaml-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the line of every key', () => {
    const source = parseYamlSource('experiment: tiny\ndata:\n  n: 3\n', 'x.yaml');
    expect(source.value).toEqual({ experiment: 'tiny', data: { n: 3 } });
    expect(source.locate(['data', 'n'])).toEqual({ line: 3, column: 3 });
  });

  it('allows a few aliases', () => {
    expect(parseYamlSource('a: &a [1, 2]\nb: *a\nc: *a\n').value).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
  });

  it('refuses an alias bomb as a ConfigError naming the file, before expanding it', () => {
    const error = thrown(() => parseYamlSource(aliasBomb(8), 'bomb.yaml'));
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.message).toContain('bomb.yaml:3');
    expect(e.issues[0].message).toContain(`more than ${MAX_ALIAS_COUNT} alias expansions`);
  });

  it('refuses an alias without its anchor with its line', () => {
    const e = thrown(() => parseYamlSource('a: 1\nb: *nowhere\n', 'x.yaml')) as ConfigError;
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.issues[0].line).toBe(2);
  });

  it('names a missing file as not found', () => {
    expect(thrown(() => readYamlSource(path.join(dir, 'none.yaml')))).toBeInstanceOf(DataNotFoundError);
  });

  it('names a directory given as a config', () => {
    const sub = path.join(dir, 'configs');
    mkdirSync(sub);
    const e = thrown(() => readYamlSource(sub)) as ConfigError;
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain(`${sub}: (root): is a directory, not a YAML file`);
  });

  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  (root ? it.skip : it)('names a file it cannot read', () => {
    const file = path.join(dir, 'locked.yaml');
    writeFileSync(file, 'experiment: tiny\n');
    chmodSync(file, 0o000);
    const e = thrown(() => readYamlSource(file)) as ConfigError;
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain(`${file}: (root): cannot be read (EACCES)`);
  });
});
