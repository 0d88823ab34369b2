/**
 * The sweeper: axes → cells with stable, readable ids (`cohort=brca/rep=0`), in one place. Axis
 * order is id order, the first axis outermost. `streamAxes` names the axes a cell's random stream
 * depends on: cells that differ only in the other axes share their draws (common random
 * numbers), as a reference design that seeds every level alike does. Default: every axis.
 */
import { InternalError } from '@cch-lab/core';
import type { Cell, Scalar } from '../types.js';

export type SweepAxes = Readonly<Record<string, readonly Scalar[]>>;

export interface SweepPoint<A extends SweepAxes> {
  id: string;
  /** The axis values of this point. */
  values: { [K in keyof A]: A[K][number] };
  /** The key its random stream derives from (the id over `streamAxes` only). */
  stream: string;
}

export interface ExpandSweepOptions<A extends SweepAxes> {
  /** Axes the random stream depends on. Default: all. */
  streamAxes?: readonly (keyof A & string)[];
}

/** Every combination of the axes' values. @throws InternalError for an empty or repeated axis value. */
export function expandSweep<A extends SweepAxes>(axes: A, options: ExpandSweepOptions<A> = {}): SweepPoint<A>[] {
  const names = Object.keys(axes);
  const streamAxes = new Set<string>(options.streamAxes ?? names);
  for (const name of streamAxes) if (!names.includes(name)) throw new InternalError(`expandSweep: stream axis '${name}' is not an axis`);
  for (const name of names) {
    const values = axes[name];
    if (new Set(values.map((v) => JSON.stringify(v))).size !== values.length) {
      throw new InternalError(`expandSweep: axis '${name}' lists a value twice`);
    }
  }
  let points: { parts: string[]; stream: string[]; values: Record<string, Scalar> }[] = [{ parts: [], stream: [], values: {} }];
  for (const name of names) {
    const next: typeof points = [];
    for (const p of points) {
      for (const v of axes[name]) {
        const part = `${name}=${String(v)}`;
        next.push({ parts: [...p.parts, part], stream: streamAxes.has(name) ? [...p.stream, part] : p.stream, values: { ...p.values, [name]: v } });
      }
    }
    points = next;
  }
  return points.map((p) => ({ id: p.parts.join('/'), stream: p.stream.join('/'), values: p.values as SweepPoint<A>['values'] }));
}

/** `0, 1, …, count − 1`: the repeat axis. */
export function repeatAxis(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/**
 * Cells from sweep points. The stream is set only when it differs from the id, so cells whose
 * stream is their id draw exactly what they drew before streams existed.
 */
export function sweepCells<A extends SweepAxes, P>(points: readonly SweepPoint<A>[], params: (point: SweepPoint<A>) => P): Cell<P>[] {
  return points.map((point) => ({ id: point.id, params: params(point), ...(point.stream !== point.id ? { stream: point.stream } : {}) }));
}
