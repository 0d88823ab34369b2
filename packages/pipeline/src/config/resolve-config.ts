/**
 * Config resolution, in order: parse YAML → apply `--set` → pick the experiment → merge the active
 * profile's overlay → re-apply `--set` (it wins over the profile) → validate with the experiment's
 * strict schema → cross-field rules. Every problem is collected and thrown as one ConfigError
 * naming the file, the key and the line.
 */
import { ConfigError, type ConfigIssue } from '@cch-lab/core';
import { z } from 'zod';
import type { BaseConfig, ExperimentDefinition } from '../types.js';
import { PROFILES } from '../types.js';
import { deepMerge, isPlainObject, parseOverrides, setAtPath, type Override } from './overrides.js';
import type { YamlSource } from './yaml-source.js';
import { zodIssuesToConfigIssues } from './zod-issues.js';

// Experiments have different config and cell types; the registry holds them behind this alias.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExperiment = ExperimentDefinition<any, any>;
export type ExperimentRegistry = Readonly<Record<string, AnyExperiment>>;

export interface ResolvedConfig<C extends BaseConfig = BaseConfig> {
  definition: AnyExperiment;
  config: C;
  file: string;
}

export function resolveConfig(source: YamlSource, sets: readonly string[], experiments: ExperimentRegistry): ResolvedConfig {
  if (!isPlainObject(source.value)) {
    throw new ConfigError(source.file, [{ path: '', message: 'a config must be a YAML mapping (key: value lines)' }]);
  }
  const overrides = parseOverrides(sets);
  const withSets = applyOverrides(source.value, overrides);

  const name = withSets.experiment;
  const names = Object.keys(experiments).sort();
  if (typeof name !== 'string' || experiments[name] === undefined) {
    throw new ConfigError(source.file, [
      {
        path: 'experiment',
        message:
          name === undefined
            ? `missing; expected one of: ${names.join(', ')}`
            : `unknown experiment '${String(name)}'; expected one of: ${names.join(', ')}`,
        line: source.locate(['experiment'])?.line,
      },
    ]);
  }
  const definition = experiments[name];

  const profileParse = z.enum(PROFILES).safeParse(withSets.profile ?? 'quick');
  if (!profileParse.success) {
    throw new ConfigError(source.file, [
      {
        path: 'profile',
        message: `unknown profile '${String(withSets.profile)}'; expected one of: ${PROFILES.join(', ')}`,
        line: source.locate(['profile'])?.line,
      },
    ]);
  }
  const profile = profileParse.data;
  const profiles = withSets.profiles;
  const overlay = isPlainObject(profiles) ? profiles[profile] : undefined;
  const merged = applyOverrides(deepMerge(withSets, overlay ?? {}), overrides);
  merged.profile = profile;

  const locate = (path: readonly (string | number)[]) => {
    const ownPath = path.join('.');
    if (overrides.some((o) => o.path.join('.') === ownPath)) return undefined;
    return source.locate(path) ?? source.locate(['profiles', profile, ...path]);
  };
  const parsed = definition.schema.safeParse(merged);
  if (!parsed.success) {
    const issues = zodIssuesToConfigIssues(parsed.error.issues, definition.schema, locate);
    throw new ConfigError(source.file, markOverrides(issues, overrides), {
      hint: `see configs/${definition.name}.yaml for a valid example`,
    });
  }
  const config = parsed.data as BaseConfig & { profiles?: unknown };
  delete config.profiles;
  const ruleIssues: ConfigIssue[] = (definition.rules?.(config) ?? []).map((i) => ({
    ...i,
    line: i.line ?? locate(i.path.split('.'))?.line,
  }));
  if (ruleIssues.length > 0) throw new ConfigError(source.file, markOverrides(ruleIssues, overrides));
  return { definition, config, file: source.file };
}

function applyOverrides(value: unknown, overrides: readonly Override[]): Record<string, unknown> {
  let out = isPlainObject(value) ? { ...value } : {};
  for (const o of overrides) out = setAtPath(out, o.path, o.value);
  return out;
}

function markOverrides(issues: ConfigIssue[], overrides: readonly Override[]): ConfigIssue[] {
  return issues.map((i) => {
    const o = overrides.find((x) => x.path.join('.') === i.path);
    return o ? { ...i, message: `${i.message} (from --set ${o.text})` } : i;
  });
}
