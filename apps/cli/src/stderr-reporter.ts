/**
 * The CLI's Reporter. On a terminal, a cli-progress bar per task; otherwise (CI, pipes) one line
 * per progress step, throttled to about one a second per task so logs stay short.
 */
import type { Reporter } from '@cch-lab/core';
import cliProgress from 'cli-progress';

export interface StderrReporterOptions {
  tty: boolean;
  quiet: boolean;
}

export function createStderrReporter(write: (text: string) => void, options: StderrReporterOptions): Reporter {
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

  return {
    info(message) {
      if (options.quiet) return;
      stopBar();
      write(`${message}\n`);
    },
    warn(message) {
      stopBar();
      write(`warning: ${message}\n`);
    },
    progress(task, done, total, status) {
      if (options.quiet) return;
      if (options.tty) {
        if (barTask !== task) {
          stopBar();
          bar = new cliProgress.SingleBar(
            { format: `${task} [{bar}] {value}/{total} {status}`, hideCursor: true, stream: process.stderr, clearOnComplete: false },
            cliProgress.Presets.shades_classic,
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
}
