/**
 * A parsed YAML config that remembers where every key came from, so a schema error can name the
 * file and the line. YAML syntax errors become ConfigErrors with their line; so does a document
 * whose aliases expand without bound (a "billion laughs"), and a path that is not a readable file.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, DataNotFoundError } from '@cch-lab/core';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';

/**
 * How many alias expansions a config may make (the `yaml` library's `maxAliasCount`, default 100).
 * A config needs a handful at most; a document that expands aliases of aliases past this is
 * refused before it is built, so it cannot exhaust memory.
 */
export const MAX_ALIAS_COUNT = 100;

export interface YamlSource {
  /** The plain value of the document. */
  value: unknown;
  /** The file it came from, or a label such as `<inline>`. */
  file: string;
  /** 1-based line and column of the key (or item) at a dot-path, when it is in this document. */
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/** Parses YAML text; `file` labels messages. @throws ConfigError on a syntax error. */
export function parseYamlSource(text: string, file = '<inline>'): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { path: '', message: `YAML syntax: ${e.message.split('\n')[0]}`, line: pos.line, column: pos.col };
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError for an alias expansion past maxAliasCount (and for an alias without its anchor).
    if (!(error instanceof ReferenceError)) throw error;
    const excessive = /excessive alias count/i.test(error.message);
    throw new ConfigError(
      file,
      [
        {
          path: '',
          message: excessive
            ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} alias expansions); refused as a resource-exhaustion ("billion laughs") document`
            : `YAML aliases: ${error.message}`,
          line: firstAliasLine(doc, lineCounter),
        },
      ],
      excessive ? { hint: 'write the values out instead of nesting aliases of aliases' } : {},
    );
  }
  return {
    value: value ?? {},
    file,
    locate: (path) => locateInDocument(doc, lineCounter, path),
  };
}

/**
 * Reads and parses a YAML file.
 * @throws DataNotFoundError when missing; ConfigError when it is a directory, cannot be read, or is invalid.
 */
export function readYamlSource(file: string): YamlSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new DataNotFoundError(`config file not found: ${file}`, [file], {
        hint: 'configs/ holds one YAML per experiment; `cch run configs/synthetic.yaml`',
      });
    }
    if (code === 'EISDIR') {
      throw new ConfigError(file, [{ path: '', message: 'is a directory, not a YAML file' }], {
        hint: 'pass one config file (`cch run configs/synthetic.yaml`); `cch reproduce --configs DIR` runs a directory of them',
        cause: error,
      });
    }
    throw new ConfigError(file, [{ path: '', message: `cannot be read (${code ?? (error as Error).message})` }], {
      hint: code === 'EACCES' || code === 'EPERM' ? 'check the file\'s permissions' : undefined,
      cause: error,
    });
  }
  return parseYamlSource(text, file);
}

/** The line of the first alias (`*name`) in the document, to point at in an alias error. */
function firstAliasLine(doc: Document, lineCounter: LineCounter): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

function locateInDocument(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (pair === undefined) return undefined;
      offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as { range?: [number, number, number] } | undefined;
      if (item === undefined) return undefined;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return undefined;
    }
  }
  if (offset === undefined) return undefined;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
