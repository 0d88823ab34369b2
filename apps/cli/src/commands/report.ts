/** `cch report` — re-render every experiment page and the index from the stored results.json. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import type { ResultsFile } from '@cch-lab/pipeline';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { resolveReportsDir } from '../paths.js';

export interface ReportResult {
  index: string;
  pages: string[];
  warnings: string[];
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

export async function runReport(options: { reports?: string }, io: Io): Promise<ReportResult> {
  const { writeExperimentReport, writeReportIndex } = await import('@cch-lab/report');
  const root = resolveReportsDir(options.reports, io.env, io.cwd);
  if (!existsSync(root)) {
    throw new DataNotFoundError(`no reports directory at ${root}`, [root], { hint: 'run `cch reproduce` or `cch run CONFIG` first' });
  }
  const pages: string[] = [];
  const warnings: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const file = path.join(root, entry.name, 'results.json');
    if (!existsSync(file)) continue;
    let results: ResultsFile;
    try {
      results = JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
    } catch (error) {
      warnings.push(new InvalidInputError(`unreadable results: ${(error as Error).message}`, { details: { file } }).message);
      continue;
    }
    const page = await writeExperimentReport(path.dirname(file), results);
    pages.push(page.htmlPath);
    warnings.push(...page.warnings);
  }
  const index = await writeReportIndex(root);
  warnings.push(...index.warnings);
  for (const w of warnings) io.reporter.warn(w);
  return { index: index.htmlPath, pages, warnings };
}
