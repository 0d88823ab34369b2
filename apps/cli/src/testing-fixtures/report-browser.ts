// The report in a real browser (issue 12, item 3): every page of a reports folder — the index and
// each experiment's — opened from disk in headless Chromium and checked for what a reader would
// notice: console errors, requests that failed or left the page's own
// files (everything must be file:// or data:), figures without marks, tables without rows, and a
// page wider than a 1280 px window. A full-page screenshot of the index is written to
// <repo>/test-artifacts/report-index.png (git-ignored) for a human to look at.
//
// Chromium is Debian's (`apt-get install -y --no-install-recommends chromium`, which .ci/run does),
// driven by playwright-core; never `npx playwright install`, which downloads a browser of its own.
// Without it the test skips with that hint, except under CI (CI set, as .ci/run does), where a
// missing browser fails.
// reproduce.test.ts runs it on the smoke reproduction it makes anyway (one reproduce in CI, not two).
//
// Environment: CCH_CHROMIUM, the browser binary (default /usr/bin/chromium).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** Where the index's screenshot goes (git-ignored: `test-artifacts/` in .gitignore). */
const screenshotPath = path.join(repoRoot, 'test-artifacts', 'report-index.png');

export const chromiumPath = process.env.CCH_CHROMIUM ?? '/usr/bin/chromium';
export const onCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
export const haveChromium = existsSync(chromiumPath);
export const installHint = 'install it with `apt-get install -y --no-install-recommends chromium` (Debian; .ci/run does this), or point CCH_CHROMIUM at a Chromium binary';

const VIEWPORT = { width: 1280, height: 900 };
/** Chromium's flags for a quiet, offline, throwaway profile (see shared/STACK.md). */
const CHROMIUM_ARGS = ['--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// ---------------------------------------------------------------------------------------------
// What one page reports about itself. This function runs inside the browser (page.evaluate sends
// its source), so it uses nothing from this module; the DOM is typed by the few members it touches,
// because the repository's tsconfig has no DOM lib.

interface Box {
  left: number;
  right: number;
  width: number;
  height: number;
}
interface DomElement {
  tagName: string;
  id: string;
  parentElement: DomElement | null;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
}
interface DomImage extends DomElement {
  complete: boolean;
  naturalWidth: number;
  currentSrc: string;
}
interface DomDocument {
  documentElement: DomElement & { scrollWidth: number; clientWidth: number };
  body: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface DomWindow {
  document: DomDocument;
  innerWidth: number;
  scrollX: number;
}

interface FigureFacts {
  label: string;
  svgs: { marks: number; groups: string[]; width: number; height: number }[];
  images: { src: string; loaded: boolean }[];
}
interface TableFacts {
  label: string;
  rows: number;
}
interface OverflowFacts {
  label: string;
  width: number;
  right: number;
  count: number;
}
interface PageFacts {
  title: string;
  scrollWidth: number;
  clientWidth: number;
  innerWidth: number;
  figures: FigureFacts[];
  tables: TableFacts[];
  links: string[];
  /** The outermost elements whose right edge passes the window's width, furthest first. */
  overflowing: OverflowFacts[];
}

function collectPageFacts(): PageFacts {
  const win = globalThis as unknown as DomWindow;
  const doc = win.document;
  const all = (root: { querySelectorAll(selector: string): ArrayLike<DomElement> }, selector: string): DomElement[] =>
    Array.from(root.querySelectorAll(selector));
  const own = (el: DomElement): string => {
    const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter((c) => c !== '');
    return `${el.tagName.toLowerCase()}${el.id === '' ? '' : `#${el.id}`}${cls.map((c) => `.${c}`).join('')}`;
  };
  // An element without an id is placed by its nearest two ancestors that have an id or a class.
  const label = (el: DomElement): string => {
    if (el.id !== '') return own(el);
    const where: string[] = [];
    for (let up = el.parentElement; up !== null && where.length < 2; up = up.parentElement) {
      if (up.id !== '' || (up.getAttribute('class') ?? '').trim() !== '') where.push(own(up));
      if (up.id !== '') break;
    }
    return where.length === 0 ? own(el) : `${own(el)} in ${where.join(' in ')}`;
  };

  // Marks: the shapes Vega draws inside its mark groups (g.role-mark); a symbol is a path, a bar a
  // path or rect. Text marks do not count: a chart whose only marks are labels has drawn no data.
  const shapes = 'path, rect, circle, ellipse, line, polyline, polygon, image';
  const figures = all(doc, 'figure').map((figure): FigureFacts => ({
    label: label(figure),
    svgs: all(figure, 'svg')
      .filter((svg) => !svg.parentElement?.closest('svg'))
      .map((svg) => {
        const groups = all(svg, 'g.role-mark');
        const drawn = (el: DomElement): boolean => {
          if (el.tagName.toLowerCase() === 'path') return (el.getAttribute('d') ?? '').trim() !== '';
          const box = el.getBoundingClientRect();
          return box.width > 0 || box.height > 0;
        };
        const box = svg.getBoundingClientRect();
        return {
          marks: groups.reduce((n, g) => n + all(g, shapes).filter(drawn).length, 0),
          groups: groups.map((g) => `${(g.getAttribute('class') ?? '').split(/\s+/).find((c) => c.startsWith('mark-')) ?? 'mark-?'} ×${all(g, shapes).filter(drawn).length}`),
          width: Math.round(box.width),
          height: Math.round(box.height),
        };
      }),
    images: all(figure, 'img').map((el) => {
      const img = el as DomImage;
      const src = img.currentSrc || (img.getAttribute('src') ?? '');
      return { src: src.length > 60 ? `${src.slice(0, 60)}…` : src, loaded: img.complete && img.naturalWidth > 0 };
    }),
  }));

  const tables = all(doc, 'table').map((table): TableFacts => {
    const caption = all(table, 'caption')[0];
    const captionText = caption ? ` “${((caption as unknown as { textContent: string | null }).textContent ?? '').trim().slice(0, 50)}”` : '';
    return { label: `${label(table)}${captionText}`, rows: all(table, 'tbody tr').length };
  });

  const links = all(doc, 'a[href]').map((a) => (a as unknown as { href: string }).href);

  const limit = win.innerWidth;
  const right = (el: DomElement): number => el.getBoundingClientRect().right + win.scrollX;
  const overflowing = all(doc, 'body *')
    .filter((el) => right(el) > limit + 0.5)
    .filter((el) => {
      const parent = el.parentElement;
      return parent === null || parent === doc.body || parent === doc.documentElement || right(parent) <= limit + 0.5;
    })
    .map((el) => ({ label: label(el), width: Math.round(el.getBoundingClientRect().width), right: Math.round(right(el)), count: 1 }))
    .sort((a, b) => b.right - a.right)
    // Siblings alike (the dd's of one list) are one entry with a count.
    .reduce<OverflowFacts[]>((list, o) => {
      const same = list.find((p) => p.label === o.label && p.width === o.width && p.right === o.right);
      if (same) same.count += 1;
      else list.push(o);
      return list;
    }, []);

  return {
    title: ((doc as unknown as { title: string }).title ?? '').trim(),
    scrollWidth: doc.documentElement.scrollWidth,
    clientWidth: doc.documentElement.clientWidth,
    innerWidth: win.innerWidth,
    figures,
    tables,
    links,
    overflowing,
  };
}

// ---------------------------------------------------------------------------------------------
// Node side: open a page, listen, judge.

interface PageCheck {
  facts: PageFacts;
  problems: string[];
  page: Page;
}

const isLocal = (url: string): boolean => url.startsWith('file:') || url.startsWith('data:');
const short = (url: string): string => (url.length > 100 ? `${url.slice(0, 100)}…` : url);

/** Opens `file` and returns what is wrong with it, each problem a sentence naming the page. */
async function checkPage(context: BrowserContext, reports: string, file: string, options: { experimentPage: boolean }): Promise<PageCheck> {
  const name = path.relative(reports, file).split(path.sep).join('/');
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${name}: ${text}`);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const external: string[] = [];
  const failed: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()}${message.location().url ? ` (${short(message.location().url)}:${message.location().lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) external.push(`${request.method()} ${short(request.url())} (${request.resourceType()})`);
  });
  page.on('requestfailed', (request) => {
    // External requests are aborted by the route below and already reported as external.
    if (isLocal(request.url())) failed.push(`${short(request.url())} (${request.resourceType()}): ${request.failure()?.errorText ?? 'failed'}`);
  });

  const response = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  if (response !== null && !response.ok()) say(`loading the page answered ${response.status()}`);
  const facts = await page.evaluate(collectPageFacts);

  if (consoleErrors.length > 0) say(`${consoleErrors.length} console error(s): ${consoleErrors.join(' | ')}`);
  if (external.length > 0) say(`${external.length} request(s) not to file:// or data: ${external.join(' | ')}`);
  if (failed.length > 0) say(`${failed.length} failed request(s): ${failed.join(' | ')}`);

  if (options.experimentPage && facts.figures.length === 0) say('no <figure> on an experiment page');
  for (const figure of facts.figures) {
    if (figure.svgs.length === 0 && figure.images.length === 0) say(`figure ${figure.label} has neither an <svg> chart nor an <img>`);
    figure.svgs.forEach((svg, i) => {
      const which = figure.svgs.length > 1 ? ` (svg ${i + 1} of ${figure.svgs.length})` : '';
      if (svg.marks === 0) say(`figure ${figure.label}${which} has no drawn marks (mark groups: ${svg.groups.length === 0 ? 'none' : svg.groups.join(', ')})`);
      if (svg.width === 0 || svg.height === 0) say(`figure ${figure.label}${which} renders ${svg.width}×${svg.height} px`);
    });
    for (const image of figure.images) if (!image.loaded) say(`figure ${figure.label} has an image that did not load: ${image.src}`);
  }
  if (options.experimentPage && facts.tables.length === 0) say('no <table> on an experiment page');
  for (const table of facts.tables) if (table.rows === 0) say(`table ${table.label} has no body rows (tbody tr)`);

  if (facts.scrollWidth > VIEWPORT.width) {
    const culprits = facts.overflowing.slice(0, 5).map((o) => `${o.count > 1 ? `${o.count}× ` : ''}${o.label} (width ${o.width} px, right edge ${o.right} px)`);
    const more = facts.overflowing.length > 5 ? ` and ${facts.overflowing.length - 5} more` : '';
    say(
      `scrollWidth ${facts.scrollWidth} px > ${VIEWPORT.width} px at a ${VIEWPORT.width} px viewport; ` +
        (culprits.length > 0 ? `outermost elements past the right edge, widest first: ${culprits.join('; ')}${more}` : 'no element extends past the right edge (the overflow is the root’s own)'),
    );
  }
  return { facts, problems, page };
}

// ---------------------------------------------------------------------------------------------

/**
 * Opens every page of `reports` in headless Chromium and returns what is wrong, one sentence per
 * problem naming the page ([] when all is well); saves the index's screenshot. Null when there is
 * no Chromium outside CI (the caller says it skipped); under CI a missing Chromium throws.
 */
export async function checkReportsInBrowser(reports: string): Promise<string[] | null> {
  if (!haveChromium) {
    if (onCi) throw new Error(`no Chromium at ${chromiumPath} under CI; ${installHint}`);
    console.warn(`the browser check of the report was skipped: no Chromium at ${chromiumPath}; ${installHint}.`);
    return null;
  }
  const experimentPages = readdirSync(reports, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && existsSync(path.join(reports, entry.name, 'index.html')))
    .map((entry) => path.join(reports, entry.name, 'index.html'))
    .sort();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cch-chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    chromiumSandbox: false, // --no-sandbox: the tests run as root in CI
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    offline: true,
  });
  try {
    // Nothing leaves the machine: every request that is not file:// or data: is aborted here (and
    // reported by the page's 'request' listener).
    await context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    const index = await checkPage(context, reports, path.join(reports, 'index.html'), { experimentPage: false });
    const problems = [...index.problems];
    if (experimentPages.length === 0) problems.push('no experiment page in the reports folder');
    for (const file of experimentPages) {
      if (!index.facts.links.includes(pathToFileURL(file).href)) problems.push(`index.html: no link to ${path.relative(reports, file)}`);
    }
    mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await index.page.screenshot({ path: screenshotPath, fullPage: true });
    await index.page.close();
    for (const file of experimentPages) {
      const check = await checkPage(context, reports, file, { experimentPage: true });
      problems.push(...check.problems);
      await check.page.close();
    }
    return problems;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
