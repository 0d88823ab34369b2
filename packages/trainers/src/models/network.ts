/**
 * The lean model every trainer uses: an ordered list of named layers over tfjs variables. No
 * tf.LayersModel — a custom loop over plain variables avoids Keras's per-batch bookkeeping (the
 * benchmark measures the difference) — yet any layer's output can be read by name, which is how
 * representations are extracted.
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidInputError } from '@cch-lab/core';
import type { ModelKind } from './model-spec.js';
import { INFERENCE, type ForwardContext, type Layer } from './layers/layer.js';

export class Network {
  /** The model family that built it. */
  readonly kind: ModelKind;
  readonly layers: readonly Layer[];
  /** Columns of one input row (flattened). */
  readonly inputWidth: number;
  /** Output units: classes (logits) or 1 (a regression prediction). */
  readonly outputUnits: number;
  /** The layer read by default as the representation H: the penultimate, or the output when there is no hidden layer. */
  readonly representationLayer: string;
  private disposed = false;

  constructor(kind: ModelKind, layers: Layer[], inputWidth: number, outputUnits: number, representationLayer: string) {
    this.kind = kind;
    this.layers = layers;
    this.inputWidth = inputWidth;
    this.outputUnits = outputUnits;
    this.representationLayer = representationLayer;
  }

  /** Layer names in forward order. */
  layerNames(): string[] {
    return this.layers.map((l) => l.name);
  }

  /** Variables the optimizer updates. */
  trainableVariables(): tf.Variable[] {
    return this.layers.flatMap((l) => [...l.trainable]);
  }

  /** Every variable (trainable, then running statistics), in a fixed order. */
  variables(): tf.Variable[] {
    return [...this.trainableVariables(), ...this.layers.flatMap((l) => [...l.state])];
  }

  /** Number of trainable scalars. */
  parameterCount(): number {
    return this.trainableVariables().reduce((s, v) => s + v.size, 0);
  }

  /**
   * Forward pass of a batch (batch × inputWidth) up to and including layer `until` (default: the
   * output layer). Call inside tf.tidy. @throws InvalidInputError for an unknown layer name.
   */
  apply(x: tf.Tensor, context: ForwardContext = INFERENCE, until?: string): tf.Tensor {
    const stop = until === undefined ? this.layers.length - 1 : this.layerIndex(until);
    let h = x;
    for (let i = 0; i <= stop; i++) h = this.layers[i].apply(h, context);
    return h;
  }

  /** Index of a layer by name. @throws InvalidInputError listing the valid names. */
  layerIndex(name: string): number {
    const i = this.layers.findIndex((l) => l.name === name);
    if (i < 0) {
      throw new InvalidInputError(`no layer named '${name}' in this ${this.kind} model (layers: ${this.layerNames().join(', ')})`, {
        details: { field: 'layer', received: name, valid: this.layerNames() },
        hint: 'name one of the listed layers, or omit the layer to read the penultimate one',
      });
    }
    return i;
  }

  /** Output shape (per sample) of a layer. */
  layerOutputShape(name: string): readonly number[] {
    return this.layers[this.layerIndex(name)].outputShape;
  }

  /** Copies of every variable's values (for tests and determinism checks). */
  readWeights(): Float32Array[] {
    return this.variables().map((v) => v.dataSync() as Float32Array);
  }

  /** Kept clones of every variable (a best-weights checkpoint); dispose with tf.dispose. */
  snapshot(): tf.Tensor[] {
    return this.variables().map((v) => tf.keep(v.clone()));
  }

  /** Assigns a snapshot back to the variables (the snapshot stays owned by the caller). */
  restore(snapshot: readonly tf.Tensor[]): void {
    const vars = this.variables();
    vars.forEach((v, i) => v.assign(snapshot[i]));
  }

  /** Frees every variable; the network cannot be used afterwards. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const v of this.variables()) v.dispose();
  }
}
