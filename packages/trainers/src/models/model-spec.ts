/**
 * Model specifications: what a config writes (`ModelSpec`) and the resolved form with every
 * default filled in (`ResolvedModelSpec`). Teacher and student share one spec unless a config
 * says otherwise (the paper keeps them identical); input and output widths come from the data.
 */
import { InvalidInputError, UnknownMethodError, checkInteger, checkNumber } from '@cch-lab/core';

export const MODEL_KINDS = ['linear', 'mlp', 'cnn'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'leaky-relu', 'linear'] as const;
/** Hidden-layer nonlinearity; leaky-relu has slope 0.01 below zero (PyTorch's default). */
export type Activation = (typeof ACTIVATIONS)[number];

/** A linear model: one dense layer from the input to the outputs (logits or predictions). */
export interface LinearSpec {
  kind: 'linear';
  /** Learn an intercept. Default true (false gives the no-intercept model of the paper's Theorem 1). */
  bias?: boolean;
}

/** A multilayer perceptron. */
export interface MlpSpec {
  kind: 'mlp';
  /** Hidden widths, input side first. Default [128]. */
  hidden?: number[];
  /** Hidden nonlinearity. Default 'relu'. */
  activation?: Activation;
  /** Dropout rate after each hidden activation, in [0, 1). Default 0. */
  dropout?: number;
  /** Batch normalisation between each hidden dense layer and its activation. Default false. */
  batchNorm?: boolean;
}

/** A small CNN for images (HWC, flattened row-major in the data): conv → act → max-pool blocks, then dense. */
export interface CnnSpec {
  kind: 'cnn';
  /** [height, width, channels] of one input row. Default: the modality's `featureShapes` entry. */
  imageShape?: [number, number, number];
  /** Filters of each conv block. Default [8, 16]. */
  filters?: number[];
  /** Square kernel size of every conv. Default 3. */
  kernelSize?: number;
  /** Square max-pool size and stride after each conv block (1 = no pooling). Default 2. */
  poolSize?: number;
  /** Conv padding. Default 'same'. */
  padding?: 'same' | 'valid';
  /** Hidden dense widths after the flatten. Default [] (conv features straight to the outputs). */
  dense?: number[];
  /** Nonlinearity of conv blocks and dense layers. Default 'relu'. */
  activation?: Activation;
  /** Dropout rate after each hidden dense activation. Default 0. */
  dropout?: number;
  /** Batch normalisation after each conv and hidden dense layer. Default false. */
  batchNorm?: boolean;
}

export type ModelSpec = LinearSpec | MlpSpec | CnnSpec;

export type ResolvedModelSpec =
  | Required<LinearSpec>
  | Required<MlpSpec>
  | (Required<Omit<CnnSpec, 'imageShape'>> & { imageShape?: [number, number, number] });

const MLP_DEFAULTS = Object.freeze({ hidden: [128], activation: 'relu' as Activation, dropout: 0, batchNorm: false });
const CNN_DEFAULTS = Object.freeze({
  filters: [8, 16],
  kernelSize: 3,
  poolSize: 2,
  padding: 'same' as const,
  dense: [] as number[],
  activation: 'relu' as Activation,
  dropout: 0,
  batchNorm: false,
});

/**
 * Fills in defaults and checks a model spec.
 * @throws UnknownMethodError for an unknown kind or activation; InvalidInputError for bad widths or rates.
 */
export function resolveModelSpec(spec: unknown, field = 'model'): ResolvedModelSpec {
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidInputError(`a model spec must be an object with a \`kind\` (one of ${MODEL_KINDS.join(', ')})`, {
      details: { field, received: String(spec) },
      hint: "e.g. { kind: 'mlp', hidden: [128] }",
    });
  }
  const s = spec as Record<string, unknown>;
  const kind = s.kind;
  if (typeof kind !== 'string' || !(MODEL_KINDS as readonly string[]).includes(kind)) {
    throw new UnknownMethodError('model kind', String(kind), MODEL_KINDS, { details: { field: `${field}.kind` } });
  }
  switch (kind as ModelKind) {
    case 'linear': {
      const bias = s.bias ?? true;
      checkBoolean(bias, `${field}.bias`);
      return { kind: 'linear', bias: bias as boolean };
    }
    case 'mlp': {
      const m = { ...MLP_DEFAULTS, ...definedOnly(s) } as Required<MlpSpec>;
      checkWidths(m.hidden, `${field}.hidden`);
      checkActivation(m.activation, `${field}.activation`);
      checkNumber(m.dropout, `${field}.dropout`, { min: 0, max: 0.99 });
      checkBoolean(m.batchNorm, `${field}.batchNorm`);
      return { kind: 'mlp', hidden: [...m.hidden], activation: m.activation, dropout: m.dropout, batchNorm: m.batchNorm };
    }
    case 'cnn': {
      const c = { ...CNN_DEFAULTS, ...definedOnly(s) } as Required<CnnSpec>;
      checkWidths(c.filters, `${field}.filters`);
      if (c.filters.length === 0) {
        throw new InvalidInputError('a CNN needs at least one conv block', { details: { field: `${field}.filters`, received: '[]' } });
      }
      checkInteger(c.kernelSize, `${field}.kernelSize`, { min: 1, max: 15 });
      checkInteger(c.poolSize, `${field}.poolSize`, { min: 1, max: 8 });
      if (c.padding !== 'same' && c.padding !== 'valid') {
        throw new UnknownMethodError('padding', String(c.padding), ['same', 'valid'], { details: { field: `${field}.padding` } });
      }
      checkWidths(c.dense, `${field}.dense`);
      checkActivation(c.activation, `${field}.activation`);
      checkNumber(c.dropout, `${field}.dropout`, { min: 0, max: 0.99 });
      checkBoolean(c.batchNorm, `${field}.batchNorm`);
      if (c.imageShape !== undefined) checkWidths(c.imageShape, `${field}.imageShape`, 3);
      const out: ResolvedModelSpec = {
        kind: 'cnn',
        filters: [...c.filters],
        kernelSize: c.kernelSize,
        poolSize: c.poolSize,
        padding: c.padding,
        dense: [...c.dense],
        activation: c.activation,
        dropout: c.dropout,
        batchNorm: c.batchNorm,
      };
      if (c.imageShape !== undefined) out.imageShape = [...c.imageShape] as [number, number, number];
      return out;
    }
  }
}

function definedOnly(s: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
}

function checkWidths(values: unknown, field: string, length?: number): void {
  if (!Array.isArray(values) || (length !== undefined && values.length !== length)) {
    throw new InvalidInputError(`must be an array of ${length ?? 'any number of'} positive integers`, {
      details: { field, received: JSON.stringify(values) },
    });
  }
  values.forEach((v, i) => checkInteger(v, `${field}[${i}]`, { min: 1, max: 1_000_000 }));
}

function checkActivation(value: unknown, field: string): void {
  if (typeof value !== 'string' || !(ACTIVATIONS as readonly string[]).includes(value)) {
    throw new UnknownMethodError('activation', String(value), ACTIVATIONS, { details: { field } });
  }
}

function checkBoolean(value: unknown, field: string): void {
  if (typeof value !== 'boolean') {
    throw new InvalidInputError('must be true or false', { details: { field, received: String(value) } });
  }
}
