import { ConfigError, UsageError } from '@cch-lab/core';
import { tinyExperiment } from '../testing/tiny-experiment.js';
import { resolveConfig } from './resolve-config.js';
import { parseYamlSource } from './yaml-source.js';

const registry = { tiny: tinyExperiment };

function resolve(text: string, sets: string[] = []) {
  return resolveConfig(parseYamlSource(text, 'tiny.yaml'), sets, registry);
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('pipeline/config/resolve-config', () => {
  const base = ['experiment: tiny', 'seed: 7', 'data:', '  n: 10', 'slopes: [1, 3]', 'profiles:', '  smoke:', '    data: { n: 4 }', ''].join('\n');

  it('fills defaults and keeps what the file says', () => {
    const { config } = resolve(base);
    expect(config).toMatchObject({ experiment: 'tiny', seed: 7, profile: 'quick', repeats: 1, data: { n: 10, noise: 0.1 }, slopes: [1, 3] });
    expect('profiles' in config).toBe(false);
  });

  it('merges the active profile and lets --set win over it', () => {
    expect(resolve(base, ['profile=smoke']).config).toMatchObject({ profile: 'smoke', data: { n: 4, noise: 0.1 } });
    expect(resolve(base, ['profile=smoke', 'data.n=6', 'slopes=[2]']).config).toMatchObject({ data: { n: 6 }, slopes: [2] });
  });

  it('names an unknown key, its line and the nearest valid key', () => {
    const e = configError(() => resolve(base.replace('  n: 10', '  nn: 10')));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: 'data.nn', line: 4 });
    expect(e.issues[0].message).toMatch(/unknown key 'nn' \(did you mean 'n'\?\)/);
    expect(e.message).toContain('tiny.yaml:4: data.nn');
  });

  it('names a mistyped value with its line', () => {
    const e = configError(() => resolve(base.replace('seed: 7', 'seed: seven')));
    expect(e.issues[0]).toMatchObject({ path: 'seed', line: 2 });
  });

  it('finds keys that come from a profile overlay', () => {
    const e = configError(() => resolve(base.replace('    data: { n: 4 }', '    data: { m: 4 }'), ['profile=smoke']));
    expect(e.issues[0]).toMatchObject({ path: 'data.m', line: 8 });
  });

  it('reports YAML syntax errors with a line', () => {
    const e = configError(() => resolve('experiment: tiny\ndata: [1, 2\nseed: 3\n'));
    expect(e.issues[0].message).toMatch(/YAML syntax/);
    expect(e.issues[0].line).toBeGreaterThan(0);
  });

  it('rejects unknown experiments and profiles, listing the valid ones', () => {
    expect(configError(() => resolve('experiment: tinny\n')).message).toMatch(/unknown experiment 'tinny'; expected one of: tiny/);
    expect(configError(() => resolve(base, ['profile=huge'])).message).toMatch(/smoke, quick, paper/);
  });

  it('runs the cross-field rules and marks values that came from --set', () => {
    const e = configError(() => resolve(base, ['data.noise=9']));
    expect(e.issues[0].message).toMatch(/noise above 5.*\(from --set data.noise=9\)/);
  });

  it('checks every profile, not only the active one, naming the profile and the line', () => {
    const text = base.replace('    data: { n: 4 }', '    data: { n: 4 }\n  paper:\n    data: { nn: 50 }');
    const e = configError(() => resolve(text, ['profile=smoke']));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: 'data.nn', line: 10 });
    expect(e.issues[0].message).toMatch(/^\(profile paper\) unknown key 'nn' \(did you mean 'n'\?\)/);
    expect(e.message).toContain("tiny.yaml:10: data.nn: (profile paper) unknown key 'nn'");
    // The same file under the default profile (quick) fails the same way.
    expect(configError(() => resolve(text)).issues[0]).toMatchObject({ path: 'data.nn', line: 10 });
  });

  it('reports a problem of the base once, not once per profile', () => {
    const e = configError(() => resolve(base.replace('  n: 10', '  nn: 10')));
    expect(e.issues.map((i) => i.message)).toEqual([expect.not.stringContaining('(profile')]);
  });

  it("points at the profile's line for a value the profile sets", () => {
    const e = configError(() => resolve(base.replace('    data: { n: 4 }', '    data: { n: two }')));
    expect(e.issues).toEqual([expect.objectContaining({ path: 'data.n', line: 8, message: expect.stringMatching(/^\(profile smoke\) /) })]);
  });

  it("runs the rules on every profile and says which one broke them", () => {
    const text = base.replace('    data: { n: 4 }', '    data: { n: 4, noise: 9 }');
    const e = configError(() => resolve(text));
    expect(e.issues).toEqual([expect.objectContaining({ path: 'data.noise', line: 8, message: '(profile smoke) noise above 5 makes the fit meaningless' })]);
  });

  it('checks the other profiles as the file writes them, without --set', () => {
    // data.noise=9 breaks the rule only for the run's own profile: one issue, from --set, no line.
    const e = configError(() => resolve(base, ['data.noise=9']));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].line).toBeUndefined();
  });

  it('says when a bad value came from --set instead of pointing at a line of the file', () => {
    const withQuick = base.replace('profiles:', 'profiles:\n  quick: {}');
    const e = configError(() => resolve(withQuick.replace('seed: 7', 'seed: 7\nrepeats: 2'), ['repeats.x=1']));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: 'repeats', line: undefined });
    expect(e.issues[0].message).toMatch(/\(from --set repeats\.x=1\)$/);
    expect(e.message).toContain('tiny.yaml: repeats:');
    const profile = configError(() => resolve(base, ['profile=huge']));
    expect(profile.issues[0]).toMatchObject({ path: 'profile', line: undefined });
    expect(profile.message).toContain('(from --set profile=huge)');
  });

  it('rejects a malformed --set', () => {
    expect(() => resolve(base, ['seed'])).toThrow(UsageError);
  });
});
