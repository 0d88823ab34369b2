/**
 * A small delimited-text parser (RFC 4180 quoting) written for the readers here, as no CSV library
 * is installed. It yields one record at a time with the 1-based line it starts on, so a reader can
 * convert cells as it goes and name the exact line of a problem.
 *
 * Handles: comma, tab or whitespace separators; double-quoted fields (delimiters, newlines and
 * doubled quotes "" inside); LF, CRLF and lone CR line ends; a UTF-8 byte-order mark; blank lines
 * (skipped). A quote inside an unquoted field is kept as text, as most writers do.
 */
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';

/** ',' and '\t' split on each occurrence; 'whitespace' splits on runs of spaces/tabs and ignores them at the ends. */
export type Delimiter = ',' | '\t' | 'whitespace';

export interface DelimitedRecord {
  /** The fields, quotes removed (unquoted fields are not trimmed). */
  fields: string[];
  /** 1-based line on which the record starts. */
  line: number;
  /** Per field: true when it was quoted (a quoted "" is an empty string, not a missing value). */
  quoted: boolean[];
}

/** What parseDelimited skipped, filled in as it goes (for readers that report their decisions). */
export interface DelimitedStats {
  /** Blank lines (nothing, or only blanks in whitespace mode) skipped. */
  blankLines: number;
}

/**
 * The records of `text`, in order. Blank lines yield nothing (they are counted in `stats`).
 *
 * @param file Used in error messages only.
 * @throws InvalidInputError (with file and line) for an unterminated quoted field or text after a closing quote.
 */
export function* parseDelimited(text: string, delimiter: Delimiter, file = '<text>', stats?: DelimitedStats): Generator<DelimitedRecord> {
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const ws = delimiter === 'whitespace';
  const delim = ws ? -1 : delimiter.charCodeAt(0);

  while (pos < n) {
    const startLine = line;
    const fields: string[] = [];
    const quoted: boolean[] = [];
    let endOfRecord = false;
    if (ws) pos = skipBlanks(text, pos);
    while (!endOfRecord) {
      let field: string;
      let wasQuoted = false;
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        wasQuoted = true;
        const parts: string[] = [];
        let start = pos + 1;
        pos = start;
        for (;;) {
          if (pos >= n) {
            throw new InvalidInputError('unterminated quoted field: a " opens a field that never closes', {
              details: { file, line: startLine },
              hint: 'check for a stray double quote; a quote inside a quoted field is written as ""',
            });
          }
          const ch = text.charCodeAt(pos);
          if (ch === QUOTE) {
            if (text.charCodeAt(pos + 1) === QUOTE) {
              parts.push(text.slice(start, pos + 1));
              pos += 2;
              start = pos;
              continue;
            }
            parts.push(text.slice(start, pos));
            pos += 1;
            break;
          }
          if (ch === LF || (ch === CR && text.charCodeAt(pos + 1) !== LF)) line += 1;
          pos += 1;
        }
        field = parts.join('');
      } else {
        const start = pos;
        while (pos < n) {
          const ch = text.charCodeAt(pos);
          if (ch === delim || ch === LF || ch === CR || (ws && (ch === SPACE || ch === TAB))) break;
          pos += 1;
        }
        field = text.slice(start, pos);
      }
      fields.push(field);
      quoted.push(wasQuoted);

      if (ws) pos = skipBlanks(text, pos);
      const ch = pos < n ? text.charCodeAt(pos) : LF;
      if (ch === LF || ch === CR) {
        endOfRecord = true;
        if (pos < n) {
          pos += ch === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
          line += 1;
        }
      } else if (ch === delim) {
        pos += 1;
      } else if (!ws) {
        throw new InvalidInputError(`unexpected text after a closing quote: ${JSON.stringify(text.slice(pos, pos + 10))}`, {
          details: { file, line },
          hint: 'a quoted field must end right before a delimiter or the end of the line',
        });
      }
      // In whitespace mode any other character starts the next field: the blanks ended this one.
    }
    // A line holding nothing (or only blanks in whitespace mode) is not a record.
    if (fields.length === 1 && !quoted[0] && fields[0].trim() === '') {
      if (stats !== undefined) stats.blankLines += 1;
      continue;
    }
    yield { fields, line: startLine, quoted };
  }
}

/**
 * The delimiter of a file: '\t' for .tsv, ',' for .csv; otherwise from its first non-blank line
 * (tabs but no commas → tab; commas → comma; only spaces → whitespace; a single column → comma).
 */
export function detectDelimiter(file: string, text: string): Delimiter {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.tsv' || ext === '.tab') return '\t';
  const firstLine = firstNonBlankLine(text);
  const tabs = count(firstLine, '\t');
  const commas = count(firstLine, ',');
  if (ext === '.csv') return tabs > 0 && commas === 0 ? '\t' : ',';
  if (tabs > 0 && commas === 0) return '\t';
  if (commas > 0) return ',';
  return /\S\s+\S/.test(firstLine) ? 'whitespace' : ',';
}

/** How a text file is laid out, as far as the readers normalise it silently. */
export interface TextLayout {
  /** It starts with a UTF-8 byte-order mark (skipped). */
  bom: boolean;
  /** The first line's end: 'crlf' (Windows), 'lf', 'cr' (old Mac), or 'none' for a single line without one. */
  lineEnding: 'lf' | 'crlf' | 'cr' | 'none';
}

/** The byte-order mark and line ending of `text` (from its first line end). */
export function textLayout(text: string): TextLayout {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === CR) return { bom, lineEnding: 'crlf' };
  const cr = lf < 0 ? text.indexOf('\r') : text.lastIndexOf('\r', lf);
  if (cr >= 0) return { bom, lineEnding: 'cr' };
  return { bom, lineEnding: lf >= 0 ? 'lf' : 'none' };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

function skipBlanks(text: string, pos: number): number {
  while (pos < text.length && (text.charCodeAt(pos) === SPACE || text.charCodeAt(pos) === TAB)) pos += 1;
  return pos;
}

function firstNonBlankLine(text: string): string {
  // Only the head is looked at: copying a file of hundreds of megabytes to find one line would be wasteful.
  const head = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, 1 << 16);
  for (const l of head.split(/\r\n|\n|\r/, 50)) if (l.trim() !== '') return l;
  return '';
}

function count(s: string, ch: string): number {
  let c = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) c += 1;
  return c;
}
