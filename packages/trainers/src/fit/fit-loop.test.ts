import * as tf from '@tensorflow/tfjs';
import { createRng, testing } from '@cch-lab/core';
import { train } from '../train.js';
import { useBackend } from '../testing-fixtures/backends.js';
import { pairedClassification, pairedImages } from '../testing-fixtures/paired-data.js';

const dataset = pairedClassification({ n: 600, classes: 3, dims: { a: 12, b: 5 }, strength: { a: 1, b: 0 }, rng: createRng('fit-loop') });

describe('trainers/fit/fit-loop', () => {
  test('the loss falls and validation accuracy beats chance (trend, not exact values)', async () => {
    await useBackend('wasm');
    const m = await train({ kind: 'mlp', hidden: [32] }, dataset, { modality: 'a', train: { epochs: 8, batchSize: 32 }, rng: createRng(1) });
    const epochs = m.history.epochs;
    expect(epochs[epochs.length - 1].loss).toBeLessThan(0.7 * epochs[0].loss);
    expect(epochs[epochs.length - 1].valAccuracy).toBeGreaterThan(0.6);
    expect(m.history.steps).toBe(8 * Math.ceil(360 / 32));
    m.dispose();
  });

  test.each(['cpu', 'wasm'] as const)('tf.memory().numTensors is the same after every epoch and after training (%s)', async (backend) => {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    const m = await train({ kind: 'mlp', hidden: [16], dropout: 0.2, batchNorm: true }, dataset, {
      modality: 'a',
      train: { epochs: 4, batchSize: 50, earlyStopping: { patience: 10 }, optimizer: { name: 'adamw' } },
      rng: createRng(2),
      onEpochEnd: () => counts.push(tf.memory().numTensors),
    });
    m.dispose();
    expect(counts).toHaveLength(4);
    expect(new Set(counts).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a CNN on wasm (the replacement kernels free their intermediates) keeps tensors and backend buffers constant per epoch', async () => {
    await useBackend('wasm');
    const images = pairedImages(96, [8, 8, 2], createRng('cnn-leak'));
    const counts: number[][] = [];
    const m = await train({ kind: 'cnn', filters: [4, 8], dense: [8], batchNorm: true, dropout: 0.2 }, images, {
      modality: 'image',
      train: { epochs: 3, batchSize: 20, optimizer: { name: 'sgd', momentum: 0.9 } },
      rng: createRng(6),
      // numTensors counts the engine's tensors; numDataIds the wasm backend's buffers, which a
      // kernel that forgot to free an intermediate would grow without changing numTensors.
      onEpochEnd: () => counts.push([tf.memory().numTensors, tf.engine().backend.numDataIds()]),
    });
    m.dispose();
    expect(counts).toHaveLength(3);
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
  });

  test.each(['cpu', 'wasm'] as const)('the same seed on the same backend gives identical weights (%s)', async (backend) => {
    await useBackend(backend);
    const spec = { kind: 'mlp' as const, hidden: [16], dropout: 0.3 };
    const run = async (seed: number) => {
      const m = await train(spec, dataset, { modality: 'a', train: { epochs: 2, batchSize: 40, optimizer: { name: 'sgd', momentum: 0.9 } }, rng: createRng(seed) });
      const weights = m.net.readWeights();
      m.dispose();
      return weights;
    };
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    a.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(b[i])));
    expect(Array.from(a[0])).not.toEqual(Array.from(c[0]));
  });

  test('early stopping stops on a rising validation loss and restores the best weights', async () => {
    await useBackend('wasm');
    // Modality b carries no signal: a wide MLP memorises the training rows and the validation loss rises.
    const m = await train({ kind: 'mlp', hidden: [128] }, dataset, {
      modality: 'b',
      train: { epochs: 60, batchSize: 16, optimizer: { learningRate: 0.01 }, earlyStopping: { patience: 3 } },
      rng: createRng(3),
    });
    const h = m.history;
    expect(h.stoppedEarly).toBe(true);
    expect(h.epochs.length).toBe(h.bestEpoch + 3);
    expect(h.restoredBest).toBe(true);
    const best = Math.min(...h.epochs.map((e) => e.valLoss!));
    expect(h.epochs[h.bestEpoch - 1].valLoss).toBe(best);
    // The restored weights reproduce the best epoch's validation loss.
    const val = dataset.splits.val!;
    const probs = m.predict(m.inputs(dataset, val));
    let loss = 0;
    val.forEach((row, r) => (loss -= Math.log(probs.get(r, dataset.labels[row]))));
    testing.expectClose(loss / val.length, best, { rtol: 1e-4 }, 'validation loss of the restored weights');
    m.dispose();
  });

  test('early stopping with patience 0 stops at the first epoch that does not improve, not while it improves', async () => {
    await useBackend('cpu');
    // Modality a carries the signal: the validation loss falls for the first epochs.
    const m = await train({ kind: 'linear' }, dataset, {
      modality: 'a',
      train: { epochs: 6, batchSize: 32, earlyStopping: { patience: 0 } },
      rng: createRng(5),
    });
    const losses = m.history.epochs.map((e) => e.valLoss!);
    m.dispose();
    expect(losses.length).toBeGreaterThan(1);
    // Every epoch but a stopping one improved on all before it.
    const last = losses.length - 1;
    for (let i = 1; i < last; i++) expect(losses[i]).toBeLessThan(Math.min(...losses.slice(0, i)));
    if (m.history.stoppedEarly) expect(losses[last]).toBeGreaterThanOrEqual(Math.min(...losses.slice(0, last)));
  });

  test('progress: one reporter line per epoch with loss and validation numbers', async () => {
    await useBackend('cpu');
    const lines: string[] = [];
    const reporter = { info: () => undefined, warn: () => undefined, progress: (task: string, done: number, total: number, status?: string) => lines.push(`${task} ${done}/${total} ${status}`) };
    const m = await train({ kind: 'linear' }, dataset, { modality: 'a', train: { epochs: 3 }, rng: createRng(4), reporter, label: 'teacher a' });
    m.dispose();
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^teacher a 3\/3 loss \d\.\d{4} val_loss \d\.\d{4} val_acc 0\.\d{3} lr 0\.00100 \d+\.\d{2}s$/);
  });
});
