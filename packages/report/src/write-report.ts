/**
 * Writing reports to disk: `<dir>/index.html` for one experiment, and `<reportsRoot>/index.html`
 * linking every experiment that has a results.json. Both written atomically.
 */
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataNotFoundError } from '@cch-lab/core';
import { writeTextAtomic } from '@cch-lab/data';
import { checkResultsFile } from './check-results-file.js';
import type { ResultsFile } from './contract.js';
import { renderExperimentPage } from './html/experiment-page.js';
import { renderIndexPage, type IndexEntry } from './html/index-page.js';

/** The file name of every page: an experiment's in its directory, the index in the reports root. */
export const REPORT_PAGE = 'index.html';
/** The file each experiment directory holds and the index is built from. */
export const RESULTS_FILE = 'results.json';

/**
 * Renders `results` and writes `dir/index.html` atomically. `warnings` lists figures or tables
 * that could not be rendered (they show as error boxes on the page) and Vega warnings.
 * @throws InvalidInputError when `results` is not a usable results file; CchError 'EWRITE' when the file cannot be written.
 */
export async function writeExperimentReport(dir: string, results: ResultsFile): Promise<{ htmlPath: string; warnings: string[] }> {
  const { html, warnings } = await renderExperimentPage(results);
  const htmlPath = path.join(dir, REPORT_PAGE);
  await writeTextAtomic(htmlPath, html);
  return { htmlPath, warnings };
}

/**
 * Scans `reportsRoot/<name>/results.json` and writes `reportsRoot/index.html` linking each
 * experiment page (sorted by experiment name). Directories without a results.json (such as
 * `.cache`) are skipped silently; a results.json that cannot be read or parsed is skipped with a
 * warning naming the file and the reason.
 * @throws DataNotFoundError when `reportsRoot` cannot be listed.
 */
export async function writeReportIndex(
  reportsRoot: string,
): Promise<{ htmlPath: string; entries: IndexEntry[]; warnings: string[] }> {
  const warnings: string[] = [];
  const entries: IndexEntry[] = [];
  let dirents: Dirent[];
  try {
    dirents = await fs.readdir(reportsRoot, { withFileTypes: true });
  } catch (error) {
    throw new DataNotFoundError(`cannot list the reports directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`, [reportsRoot], {
      hint: 'run an experiment first (`cch run CONFIG` or `cch reproduce`), or pass the directory that holds the results',
      cause: error,
    });
  }
  for (const d of dirents) {
    if (!d.isDirectory() || d.name.startsWith('.')) continue;
    const file = path.join(reportsRoot, d.name, RESULTS_FILE);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      warnings.push(`skipped ${file}: cannot read it (${(error as Error).message})`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      warnings.push(`skipped ${file}: not valid JSON (${(error as Error).message}); rerun the experiment to rewrite it`);
      continue;
    }
    try {
      entries.push(indexEntry(checkResultsFile(parsed, file), `${encodeURIComponent(d.name)}/${REPORT_PAGE}`));
    } catch (error) {
      warnings.push(`skipped ${file}: ${(error as Error).message}`);
    }
  }
  entries.sort((a, b) => a.experiment.localeCompare(b.experiment) || a.href.localeCompare(b.href));
  const htmlPath = path.join(reportsRoot, REPORT_PAGE);
  await writeTextAtomic(htmlPath, renderIndexPage(entries));
  return { htmlPath, entries, warnings };
}

function indexEntry(results: ResultsFile, href: string): IndexEntry {
  return {
    experiment: results.experiment,
    title: results.title,
    href,
    profile: results.profile,
    sources: results.sources,
    finishedAt: results.finishedAt,
    summaryLine: firstSentence(results.description),
  };
}

/** The description's first sentence, as the one line under an index entry. */
function firstSentence(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const match = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (match ? match[1] : text.trim()).replace(/\s+/g, ' ');
}
