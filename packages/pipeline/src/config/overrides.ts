/**
 * `--set a.b=c` overrides. The value is read as YAML, so `--set kd.lambda=[0.2,0.5]`,
 * `--set repeats=3` and `--set data.noise=true` give a list, a number and a boolean.
 */
import { UsageError } from '@cch-lab/core';
import { parse as parseYaml } from 'yaml';

export interface Override {
  path: string[];
  value: unknown;
  /** The text as given, for messages. */
  text: string;
}

/** Parses `key.path=value` strings. @throws UsageError naming the malformed one. */
export function parseOverrides(sets: readonly string[]): Override[] {
  return sets.map((text) => {
    const eq = text.indexOf('=');
    if (eq <= 0) {
      throw new UsageError(`--set expects key.path=value, received '${text}'`, {
        hint: 'for example: --set profile=smoke --set kd.lambda=[0.2,0.5]',
        details: { field: '--set', received: text },
      });
    }
    const path = text.slice(0, eq).trim().split('.');
    if (path.some((p) => p === '')) {
      throw new UsageError(`--set has an empty key segment in '${text}'`, { details: { field: '--set', received: text } });
    }
    let value: unknown;
    try {
      value = parseYaml(text.slice(eq + 1));
    } catch {
      value = text.slice(eq + 1);
    }
    return { path, value: value ?? null, text };
  });
}

/** Returns a copy of `target` with `value` set at `path` (creating objects on the way). */
export function setAtPath(target: unknown, path: readonly string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]];
    const copy = isPlainObject(next) ? { ...next } : {};
    node[path[i]] = copy;
    node = copy;
  }
  node[path[path.length - 1]] = value;
  return root;
}

/** Deep merge for config overlays: objects merge key by key, anything else (arrays too) replaces. */
export function deepMerge(base: unknown, overlay: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay === undefined ? base : overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) out[key] = deepMerge(base[key], value);
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
