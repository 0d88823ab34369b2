/**
 * One step of a lean network: a name (for representation extraction), its variables, and a pure
 * forward function. Layers hold no optimizer state and never print.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Activation } from '../model-spec.js';

export const LAYER_TYPES = ['dense', 'conv2d', 'activation', 'dropout', 'batch-norm', 'max-pool', 'reshape'] as const;
export type LayerType = (typeof LAYER_TYPES)[number];

/** What a forward pass needs besides its input. */
export interface ForwardContext {
  /** Training mode: dropout active, batch norm on batch statistics (and updating its running ones). */
  training: boolean;
  /** A fresh seed for each random op (dropout masks); called only in training mode. */
  nextSeed: () => number;
}

/** Inference mode: no randomness, running statistics. */
export const INFERENCE: ForwardContext = Object.freeze({ training: false, nextSeed: () => 0 });

/**
 * What a layer computes, for a backend that builds a whole training step as one graph (the native
 * one). A layer without it keeps its network on the op-by-op path.
 */
export type LayerOp =
  | { readonly kind: 'dense'; readonly bias: boolean }
  | { readonly kind: 'conv2d'; readonly padding: 'same' | 'valid' }
  | { readonly kind: 'activation'; readonly activation: Activation }
  | { readonly kind: 'max-pool'; readonly size: number }
  | { readonly kind: 'reshape'; readonly shape: readonly number[] }
  | { readonly kind: 'dropout'; readonly rate: number }
  /** Trainable [γ, β], state [running mean, running variance]; PyTorch's momentum update, unbiased variance. */
  | { readonly kind: 'batch-norm'; readonly momentum: number; readonly epsilon: number };

export interface Layer {
  readonly name: string;
  readonly type: LayerType;
  /** Variables the optimizer updates, in a fixed order. */
  readonly trainable: readonly tf.Variable[];
  /** Variables updated by the forward pass itself (batch-norm running statistics). */
  readonly state: readonly tf.Variable[];
  /** Shape of one sample's output (without the batch axis). */
  readonly outputShape: readonly number[];
  /** The same computation described for graph building; absent when a graph cannot express it. */
  readonly op?: LayerOp;
  apply(x: tf.Tensor, context: ForwardContext): tf.Tensor;
}
