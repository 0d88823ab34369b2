/**
 * The `cch` command: builds the commander program, runs it, and maps every failure to an exit
 * code in one place (exit-codes.ts). Commands never call process.exit.
 *
 * Building the program imports every command module, so `cch --help` costs what they import at
 * top level: only commander and the CLI's light modules. Packages (@cch-lab/core loads tfjs) are
 * imported inside the actions; start-up.test.ts checks it.
 */
import { Command, CommanderError } from 'commander';
import { registerBenchKnn } from './commands/bench-knn.js';
import { registerBenchQueue } from './commands/bench-queue.js';
import { registerBenchTrain } from './commands/bench-train.js';
import { registerCriterion } from './commands/criterion.js';
import { registerDataVerify } from './commands/data-verify.js';
import { registerDoctor } from './commands/doctor.js';
import { registerMi } from './commands/mi.js';
import { registerReport } from './commands/report.js';
import { registerReproduce } from './commands/reproduce.js';
import { registerQueue } from './commands/queue.js';
import { registerRun } from './commands/run.js';
import { registerWorker } from './commands/worker.js';
import { EXIT, handleError } from './exit-codes.js';
import { createProcessIo, type Io } from './io.js';
import { refuseFlagsAsValues } from './options/flag-values.js';
import { cliVersion, versionLine } from './version.js';

export function buildProgram(io: Io, version: string = cliVersion()): Command {
  const program = new Command('cch');
  program
    .description(
      'Will distilling a strong modality (the teacher) into a weak one (the student) help?\n' +
        'Estimates both sides of the Cross-modal Complementarity Hypothesis, I(H_t;H_s) > I(H_s;Y),\n' +
        'trains teachers, students and KD students to test it, and reproduces arXiv 2510.13182.',
    )
    .version(version, '-V, --version', 'print the version and the tensor backend in use')
    .option('--backend <name>', 'tensor backend: auto | node-gpu | node | wasm | cpu (env CCH_BACKEND)')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride()
    .showHelpAfterError(true)
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  $ cch reproduce --profile smoke          every experiment in configs/, in minutes
  $ cch run configs/synthetic.yaml --set profile=quick --set repeats=5
  $ cch mi --x h_teacher.csv --y h_student.csv --estimator ksg --shuffles 100
  $ cch criterion --teacher t1.npy --teacher t2.npy --student s.npy --labels y.csv
  $ cch bench knn                          k-NN engine vs a naive brute force
  $ cch doctor                             what this machine can run, and why
  $ cch run configs/tcga.yaml --queue redis://host:6379   cells as jobs; \`cch worker\` runs them
Exit codes: 0 ok, 2 usage or invalid input/config, 3 data not found, 4 a service unreachable
(the queue's Redis), 1 unexpected (a bug) or a cell failed on a queue worker.`,
    );

  registerRun(program, io);
  registerReproduce(program, io);
  registerWorker(program, io);
  registerQueue(program, io);
  registerReport(program, io);
  registerMi(program, io);
  registerCriterion(program, io);
  registerDataVerify(program.command('data').description('check real data folders: cch data verify NAME --path DIR'), io);
  registerBenchKnn(program, io);
  registerBenchTrain(program, io);
  registerBenchQueue(program, io);
  registerDoctor(program, io);
  refuseFlagsAsValues(program); // `--estimator --json` is an error, not the estimator "--json"

  return program;
}

/** Runs the CLI on `argv` (without `node cch`) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = createProcessIo()): Promise<number> {
  const json = argv.includes('--json');
  let program: Command | undefined;
  try {
    const wantsVersion = argv.includes('--version') || argv.includes('-V');
    const version = wantsVersion ? await versionLine(backendFromArgv(argv), io.env) : cliVersion();
    program = buildProgram(io, version);
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.unknownCommand' && program !== undefined) {
      const names = program.commands.map((c) => c.name()).join(', ');
      io.stderr(`accepted commands: ${names}\n`);
    }
    return await handleError(error, io, json);
  }
}

function backendFromArgv(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--backend');
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith('--backend='));
  return eq?.slice('--backend='.length);
}
