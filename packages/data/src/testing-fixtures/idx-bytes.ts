/** IDX fixtures: a big-endian header (0, 0, type, ndims, dims…) followed by the bytes. */
export function idxBytes(shape: number[], data: Uint8Array, type = 0x08): Buffer {
  const head = Buffer.alloc(4 + 4 * shape.length);
  head[2] = type;
  head[3] = shape.length;
  shape.forEach((d, k) => head.writeUInt32BE(d, 4 + 4 * k));
  return Buffer.concat([head, Buffer.from(data)]);
}

/** `count` tiny images (rows × cols, pixel = (i + r + c) mod 256) and labels i mod 10. */
export function mnistLike(count: number, rows: number, cols: number): { images: Buffer; labels: Buffer } {
  const pixels = new Uint8Array(count * rows * cols);
  for (let i = 0; i < count; i++) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) pixels[(i * rows + r) * cols + c] = (i + r + c) % 256;
  }
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { images: idxBytes([count, rows, cols], pixels), labels: idxBytes([count], labels) };
}
