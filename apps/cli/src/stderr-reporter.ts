/**
 * The CLI's Reporter, and the one progress display of a run (`createRunDisplay`).
 *
 * The Reporter: on a terminal, a cli-progress bar per task; otherwise (CI, pipes) one line per
 * progress step, throttled to about one a second per task so logs stay short. `quiet` drops info
 * and progress; warnings always print.
 *
 * The run display covers a whole `cch run` or `cch reproduce`: on a terminal one bar — the
 * experiment (i/n for a reproduction), cells done / total, ETA, the current cell — with notes and
 * warnings printed above it; otherwise one line per finished cell (`mosei 1/2 rep=0 (ETA 8 s)`) and
 * one for the cells found in the cache.
 */
import { createRequire } from 'node:module';
import type { Reporter } from '@cch-lab/core';
import type { RunProgress } from '@cch-lab/pipeline';
import type cliProgress from 'cli-progress';

let cliProgressModule: typeof cliProgress | undefined;
/** cli-progress (CommonJS), required when the first bar is drawn, on a terminal only: not at every start-up. */
function bars(): typeof cliProgress {
  return (cliProgressModule ??= createRequire(import.meta.url)('cli-progress') as typeof cliProgress);
}

export interface StderrReporterOptions {
  tty: boolean;
  quiet: boolean;
}

/** What a stderr reporter writes to; the run display draws through the same sink. */
interface Sink extends StderrReporterOptions {
  write: (text: string) => void;
  /** Set while a run display's bar is on screen: lines go above it. */
  log?: (line: string) => void;
}

const sinks = new WeakMap<Reporter, Sink>();

export function createStderrReporter(write: (text: string) => void, options: StderrReporterOptions): Reporter {
  const sink: Sink = { write, ...options };
  let bar: cliProgress.SingleBar | undefined;
  let barTask: string | undefined;
  const lastLine = new Map<string, number>();

  const stopBar = () => {
    if (bar !== undefined) {
      bar.stop();
      bar = undefined;
      barTask = undefined;
    }
  };
  const line = (text: string) => {
    if (sink.log !== undefined) return sink.log(text);
    stopBar();
    write(text);
  };

  const reporter: Reporter = {
    info(message) {
      if (options.quiet) return;
      line(`${message}\n`);
    },
    warn(message) {
      line(`warning: ${message}\n`);
    },
    progress(task, done, total, status) {
      if (options.quiet || sink.log !== undefined) return;
      if (options.tty) {
        if (barTask !== task) {
          stopBar();
          const { Presets, SingleBar } = bars();
          bar = new SingleBar(
            { format: `${task} [{bar}] {value}/{total} {status}`, hideCursor: true, stream: process.stderr, clearOnComplete: false },
            Presets.shades_classic,
          );
          bar.start(total, 0, { status: '' });
          barTask = task;
        }
        bar?.setTotal(total);
        bar?.update(done, { status: status ?? '' });
        if (done >= total) stopBar();
        return;
      }
      const now = Date.now();
      const last = lastLine.get(task) ?? 0;
      if (done >= total || done === 1 || now - last >= 1000) {
        lastLine.set(task, now);
        write(`${task} ${done}/${total}${status ? ` ${status}` : ''}\n`);
      }
    },
  };
  sinks.set(reporter, sink);
  return reporter;
}

/** The progress display of one run or one reproduction. */
export interface RunDisplay {
  /** For library code during the run: notes and warnings print above the bar (notes not under quiet); cells' own progress is dropped. */
  readonly reporter: Reporter;
  /** A reproduction moves to experiment `index` (1-based) of `count`, read from `label` (its config file). */
  experiment(index: number, count: number, label: string): void;
  /** A run's progress event (RunOptions.onProgress). */
  progress(progress: RunProgress): void;
  /** Ends the display (the bar's last state stays on screen). Idempotent. */
  stop(): void;
}

export interface RunDisplayOptions {
  /** Nothing but warnings and errors. Default: the reporter's own setting. */
  quiet?: boolean;
}

/**
 * The display for a run on `reporter`. A reporter made by createStderrReporter draws on its
 * stream (a bar on a terminal, lines otherwise); any other reporter receives the same lines as
 * `progress` calls, so tests and embedders see the run's progress too.
 */
export function createRunDisplay(reporter: Reporter, options: RunDisplayOptions = {}): RunDisplay {
  const sink = sinks.get(reporter);
  const quiet = options.quiet === true || sink?.quiet === true;
  const info = (message: string) => {
    if (!quiet) reporter.info(message);
  };
  const shared = { info, warn: (message: string) => reporter.warn(message), progress: () => undefined };

  if (sink !== undefined && sink.tty && !quiet) return barDisplay(sink, shared);
  // One line per finished cell: straight to the stream (the reporter's own progress is throttled).
  const line = (task: string, done: number, total: number, status: string) => {
    if (sink !== undefined) sink.write(`${task} ${done}/${total} ${status}\n`);
    else reporter.progress(task, done, total, status);
  };
  return {
    reporter: shared,
    experiment(index, count, label) {
      info(`[${index}/${count}] ${label}`);
    },
    progress(p) {
      if (quiet) return;
      if (p.event === 'cache' && p.cached > 0) line(p.name, p.done, p.total, `cached`);
      if (p.event === 'done') line(p.name, p.done, p.total, `${p.cell ?? ''}${eta(p)}`);
    },
    stop: () => undefined,
  };
}

function barDisplay(sink: Sink, shared: Reporter): RunDisplay {
  let multi: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;
  let stage = '';
  let current = '';
  const payload = (p: RunProgress) => ({ stage, name: p.name, current, left: p.etaSeconds === undefined ? '…' : formatSeconds(p.etaSeconds) });
  const start = () => {
    const { MultiBar, Presets } = bars();
    multi = new MultiBar(
      {
        format: '{stage}{name} [{bar}] {value}/{total} cells | ETA {left} | {current}',
        hideCursor: true,
        stream: process.stderr,
        clearOnComplete: false,
        autopadding: true,
        linewrap: false,
      },
      Presets.shades_classic,
    );
    sink.log = (line) => multi?.log(line);
  };
  return {
    reporter: shared,
    experiment(index, count, label) {
      stage = `[${index}/${count}] `;
      current = label;
    },
    progress(p) {
      if (multi === undefined) start();
      if (p.cell !== undefined) current = p.event === 'done' && p.done >= p.total ? 'summarising' : p.cell;
      if (bar === undefined) bar = multi?.create(p.total, p.done, payload(p));
      bar?.setTotal(p.total);
      bar?.update(p.done, payload(p));
    },
    stop() {
      if (multi === undefined) return;
      multi.update(); // flush lines logged since the last redraw
      multi.stop();
      multi = undefined;
      bar = undefined;
      sink.log = undefined;
    },
  };
}

function eta(p: RunProgress): string {
  return p.etaSeconds === undefined || p.done >= p.total ? '' : ` (ETA ${formatSeconds(p.etaSeconds)})`;
}

/** <1 s, 8 s, 2 min 05 s, 1 h 12 min. */
export function formatSeconds(seconds: number): string {
  if (seconds > 0 && seconds < 0.5) return '<1 s';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
