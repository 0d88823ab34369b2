/** PNG fixtures written with sharp: background photos, and a tiny MNIST-M PNG folder. */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** A width × height RGB gradient image, different for each `variant` (bytes, HWC). */
export function gradientRgb(width: number, height: number, variant: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      rgb[o] = (x * 4 + variant * 60) % 256;
      rgb[o + 1] = (y * 3 + variant * 90) % 256;
      rgb[o + 2] = ((x + y) * 2 + variant * 30) % 256;
    }
  }
  return rgb;
}

/** Writes `count` gradient PNGs `bg-<k>.png` (width × height, default 64 × 48) into `dir`; returns the paths. */
export async function writeBackgroundPngs(dir: string, count: number, width = 64, height = 48): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let k = 0; k < count; k++) {
    const file = path.join(dir, `bg-${k}.png`);
    await sharp(Buffer.from(gradientRgb(width, height, k)), { raw: { width, height, channels: 3 } }).png().toFile(file);
    files.push(file);
  }
  return files;
}

export interface MnistMPngFolder {
  /** The folder holding mnist_m_<split>/ and the labels file. */
  dir: string;
  labelsFile: string;
  /** Per PNG in labels-file order: the bytes written (32 × 32 × 3) and the label. */
  images: Uint8Array[];
  labels: number[];
}

/** Writes `count` 32 × 32 PNGs and mnist_m_<split>_labels.txt (`<name> <digit>` lines) into `dir`. */
export async function writeMnistMPngFolder(dir: string, split: 'train' | 'test', count: number): Promise<MnistMPngFolder> {
  const folder = path.join(dir, `mnist_m_${split}`);
  fs.mkdirSync(folder, { recursive: true });
  const images: Uint8Array[] = [];
  const labels: number[] = [];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${String(i).padStart(8, '0')}.png`;
    const rgb = gradientRgb(32, 32, i);
    await sharp(Buffer.from(rgb), { raw: { width: 32, height: 32, channels: 3 } }).png().toFile(path.join(folder, name));
    images.push(rgb);
    labels.push((3 * i) % 10);
    lines.push(`${name} ${(3 * i) % 10}`);
  }
  const labelsFile = path.join(dir, `mnist_m_${split}_labels.txt`);
  fs.writeFileSync(labelsFile, `${lines.join('\n')}\n`);
  return { dir, labelsFile, images, labels };
}
