/**
 * Writing reports to disk: `<dir>/index.html` for one experiment, and `<reportsRoot>/index.html`
 * — the scorecard of every experiment that has a results.json, built from those files alone (no
 * recomputation). Both written atomically.
 */
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { writeTextAtomic } from '@cch-lab/data';
import { checkResultsFile } from './check-results-file.js';
import type { ResultsFile } from './contract.js';
import { renderExperimentPage } from './html/experiment-page.js';
import type { IndexEntry } from './html/index-entry.js';
import { readAblationClaims } from './html/ablation-claims-block.js';
import { renderIndexPage } from './html/index-page.js';
import { unusableResultsPage } from './html/unusable-results-page.js';
import { readScorecard } from './scorecard/read-scorecard.js';

/** The file name of every page: an experiment's in its directory, the index in the reports root. */
export const REPORT_PAGE = 'index.html';
/** The file each experiment directory holds and the index is built from. */
export const RESULTS_FILE = 'results.json';

/**
 * Renders `results` and writes `dir/index.html` atomically. `warnings` lists figures or tables
 * that could not be rendered (they show as error boxes on the page) and Vega warnings. When
 * `results` is not a usable results file (`cch report` passes whatever JSON it found), the page
 * written says so and the warning names `dir/results.json`: one odd file must not stop the
 * rebuild of every other report.
 * @throws CchError 'EWRITE' when the file cannot be written.
 */
export async function writeExperimentReport(dir: string, results: ResultsFile): Promise<{ htmlPath: string; warnings: string[] }> {
  const htmlPath = path.join(dir, REPORT_PAGE);
  const file = path.join(dir, RESULTS_FILE);
  try {
    checkResultsFile(results); // the warning below names the file once
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const reason = `${file}: not a usable results file (${error.message}); rerun the experiment to rewrite it`;
    await writeTextAtomic(htmlPath, unusableResultsPage(reason));
    return { htmlPath, warnings: [reason] };
  }
  const { html, warnings } = await renderExperimentPage(results);
  await writeTextAtomic(htmlPath, html);
  return { htmlPath, warnings };
}

/**
 * Scans `reportsRoot/<name>/results.json` and writes `reportsRoot/index.html`: the scorecard row
 * of each experiment, linking its page (sorted by experiment, then directory), and the figures
 * across experiments. Directories without a results.json (such as `.cache`) are skipped silently;
 * a results.json that cannot be read or parsed is skipped with a warning naming the file and the
 * reason; a malformed scorecard is dropped with a warning (the experiment is listed as not scored);
 * figures that cannot be rendered are warnings too.
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
      entries.push(indexEntry(checkResultsFile(parsed), d.name, file, warnings)); // the warning names the file
    } catch (error) {
      warnings.push(`skipped ${file}: ${(error as Error).message}`);
    }
  }
  entries.sort((a, b) => a.experiment.localeCompare(b.experiment) || a.dir.localeCompare(b.dir));
  const htmlPath = path.join(reportsRoot, REPORT_PAGE);
  const page = await renderIndexPage(entries);
  warnings.push(...page.warnings);
  await writeTextAtomic(htmlPath, page.html);
  return { htmlPath, entries, warnings };
}

function indexEntry(results: ResultsFile, dir: string, file: string, warnings: string[]): IndexEntry {
  const { scorecard, problem } = readScorecard(results.scorecard);
  if (problem !== undefined) warnings.push(`${file}: ${problem}; the index lists the experiment as not scored`);
  return {
    dir,
    experiment: results.experiment,
    title: results.title,
    href: `${encodeURIComponent(dir)}/${REPORT_PAGE}`,
    profile: results.profile,
    sources: results.sources,
    finishedAt: results.finishedAt,
    ...(typeof results.configFile === 'string' ? { configFile: results.configFile } : {}),
    summaryLine: firstSentence(results.description),
    ...(scorecard !== undefined ? { scorecard } : {}),
    ...(readAblationClaims(results.summary?.ablation_claims).length > 0 ? { ablationClaims: readAblationClaims(results.summary?.ablation_claims) } : {}),
  };
}

/** Words whose trailing period does not end a sentence ("Xue et al. 2023", "e.g. MNIST"). */
const ABBREVIATIONS = /(?:\bal|\be\.g|\bi\.e|\bcf|\bvs|\bFig|\bEq|\bSec|\bTab)\.$/;

/** The description's first sentence, as the one line under an index entry. */
function firstSentence(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const trimmed = text.trim();
  for (const m of trimmed.matchAll(/[.!?](?=\s|$)/g)) {
    const end = (m.index ?? 0) + 1;
    if (!ABBREVIATIONS.test(trimmed.slice(0, end))) return trimmed.slice(0, end).replace(/\s+/g, ' ');
  }
  return trimmed.replace(/\s+/g, ' ');
}
