/** The human view of a TcgaVerifyReport (the CLI prints it; `--json` prints the report itself). */
import { DROP_REASONS } from '../types.js';
import type { DropReason, TcgaSource } from '../types.js';
import type { TcgaVerifyReport } from './verify-tcga.js';

const REASON_TEXT: Readonly<Record<DropReason, string>> = Object.freeze({
  notPrimaryTumour: 'not primary tumour',
  duplicateAliquot: 'duplicate aliquot',
  missingLabel: 'missing label',
  notInEveryOmics: 'not in every file',
});

/** Several lines: status, per omics samples and features, labels, intersection and classes, drops, problems. */
export function formatTcgaVerify(report: TcgaVerifyReport): string {
  const lines: string[] = [];
  lines.push(`TCGA ${report.cohort} (${report.layout}) in ${report.path}: ${report.ok ? 'ok' : 'NOT loadable'}`);
  for (const [omics, o] of Object.entries(report.omics)) {
    const rule = o.samples !== o.samplesRead ? ` (${o.samplesRead} read)` : '';
    const missing = o.missingCells > 0 ? `, ${o.missingCells} missing cells` : '';
    lines.push(`  ${omics.padEnd(6)} ${o.samples} samples${rule} × ${o.features} features${missing}`);
  }
  if (report.labels !== undefined) {
    const column = report.labels.labelColumn !== undefined ? ` column '${report.labels.labelColumn}'` : '';
    lines.push(`  labels ${report.labels.samples} samples${column}, ${report.labels.missing} without a label`);
  }
  lines.push(`  shared ${report.intersection} samples${report.fixedSplit ? ' (MOGONET train/test split kept)' : ''}`);
  const classes = Object.entries(report.classCounts);
  if (classes.length > 0) lines.push(`  classes ${classes.map(([c, n]) => `${c} ${n}`).join(', ')}`);
  for (const [source, d] of Object.entries(report.drops) as [TcgaSource, NonNullable<TcgaVerifyReport['drops'][TcgaSource]>][]) {
    const parts = DROP_REASONS.filter((r) => d.counts[r] > 0).map((r) => `${d.counts[r]} ${REASON_TEXT[r]} (e.g. ${d.examples[r].join(', ')})`);
    if (parts.length > 0) lines.push(`  dropped from ${source}: ${parts.join('; ')}`);
  }
  if (report.files.length > 0) lines.push(`  files: ${report.files.join(', ')}`);
  for (const p of report.problems) lines.push(`  problem: ${p}`);
  return lines.join('\n');
}
