/**
 * What a run says about its progress, for one display of the whole run (the CLI's bar or lines):
 * after the cache scan, as each cell starts and as each finishes, with an ETA from the cells this
 * run computed (cached cells take no time, so they do not count toward the rate).
 */

export interface RunProgress {
  /** 'cache': the cache was scanned (`cached` cells are done); 'start' / 'done': a cell started / finished. */
  event: 'cache' | 'start' | 'done';
  /** The experiment. */
  experiment: string;
  /** The results folder's name (the config's name; see resultsDirName). */
  name: string;
  /** Cells finished, cached ones included. */
  done: number;
  total: number;
  /** Cells taken from the cache. */
  cached: number;
  /** The cell that started or finished (absent for 'cache'). */
  cell?: string;
  /** Seconds until every cell is done, from the wall time per computed cell so far; absent before the first. */
  etaSeconds?: number;
}

/** Counts cells and estimates the rest; `emit` receives every event. */
export class ProgressTracker {
  private done = 0;
  private ran = 0;
  private firstStart: number | undefined;
  private firstDone: number | undefined;

  constructor(
    private readonly base: { experiment: string; name: string; total: number; cached: number },
    private readonly emit: (progress: RunProgress) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.done = base.cached;
  }

  scanned(): void {
    this.emit({ event: 'cache', ...this.base, done: this.done });
  }

  started(cell: string): void {
    this.firstStart ??= this.clock();
    this.emit({ event: 'start', ...this.base, done: this.done, cell, ...this.eta() });
  }

  finished(cell: string): void {
    this.firstDone ??= this.clock();
    this.done++;
    this.ran++;
    this.emit({ event: 'done', ...this.base, done: this.done, cell, ...this.eta() });
  }

  /**
   * Wall time per computed cell × cells left. Measured from the first finished cell once three
   * have (the first ones pay for start-up: workers loading the backend, data being generated), and
   * from the first start before that — pessimistic early, accurate soon after.
   */
  private eta(): { etaSeconds?: number } {
    if (this.ran === 0 || this.firstStart === undefined) return {};
    const perCell =
      this.ran >= 3 && this.firstDone !== undefined
        ? (this.clock() - this.firstDone) / 1000 / (this.ran - 1)
        : (this.clock() - this.firstStart) / 1000 / this.ran;
    return { etaSeconds: perCell * (this.base.total - this.done) };
  }
}
