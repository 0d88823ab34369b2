/** The human view of a MnistVerifyReport (a CLI prints it; `--json` prints the report itself). */
import path from 'node:path';
import type { IdxInspection } from './inspect-idx.js';
import type { MnistVerifyReport } from './verify-mnist.js';

/** Several lines: status, per split counts, shape, labels and files, then notes and problems. */
export function formatMnistVerify(report: MnistVerifyReport): string {
  const lines: string[] = [];
  const status = report.ok ? (report.loadable ? 'ok' : 'ok (well-formed, but not 28 × 28 digits)') : 'NOT ok';
  lines.push(`MNIST IDX folder ${report.path}: ${status}`);
  for (const [split, s] of Object.entries(report.splits)) {
    const size = s.rows !== undefined ? ` of ${s.rows} × ${s.cols}` : '';
    const labels = s.labels?.shape !== undefined ? `${s.labels.shape[0]} labels` : 'no labels';
    const range = s.labels?.labelRange !== undefined ? ` (${s.labels.labelRange[0]}..${s.labels.labelRange[1]})` : '';
    const images = s.count !== undefined ? `${s.count} images${size}` : 'no images';
    lines.push(`  ${split.padEnd(5)} ${images}, ${labels}${range}${s.paired ? ', paired' : ''}`);
    if (s.labels?.classCounts !== undefined) lines.push(`        classes ${s.labels.classCounts.map((c, k) => `${k}:${c}`).join(' ')}`);
    for (const f of [s.images, s.labels]) if (f !== undefined) lines.push(`        ${describeFile(f)}`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  for (const p of report.problems) {
    const where = p.file !== undefined ? `${p.file}${p.offset !== undefined ? ` @ byte ${p.offset}` : ''}: ` : '';
    lines.push(`  problem: ${where}${p.message}`);
  }
  return lines.join('\n');
}

function describeFile(f: IdxInspection): string {
  const parts = [f.gzip ? 'gzip' : 'plain'];
  if (f.bytes !== undefined) parts.push(`${f.bytes} bytes${f.gzip ? ' decompressed' : ''}`);
  if (f.magic !== undefined) parts.push(`magic ${f.magic}`);
  if (f.shape !== undefined) parts.push(`shape [${f.shape.join(', ')}]`);
  return `${path.basename(f.file)} (${parts.join(', ')})`;
}
