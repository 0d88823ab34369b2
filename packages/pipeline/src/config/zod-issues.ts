/**
 * Turns zod issues into ConfigIssues a person can act on: a dot-path, the line in the YAML file,
 * and for an unknown key the nearest valid one ("did you mean 'lambda'?").
 */
import type { ConfigIssue } from '@cch-lab/core';
import type { z } from 'zod';

type Locate = (path: readonly (string | number)[]) => { line: number; column: number } | undefined;

export function zodIssuesToConfigIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, locate: Locate): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const suggestion = nearest(key, known);
        const at = locate([...path, key]);
        out.push({
          path: [...path, key].join('.'),
          message: `unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}${
            known.length > 0 ? `; allowed here: ${known.join(', ')}` : ''
          }`,
          line: at?.line,
          column: at?.column,
        });
      }
      continue;
    }
    const at = locate(path) ?? locate(path.slice(0, -1));
    out.push({ path: path.join('.'), message: issue.message, line: at?.line, column: at?.column });
  }
  return out;
}

/** The keys a strict object schema accepts at `path` (unwrapping defaults and optionals). */
export function knownKeysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let node: unknown = schema;
  for (const key of [...path, null]) {
    node = unwrap(node);
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    if (key === null) return shape ? Object.keys(shape) : [];
    if (shape && typeof key === 'string') {
      node = shape[key];
      continue;
    }
    const def = (node as { _zod?: { def?: { element?: unknown; valueType?: unknown } } })._zod?.def;
    if (def?.element !== undefined) node = def.element;
    else if (def?.valueType !== undefined) node = def.valueType;
    else return [];
  }
  return [];
}

function unwrap(node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 10; i++) {
    const def = (current as { _zod?: { def?: { innerType?: unknown; type?: string; in?: unknown } } } | undefined)?._zod?.def;
    if (def?.innerType !== undefined) current = def.innerType;
    else if (def?.type === 'pipe' && def.in !== undefined) current = def.in;
    else break;
  }
  return current;
}

/** The candidate within edit distance 2 (or a third of the word) of `word`, if any. */
function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
