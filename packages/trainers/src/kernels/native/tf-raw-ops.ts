/**
 * TensorFlow ops by name on the native backend (tfjs-node), for the few places where tfjs's own
 * kernels cost several TensorFlow ops and TensorFlow has one: the ReLU gradient (tfjs builds its
 * Step from seven ops) and the optimizers' fused in-place updates on resource variables.
 *
 * tfjs-node's backend object is reached through `tf.backend()` and checked by shape, not imported:
 * the package is optional and its internals are not a public surface. Its `executeSingleOutput` /
 * `executeMultipleOutputs` run one TFE op eagerly and wrap the outputs as engine-tracked tensors
 * (so tf.tidy and tf.memory() see them); resource handles come back as 'string' tensors.
 */
import * as tf from '@tensorflow/tfjs';

/** The TensorFlow C-API constants this module uses (tfjs-node's binding exports them). */
interface TfBinding {
  TF_ATTR_STRING: number;
  TF_ATTR_INT: number;
  TF_ATTR_BOOL: number;
  TF_ATTR_TYPE: number;
  TF_ATTR_SHAPE: number;
  TF_FLOAT: number;
}

export interface TfOpAttr {
  name: string;
  type: number;
  value: unknown;
}

interface TfNodeBackend {
  binding: TfBinding;
  executeSingleOutput(name: string, attrs: TfOpAttr[], inputs: tf.Tensor[]): tf.Tensor;
  executeMultipleOutputs(name: string, attrs: TfOpAttr[], inputs: tf.Tensor[], outputs: number): tf.Tensor[];
}

/** The active backend when it is tfjs-node's, else undefined. */
export function nativeBackend(): TfNodeBackend | undefined {
  if (tf.getBackend() !== 'tensorflow') return undefined;
  const backend = tf.backend() as unknown as Partial<TfNodeBackend>;
  const binding = backend.binding;
  if (typeof backend.executeSingleOutput !== 'function' || typeof backend.executeMultipleOutputs !== 'function' || binding?.TF_ATTR_TYPE === undefined) {
    return undefined;
  }
  return backend as TfNodeBackend;
}

/** Builders of op attributes against one binding's constants. */
export function opAttrs(binding: TfBinding) {
  return {
    float: (name: string): TfOpAttr => ({ name, type: binding.TF_ATTR_TYPE, value: binding.TF_FLOAT }),
    bool: (name: string, value: boolean): TfOpAttr => ({ name, type: binding.TF_ATTR_BOOL, value }),
    string: (name: string, value: string): TfOpAttr => ({ name, type: binding.TF_ATTR_STRING, value }),
    shape: (name: string, value: readonly number[]): TfOpAttr => ({ name, type: binding.TF_ATTR_SHAPE, value: [...value] }),
  };
}
