import { Command } from 'commander';
import { createBufferIo } from '../io.js';
import { registerBenchTrain, runBenchTrain } from './bench-train.js';

/** A tiny run: the command's plumbing, not the timings (the real benchmark is `cch bench train`). */
const TINY = ['--backends', 'wasm', '--models', 'mlp', '--samples', '64', '--batch-size', '32'];

async function run(args: string[]) {
  const io = createBufferIo();
  const program = new Command().exitOverride();
  registerBenchTrain(program, io);
  await program.parseAsync(['bench', 'train', ...args], { from: 'user' });
  return io;
}

describe('cli/commands/bench-train', () => {
  it('--json prints one object whose rows are { model, backend, epoch_seconds, … }; progress stays off stdout', async () => {
    const io = await run([...TINY, '--no-baseline', '--json']);
    const json = JSON.parse(io.out());
    expect(json.rows).toHaveLength(1);
    expect(json.rows[0]).toMatchObject({ model: 'mlp', backend: 'wasm', baseline_seconds: null, speedup: null, note: 'baseline not run' });
    expect(json.rows[0].epoch_seconds).toBeGreaterThan(0);
    expect(io.err()).toMatch(/bench train: MLP 784-256-10 on wasm/);
  });

  it('prints a table with the model.fit baseline and the run settings', async () => {
    const io = await run(TINY);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^model\s+backend\s+epoch s\s+model\.fit s\s+speed-up/);
    expect(lines[1]).toMatch(/^mlp\s+wasm\s+[0-9.e-]+\s+[0-9.e-]+\s+[0-9.]+×/);
    expect(lines[2]).toBe('per epoch of 64 random samples, batch 32, Adam 1e-3; steady state (one warm-up epoch untimed)');
  });

  it('bad numbers and names are errors naming the flag or listing the valid values', async () => {
    await expect(runBenchTrain({ samples: 'many' }, createBufferIo())).rejects.toThrow(/--samples/);
    await expect(runBenchTrain({ models: 'resnet', backends: 'wasm' }, createBufferIo())).rejects.toThrow(/mlp, cnn/);
  });
});
