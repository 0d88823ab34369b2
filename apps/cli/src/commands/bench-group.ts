/** The `cch bench` command group; each benchmark adds itself as a subcommand. */
import type { Command } from 'commander';

export function benchGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'bench') ??
    program
      .command('bench')
      .description('benchmarks of this machine (each prints ratios against a baseline run in the same command)')
  );
}
