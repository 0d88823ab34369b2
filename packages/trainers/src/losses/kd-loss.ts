/**
 * Knowledge-distillation losses. Classification (Hinton et al. 2015), with the teacher frozen and
 * its log-probabilities at temperature T computed once:
 *
 *   KD(s, t) = T² · KL(softmax(t/T) ‖ softmax(s/T))      (T² keeps gradients comparable across T)
 *   hinton:   (1 − λ)·CE(y, s) + λ·KD                    (the paper's loss)
 *   theorem:  CE(y, s) + λ·KD                            (the form of the paper's Theorem 1)
 *
 * Regression: KD(s, t) = (s − t)², the squared error to the teacher's prediction, so the theorem
 * form is the paper's objective Σ(y − w'x₂)² + λΣ(w'x₂ − t)² (up to the 1/n of a mean).
 */
import * as tf from '@tensorflow/tfjs';
import { UnknownMethodError, checkNumber } from '@cch-lab/core';

export const KD_FORMS = ['hinton', 'theorem'] as const;
export type KdForm = (typeof KD_FORMS)[number];

export interface KdOptions {
  /** Weight λ of the distillation term; ≥ 0, and ≤ 1 for the hinton form. */
  lambda: number;
  /** Softmax temperature T (classification only). Default 1. */
  temperature?: number;
  /** How the terms combine. Default 'hinton'. */
  form?: KdForm;
}

export type ResolvedKdOptions = Required<KdOptions>;

const KD_DEFAULTS = Object.freeze({ temperature: 1, form: 'hinton' as KdForm });

/** @throws UnknownMethodError for an unknown form; InvalidInputError for λ or T out of range. */
export function resolveKdOptions(options: KdOptions, field = 'kd'): ResolvedKdOptions {
  const form = options.form ?? KD_DEFAULTS.form;
  if (!(KD_FORMS as readonly string[]).includes(form)) {
    throw new UnknownMethodError('KD form', String(form), KD_FORMS, { details: { field: `${field}.form` } });
  }
  const lambda = checkNumber(options.lambda, `${field}.lambda`, { min: 0, max: form === 'hinton' ? 1 : 1e6 });
  const temperature = checkNumber(options.temperature ?? KD_DEFAULTS.temperature, `${field}.temperature`, { min: 1e-3, max: 1e3 });
  return { lambda, temperature, form };
}

/** log softmax(t/T) of the teacher's logits, computed once per training run. */
export function teacherLogProbabilities(teacherLogits: tf.Tensor, temperature: number): tf.Tensor {
  return tf.logSoftmax(tf.div(teacherLogits, temperature));
}

/** T²·KL(p_t ‖ softmax(s/T)) per row, from the cached teacher log-probabilities log p_t. */
export function distillationPerSample(studentLogits: tf.Tensor, teacherLogProbs: tf.Tensor, temperature: number): tf.Tensor {
  const studentLogProbs = tf.logSoftmax(tf.div(studentLogits, temperature));
  const kl = tf.sum(tf.mul(tf.exp(teacherLogProbs), tf.sub(teacherLogProbs, studentLogProbs)), -1);
  return tf.mul(kl, temperature * temperature);
}

/** Combines per-row task and distillation losses in the chosen form. */
export function combineKd(task: tf.Tensor, kd: tf.Tensor, options: ResolvedKdOptions): tf.Tensor {
  const taskWeight = options.form === 'hinton' ? 1 - options.lambda : 1;
  const scaledTask = taskWeight === 1 ? task : tf.mul(task, taskWeight);
  return tf.add(scaledTask, tf.mul(kd, options.lambda));
}
