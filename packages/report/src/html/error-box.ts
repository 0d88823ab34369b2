import { escapeHtml } from '../format/escape-html.js';

/**
 * The box a figure or table becomes when it cannot render, and the warning it adds: one broken
 * spec must never take the page down with it, nor go unnoticed.
 */
export function errorBox(kind: 'table' | 'figure', id: unknown, error: unknown, warnings: string[]): string {
  const name = `${kind} '${String(id)}'`;
  const message = error instanceof Error ? error.message : String(error);
  // Errors from renderFigureSvg already start with the figure's name; say it once.
  const text = `${name} could not be rendered: ${message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message}`;
  warnings.push(text);
  return `<div class="figure-error" role="alert">${escapeHtml(text)}</div>`;
}
