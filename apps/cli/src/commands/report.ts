/**
 * `cch report` — re-render every experiment page and the index from the stored results.json.
 * A results.json that cannot be read, parsed or used does not stop the others: every page that
 * can be written is, and the index without it; then the command fails (exit 2) naming each such
 * file and why, so a truncated file never passes as "0 experiment pages".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { InvalidInputError } from '@cch-lab/core';
import type { ResultsFile } from '@cch-lab/pipeline';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { resolveReportsDir } from '../paths.js';

export interface ReportResult {
  index: string;
  pages: string[];
  warnings: string[];
}

/** A results.json the report could not use, and why. */
export interface UnusableResults {
  file: string;
  reason: string;
}

export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .description('rebuild reports/<config name>/index.html and reports/index.html from the stored results (no recomputation)')
    .option('--reports <dir>', 'the reports directory (env CCH_REPORTS_DIR; default ./reports)')
    .option('--json', 'print one JSON object on stdout')
    .action(async (options: { reports?: string; json?: boolean }) => {
      const result = await runReport(options, io);
      if (options.json) printJson(io, result);
      else io.stdout(`${result.pages.length} experiment pages; index: ${result.index}\n`);
    });
}

/**
 * Rebuilds every page and the index, printing warnings on the way.
 * @throws DataNotFoundError when the reports directory is missing; InvalidInputError naming every
 *   results.json that could not be used, after the other pages and the index are written.
 */
export async function runReport(options: { reports?: string }, io: Io): Promise<ReportResult> {
  const { checkResultsFile, writeExperimentReport, writeReportIndex } = await import('@cch-lab/report');
  const { DataNotFoundError, InvalidInputError } = await import('@cch-lab/core');
  const root = resolveReportsDir(options.reports, io.env, io.cwd);
  if (!existsSync(root)) {
    throw new DataNotFoundError(`no reports directory at ${root}`, [root], { hint: 'run `cch reproduce` or `cch run CONFIG` first' });
  }
  const pages: string[] = [];
  const warnings: string[] = [];
  const unusable: UnusableResults[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const file = path.join(root, entry.name, 'results.json');
    if (!existsSync(file)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      unusable.push({ file, reason: code !== undefined ? `cannot be read (${code})` : `not valid JSON (${(error as Error).message})` });
      continue;
    }
    let usable = true;
    try {
      checkResultsFile(parsed, file);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      usable = false;
    }
    // An unusable file still gets a page that says so (the warning names the file and the reason).
    const page = await writeExperimentReport(path.dirname(file), parsed as ResultsFile);
    if (usable) {
      pages.push(page.htmlPath);
      warnings.push(...page.warnings);
    } else {
      const reason = page.warnings[0]?.replace(`${file}: `, '').replace(/; rerun the experiment to rewrite it$/, '');
      unusable.push({ file, reason: reason ?? 'not a usable results file' });
    }
  }
  const index = await writeReportIndex(root);
  // The index skips the same files; they are named once, in the error below.
  warnings.push(...index.warnings.filter((w) => !unusable.some((u) => w.includes(u.file))));
  for (const w of warnings) io.reporter.warn(w);
  if (unusable.length > 0) throw await unusableResultsError(unusable, pages.length, index.htmlPath);
  return { index: index.htmlPath, pages, warnings };
}

async function unusableResultsError(unusable: readonly UnusableResults[], written: number, index: string): Promise<InvalidInputError> {
  const { InvalidInputError } = await import('@cch-lab/core');
  const done = `wrote the other ${written} experiment page${written === 1 ? '' : 's'} and the index (${index}) without ${unusable.length === 1 ? 'it' : 'them'}`;
  const rerun = unusable.map((u) => `cch run configs/${path.basename(path.dirname(u.file))}.yaml`).join(', ');
  const hint = `rerun the experiment to rewrite its results (${rerun}), or remove the file`;
  if (unusable.length === 1) {
    const [u] = unusable;
    return new InvalidInputError(`${u.reason}; ${done}`, { hint, details: { file: u.file, files: [u.file] } });
  }
  const list = unusable.map((u) => `  ${u.file}: ${u.reason}`).join('\n');
  return new InvalidInputError(`${unusable.length} results.json files are unusable:\n${list}\n${done}`, {
    hint,
    details: { files: unusable.map((u) => u.file) },
  });
}
