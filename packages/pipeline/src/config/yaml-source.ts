/**
 * A parsed YAML config that remembers where every key came from, so a schema error can name the
 * file and the line. YAML syntax errors become ConfigErrors with their line.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, DataNotFoundError } from '@cch-lab/core';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

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
  return {
    value: doc.toJS() ?? {},
    file,
    locate: (path) => locateInDocument(doc, lineCounter, path),
  };
}

/** Reads and parses a YAML file. @throws DataNotFoundError when missing, ConfigError when invalid. */
export function readYamlSource(file: string): YamlSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DataNotFoundError(`config file not found: ${file}`, [file], {
        hint: 'configs/ holds one YAML per experiment; `cch run configs/synthetic.yaml`',
      });
    }
    throw error;
  }
  return parseYamlSource(text, file);
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
