import { ConfigError } from '@cch-lab/core';
import { MFH_PAPER_LEVELS } from '@cch-lab/data-synthetic';
import { PROFILES } from '../../types.js';
import { resolveInline, resolveRepoConfig } from '../testing-fixtures/experiment-fixtures.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';

/** The MFH paper's training and KD settings, in the toolkit sections' keys. */
const PAPER_TRAINING = {
  model: { kind: 'linear', bias: true },
  train: { epochs: 1000, batchSize: 'full', optimizer: { name: 'sgd', learningRate: 0.1 }, earlyStopping: null },
  kd: { lambda: [0.5], temperature: [1], form: 'theorem' },
  estimators: { families: ['ksg'] },
};

describe('pipeline/experiments/mfh-gauss/mfh-gauss-config', () => {
  it('resolves configs/mfh-gauss.yaml for every profile', () => {
    for (const profile of PROFILES) {
      const { config, definition } = resolveRepoConfig('mfh-gauss', [`profile=${profile}`]);
      expect(definition.name).toBe('mfh-gauss');
      expect(definition.cells(config).length).toBeGreaterThan(0);
    }
  });

  it("runs the MFH paper's settings in the paper profile", () => {
    const config = resolveRepoConfig('mfh-gauss', ['profile=paper']).config as MfhGaussConfig;
    expect(config.sweeps).toEqual({ gamma: [...MFH_PAPER_LEVELS.gamma], alpha: [...MFH_PAPER_LEVELS.alpha] });
    expect(config).toMatchObject({ repeats: 10, data: { nTrain: 200, nTest: 1000 }, ...PAPER_TRAINING });
  });

  it("defaults every section key to the paper's value, also beside a key the YAML sets", () => {
    const config = resolveInline('experiment: mfh-gauss\ntrain: { epochs: 60 }\nkd: { lambda: [1] }\n').config as MfhGaussConfig;
    expect(config).toMatchObject({ ...PAPER_TRAINING, train: { ...PAPER_TRAINING.train, epochs: 60 }, kd: { ...PAPER_TRAINING.kd, lambda: [1] } });
  });

  it('keys each cell by sweep, level and seed, its stream by sweep and seed only', () => {
    const { config, definition } = resolveInline('experiment: mfh-gauss\nrepeats: 2\nsweeps: { gamma: [0, 4], alpha: [40] }\n');
    expect(definition.cells(config).map((c) => [c.id, c.stream])).toEqual([
      ['sweep=gamma/shared=0/seed=0', 'sweep=gamma/seed=0'],
      ['sweep=gamma/shared=0/seed=1', 'sweep=gamma/seed=1'],
      ['sweep=gamma/shared=4/seed=0', 'sweep=gamma/seed=0'],
      ['sweep=gamma/shared=4/seed=1', 'sweep=gamma/seed=1'],
      ['sweep=alpha/extra=40/seed=0', 'sweep=alpha/seed=0'],
      ['sweep=alpha/extra=40/seed=1', 'sweep=alpha/seed=1'],
    ]);
  });

  it('rejects levels outside the benchmark, empty sweeps and unknown keys', () => {
    expect(() => resolveInline('experiment: mfh-gauss\nsweeps: { gamma: [12] }\n')).toThrow(ConfigError);
    expect(() => resolveInline('experiment: mfh-gauss\nsweeps: { gamma: [], alpha: [] }\n')).toThrow(/both sweeps are empty/);
    expect(() => resolveInline('experiment: mfh-gauss\ntrain: { optimizer: { lr: 0.1 } }\n')).toThrow(ConfigError);
  });
});
