/** One entry point over the three layouts: resolved options in, tables out. */
import type { ResolvedTcgaOptions } from '../files/resolve-options.js';
import type { TcgaLayout } from '../types.js';
import { readMogcn } from './read-mogcn.js';
import { readMogonet } from './read-mogonet.js';
import { readXena } from './read-xena.js';
import type { TcgaTables } from './tables.js';

type LayoutReader = (resolved: ResolvedTcgaOptions, actual: (file: string) => string) => TcgaTables;

const READERS: Readonly<Record<TcgaLayout, LayoutReader>> = Object.freeze({ mogonet: readMogonet, mogcn: readMogcn, xena: readXena });

export function readTcgaTables(resolved: ResolvedTcgaOptions, actual: (file: string) => string): TcgaTables {
  return READERS[resolved.layout](resolved, actual);
}
