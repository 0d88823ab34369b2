/**
 * What the teacher saw: a strip of example pairs — each digit blurred at every σ beside its
 * MNIST-M partner — made once (by the first repeat's cell) as a PNG and shown inline in the report.
 */
import type { PairedDataset } from '@cch-lab/data';
import { examplesPng } from '@cch-lab/data-mnist-m';
import type { CellRecord, FigureSpec } from '../../types.js';
import { sourceSentence } from '../../toolkit/sources.js';
import { blurredName } from './mnist-m-config.js';
import { MNIST_M } from './mnist-m-data.js';

const DIGITS_SHOWN = 4;

export interface ExamplesImage {
  png: string;
  width: number;
  height: number;
  sigmas: number[];
}

export async function examplesImage(dataset: PairedDataset, sigmas: readonly number[]): Promise<ExamplesImage> {
  const rows: number[] = [];
  for (let c = 0; c < 10 && rows.length < DIGITS_SHOWN; c++) {
    const i = dataset.labels.findIndex((y) => y === c);
    if (i >= 0) rows.push(i);
  }
  const pairs = rows.flatMap((i) => sigmas.map((s) => ({ a: Float32Array.from(dataset.modalities[blurredName(s)].row(i)), b: Float32Array.from(dataset.modalities[MNIST_M].row(i)) })));
  const png = await examplesPng(pairs, { perRow: sigmas.length });
  // The PNG header: width and height, big-endian, at bytes 16 and 20.
  return { png: png.toString('base64'), width: png.readUInt32BE(16), height: png.readUInt32BE(20), sigmas: [...sigmas] };
}

export function examplesFigure(records: readonly CellRecord[]): FigureSpec[] {
  const found = records.map((r) => r.output.meta?.examples as ExamplesImage | undefined).find((e) => e !== undefined);
  const sources = records[0]?.output.sources ?? [];
  if (found === undefined) return [];
  return [
    {
      id: 'example-pairs',
      title: 'What the teacher saw: MNIST blurred at each σ beside its MNIST-M partner',
      caption: `Columns: σ = ${found.sigmas.join(', ')} (each a grey teacher input beside the colour student input of the same digit); rows: one digit of each of the first classes. ${sourceSentence(sources)}`,
      sources,
      spec: {},
      image: { src: `data:image/png;base64,${found.png}`, alt: 'example digit pairs at each blur level', width: found.width, height: found.height },
    },
  ];
}
