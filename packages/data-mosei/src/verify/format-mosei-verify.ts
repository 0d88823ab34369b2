/** The human view of a MoseiVerifyReport (the CLI prints it; `--json` prints the report itself). */
import { MOSEI_MODALITIES } from '../types.js';
import type { MoseiModality } from '../types.js';
import type { MoseiVerifyReport } from './verify-mosei.js';

/** Several lines: status, per sequence the file and sizes, segments, drops per reason, labels, splits, problems. */
export function formatMoseiVerify(report: MoseiVerifyReport): string {
  const lines: string[] = [];
  lines.push(`CMU-MOSEI (${report.layout}) in ${report.path}: ${report.ok ? 'ok' : 'NOT loadable'}`);
  if (report.sequences !== undefined) {
    for (const [key, s] of Object.entries(report.sequences)) {
      const unit = key === 'labels' ? 'segments' : 'frames';
      lines.push(`  ${key.padEnd(7)} ${s.root}: ${s.videos} videos, ${s.frames} ${unit}, width ${s.dim}  (${s.file})`);
    }
  }
  if (report.arrays !== undefined) {
    const bySplit = report.arrays.rowsBySplit !== undefined ? ` (${Object.entries(report.arrays.rowsBySplit).map(([s, n]) => `${s} ${n}`).join(', ')})` : '';
    lines.push(`  arrays  ${report.arrays.format}: ${report.arrays.rowsRead} rows${bySplit} × ${report.arrays.steps} steps`);
  }
  const s = report.segments;
  lines.push(`  segments ${s.labelled} labelled, ${s.aligned} aligned, ${s.kept} kept (label mode '${report.label}')`);
  const d = report.drops;
  if (d !== undefined) {
    const per = (r: Record<MoseiModality, number>, what: string): string | undefined => {
      const parts = MOSEI_MODALITIES.filter((m) => r[m] > 0).map((m) => `${m} ${r[m]}`);
      return parts.length > 0 ? `${what}: ${parts.join(', ')}` : undefined;
    };
    const missing = per(d.videosMissing, 'videos missing from a modality');
    const ofMissing = report.alignment !== undefined ? per(report.alignment.segmentsOfMissingVideos, 'their segments') : undefined;
    const reasons = [
      missing !== undefined && ofMissing !== undefined ? `${missing} (${ofMissing})` : missing,
      per(d.segmentsNoFrames, report.layout === 'csd' ? 'segments without frames' : 'rows all padding'),
      d.zeroLengthSegments > 0 ? `zero-length segments: ${d.zeroLengthSegments}` : undefined,
      d.sentimentZero > 0 ? `sentiment 0 (binary-nonzero): ${d.sentimentZero}` : undefined,
    ].filter((x): x is string => x !== undefined);
    for (const r of reasons) lines.push(`  dropped ${r}`);
    const nf = per(d.nonFinite, 'non-finite values set to 0');
    if (nf !== undefined) lines.push(`  ${nf}`);
  }
  const balance = Object.entries(report.labelBalance);
  if (balance.length > 0) lines.push(`  labels ${balance.map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(3)}`).join(', ')}`);
  if (report.split !== undefined) {
    const c = report.split.counts;
    const rule = report.split.rule === 'standard-folds' ? `standard folds ${report.split.byFold}, seeded by video ${report.split.bySeed}` : report.split.rule === 'stored' ? 'stored split folders' : `seeded (seed ${report.split.seed})`;
    lines.push(`  split train ${c.train}, val ${c.val}, test ${c.test} (${rule})`);
  }
  for (const p of report.problems) lines.push(`  problem: ${p}`);
  return lines.join('\n');
}
