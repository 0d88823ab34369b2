/**
 * Vega-Lite → SVG without a browser: compile to Vega, build a headless View (`renderer: 'none'`),
 * ask it for SVG, finalize it. About 50–130 ms a chart. Without a canvas package, Vega estimates
 * text widths from character counts, which leaves a little slack around labels but never clips.
 */
import { InvalidInputError, silentReporter, type Reporter } from '@cch-lab/core';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { slug } from '../format/slug.js';

export interface RenderSvgOptions {
  /** Names the figure in errors and warnings, and prefixes the SVG's element ids. Default: the spec's `name`, else `figure`. */
  id?: string;
  /** Receives Vega and Vega-Lite warnings (prefixed with the figure id). Default: dropped. */
  reporter?: Reporter;
}

/**
 * Renders a Vega-Lite top-level spec (data inline) to an SVG string. Element ids inside the SVG
 * (clip paths, gradients) are renamed `<id>-1`, `<id>-2`, … so several figures can share one page
 * and the output does not depend on what was rendered before in the process.
 * @throws InvalidInputError naming the figure when the spec does not compile, parse or render.
 */
export async function renderFigureSvg(spec: Record<string, unknown>, options: RenderSvgOptions = {}): Promise<string> {
  const id = options.id ?? (typeof spec?.name === 'string' ? spec.name : 'figure');
  const reporter = options.reporter ?? silentReporter;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw figureError(id, 'the spec must be a Vega-Lite object', new Error(`received ${Array.isArray(spec) ? 'an array' : typeof spec}`));
  }
  const errors: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    const text = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
    if (method === 'error') errors.push(text);
    else reporter.warn(`figure '${id}': ${text}`);
  });

  let vgSpec: vega.Spec;
  try {
    vgSpec = compile(spec as unknown as TopLevelSpec, { logger }).spec;
  } catch (cause) {
    throw figureError(id, 'the Vega-Lite spec does not compile', cause);
  }
  let view: vega.View;
  try {
    view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logger, logLevel: vega.Warn });
  } catch (cause) {
    throw figureError(id, 'the compiled Vega spec does not parse', cause);
  }
  try {
    const svg = await view.toSVG();
    // Vega logs dataflow errors (a bad expression, a missing field in a transform) instead of throwing.
    if (errors.length > 0) throw new Error(errors.join('; '));
    return renameSvgIds(svg, slug(`fig-${id}`));
  } catch (cause) {
    throw figureError(id, 'rendering failed', cause);
  } finally {
    view.finalize();
  }
}

/** Renames every `id="…"` in an SVG and the `url(#…)` / `href="#…"` references to it. */
function renameSvgIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!renamed.has(m[1])) renamed.set(m[1], `${prefix}-${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  const swap = (old: string): string => renamed.get(old) ?? old;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_m, a: string, old: string, b: string) => `${a}${swap(old)}${b}`)
    .replace(/url\(#([^)]+)\)/g, (_m, old: string) => `url(#${swap(old)})`)
    .replace(/(href=")#([^"]+)(")/g, (_m, a: string, old: string, b: string) => `${a}#${swap(old)}${b}`);
}

function figureError(id: string, what: string, cause: unknown): InvalidInputError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new InvalidInputError(`${what}: ${reason}`, {
    details: { field: `figure '${id}'`, figure: id },
    hint: 'check the figure spec (try it in the Vega-Lite editor) and that its field names match the rows in data.values',
    cause,
  });
}
