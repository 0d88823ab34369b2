/**
 * Config resolution, in order: parse YAML → apply `--set` → pick the experiment → merge the active
 * profile's overlay → re-apply `--set` (it wins over the profile) → validate with the experiment's
 * strict schema → cross-field rules. Every other profile is then checked the same way, as the file
 * writes it (without `--set`), so a typo in `paper` fails a `smoke` run before any cell runs. Every
 * problem is collected and thrown as one ConfigError naming the file, the key, the line and, for
 * a profile that is not the active one, the profile.
 */
import { ConfigError, type ConfigIssue } from '@cch-lab/core';
import { z } from 'zod';
import type { BaseConfig, ExperimentDefinition, Profile } from '../types.js';
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

type Locate = (path: readonly (string | number)[]) => { line: number; column: number } | undefined;

export function resolveConfig(source: YamlSource, sets: readonly string[], experiments: ExperimentRegistry): ResolvedConfig {
  if (!isPlainObject(source.value)) {
    throw new ConfigError(source.file, [{ path: '', message: 'a config must be a YAML mapping (key: value lines)' }]);
  }
  const overrides = parseOverrides(sets);
  const withSets = applyOverrides(source.value, overrides);

  const name = withSets.experiment;
  const names = Object.keys(experiments).sort();
  if (typeof name !== 'string' || experiments[name] === undefined) {
    const fromSet = findOverride(overrides, 'experiment');
    throw new ConfigError(source.file, [
      {
        path: 'experiment',
        message:
          (name === undefined
            ? `missing; expected one of: ${names.join(', ')}`
            : `unknown experiment '${String(name)}'; expected one of: ${names.join(', ')}`) + (fromSet ? ` (from --set ${fromSet.text})` : ''),
        line: fromSet ? undefined : source.locate(['experiment'])?.line,
      },
    ]);
  }
  const definition = experiments[name];

  const profileParse = z.enum(PROFILES).safeParse(withSets.profile ?? 'quick');
  if (!profileParse.success) {
    const fromSet = findOverride(overrides, 'profile');
    throw new ConfigError(source.file, [
      {
        path: 'profile',
        message: `unknown profile '${String(withSets.profile)}'; expected one of: ${PROFILES.join(', ')}${fromSet ? ` (from --set ${fromSet.text})` : ''}`,
        line: fromSet ? undefined : source.locate(['profile'])?.line,
      },
    ]);
  }
  const profile = profileParse.data;

  // The active profile: the file, its overlay, and --set over both.
  const merged = applyOverrides(deepMerge(withSets, overlayOf(withSets, profile) ?? {}), overrides);
  merged.profile = profile;
  const locate: Locate = (path) => (findOverride(overrides, path.join('.')) ? undefined : locateIn(source, profile, path));
  const active = checkProfile(definition, merged, locate);
  const issues = markOverrides(active.issues, overrides);
  let schemaFailed = active.schemaFailed;

  // Every other profile, as the file writes it: a problem the active profile does not share is named with its profile.
  const seen = new Set(active.issues.map(issueKey));
  for (const other of PROFILES) {
    if (other === profile) continue;
    const base = deepMerge(source.value, overlayOf(source.value, other) ?? {}) as Record<string, unknown>;
    const checked = checkProfile(definition, { ...base, profile: other }, (path) => locateIn(source, other, path));
    schemaFailed ||= checked.schemaFailed;
    for (const issue of checked.issues) {
      if (seen.has(issueKey(issue))) continue;
      seen.add(issueKey(issue));
      issues.push({ ...issue, message: `(profile ${other}) ${issue.message}` });
    }
  }

  if (issues.length > 0) {
    throw new ConfigError(source.file, issues, schemaFailed ? { hint: `see configs/${definition.name}.yaml for a valid example` } : {});
  }
  return { definition, config: active.config as BaseConfig, file: source.file };
}

/**
 * Checks an already resolved config (one a queue job carries) against its experiment's schema and
 * rules, as resolveConfig checks a file; returns the config as the schema reads it and the issues.
 */
export function validateResolvedConfig(definition: AnyExperiment, config: unknown): { config?: BaseConfig; issues: ConfigIssue[] } {
  if (!isPlainObject(config)) return { issues: [{ path: '', message: 'not a mapping' }] };
  const { config: parsed, issues } = checkProfile(definition, config, () => undefined);
  return parsed !== undefined && issues.length === 0 ? { config: parsed, issues } : { issues };
}

/**
 * Validates one profile's merged config with the experiment's schema, then (when it passes) its
 * cross-field rules; returns the resolved config and the issues, each with its line when known.
 */
function checkProfile(
  definition: AnyExperiment,
  merged: Record<string, unknown>,
  locate: Locate,
): { config?: BaseConfig; issues: ConfigIssue[]; schemaFailed: boolean } {
  const parsed = definition.schema.safeParse(merged);
  if (!parsed.success) {
    return { issues: zodIssuesToConfigIssues(parsed.error.issues, definition.schema, locate), schemaFailed: true };
  }
  const config = parsed.data as BaseConfig & { profiles?: unknown };
  delete config.profiles;
  const issues: ConfigIssue[] = (definition.rules?.(config) ?? []).map((i) => {
    if (i.line !== undefined) return i;
    const at = locate(i.path.split('.'));
    return { ...i, line: at?.line, column: i.column ?? at?.column };
  });
  return { config, issues, schemaFailed: false };
}

/** `profiles.<profile>` of a config value, when it is a mapping. */
function overlayOf(value: unknown, profile: Profile): Record<string, unknown> | undefined {
  const profiles = isPlainObject(value) ? value.profiles : undefined;
  const overlay = isPlainObject(profiles) ? profiles[profile] : undefined;
  return isPlainObject(overlay) ? overlay : undefined;
}

/** Where a key of a profile's merged config is written: in the profile's overlay when it sets it, else in the base. */
function locateIn(source: YamlSource, profile: Profile, path: readonly (string | number)[]) {
  if (path.length === 0) return undefined; // the root has no line of its own (not the profile's)
  return source.locate(['profiles', profile, ...path]) ?? source.locate(path);
}

/** The `--set` that wrote `path`, or a key inside it, or a mapping holding it (`repeats.x=1` for 'repeats'). */
function findOverride(overrides: readonly Override[], path: string): Override | undefined {
  if (path === '') return undefined;
  return overrides.find((o) => {
    const own = o.path.join('.');
    return own === path || own.startsWith(`${path}.`) || path.startsWith(`${own}.`);
  });
}

function issueKey(issue: ConfigIssue): string {
  return `${issue.path}\u0000${issue.line ?? ''}\u0000${issue.message}`;
}

function applyOverrides(value: unknown, overrides: readonly Override[]): Record<string, unknown> {
  let out = isPlainObject(value) ? { ...value } : {};
  for (const o of overrides) out = setAtPath(out, o.path, o.value);
  return out;
}

function markOverrides(issues: ConfigIssue[], overrides: readonly Override[]): ConfigIssue[] {
  return issues.map((i) => {
    const o = findOverride(overrides, i.path);
    return o ? { ...i, message: `${i.message} (from --set ${o.text})` } : i;
  });
}
