/**
 * A small CNN for 28×28 / 32×32 images stored as flattened HWC rows: image (reshape) →
 * per block j: conv_j → [conv_batchnorm_j] → conv_act_j → [pool_j] → flatten → hidden dense
 * blocks → output. The benchmark's conv8(3×3)-pool-conv16(3×3)-pool-dense10 is the default.
 */
import { InvalidInputError, type Rng } from '@cch-lab/core';
import { activation } from './layers/activation.js';
import { batchNorm } from './layers/batch-norm.js';
import { conv2d } from './layers/conv2d.js';
import { dense } from './layers/dense.js';
import type { Layer } from './layers/layer.js';
import { maxPool } from './layers/max-pool.js';
import { reshape } from './layers/reshape.js';
import { hiddenBlock } from './hidden-block.js';
import type { ResolvedModelSpec } from './model-spec.js';
import { Network } from './network.js';
import type { NetworkShape } from './network-shape.js';

type ResolvedCnn = Extract<ResolvedModelSpec, { kind: 'cnn' }>;

/**
 * Its representation is the last hidden dense activation, or `flatten` (the conv features) when
 * there is no dense layer. @throws InvalidInputError when the image shape does not fit the input
 * width or the blocks shrink the image to nothing.
 */
export function cnn(spec: ResolvedCnn, shape: NetworkShape, rng: Rng): Network {
  const image = spec.imageShape ?? shape.featureShape;
  if (image === undefined || image.length !== 3) {
    throw new InvalidInputError('a CNN needs the image shape [height, width, channels] of its modality: set `featureShapes` on the data set or `imageShape` in the model spec', {
      details: { field: 'model.imageShape', received: image === undefined ? 'none' : JSON.stringify(image) },
      hint: 'e.g. imageShape: [28, 28, 3]',
    });
  }
  const pixels = image[0] * image[1] * image[2];
  if (pixels !== shape.inputWidth) {
    throw new InvalidInputError(`image shape [${image.join(', ')}] holds ${pixels} values but the input rows have ${shape.inputWidth}`, {
      details: { field: 'model.imageShape', received: JSON.stringify(image) },
      hint: 'the image shape must multiply out to the modality width',
    });
  }
  const layers: Layer[] = [reshape('image', image)];
  let current: readonly number[] = image;
  spec.filters.forEach((filters, i) => {
    const j = i + 1;
    const conv = conv2d(`conv_${j}`, current, filters, spec.kernelSize, spec.padding, rng.derive(`conv_${j}`));
    layers.push(conv);
    current = conv.outputShape;
    if (spec.batchNorm) layers.push(batchNorm(`conv_batchnorm_${j}`, current));
    layers.push(activation(`conv_act_${j}`, spec.activation, current));
    if (spec.poolSize > 1) {
      const pool = maxPool(`pool_${j}`, current, spec.poolSize);
      layers.push(pool);
      current = pool.outputShape;
    }
    if (current.some((d) => d < 1)) {
      throw new InvalidInputError(`conv block ${j} shrinks the [${image.join(', ')}] image to nothing`, {
        details: { field: 'model.filters', received: JSON.stringify(spec.filters) },
        hint: "use fewer blocks, padding 'same', or a smaller poolSize",
      });
    }
  });
  let width = current[0] * current[1] * current[2];
  layers.push(reshape('flatten', [width]));
  spec.dense.forEach((units, i) => {
    layers.push(...hiddenBlock(i + 1, width, units, spec, rng));
    width = units;
  });
  layers.push(dense('output', width, shape.outputUnits, rng.derive('output')));
  const representation = spec.dense.length > 0 ? `hidden_${spec.dense.length}` : 'flatten';
  return new Network('cnn', layers, shape.inputWidth, shape.outputUnits, representation);
}
