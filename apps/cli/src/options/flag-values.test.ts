import { Command } from 'commander';
import { handleError } from '../exit-codes.js';
import { createBufferIo } from '../io.js';
import { collect } from './repeatable.js';
import { FlagAsValueError, looksLikeFlag, refuseFlagsAsValues } from './flag-values.js';

function program() {
  const seen: Record<string, unknown> = {};
  const root = new Command('cch').exitOverride().option('--backend <name>').configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  root
    .command('mi')
    .option('--estimator <name>', 'estimator', 'ksg')
    .option('--teacher <file>', 'repeatable', collect)
    .option('--seed <seed>')
    .option('--json')
    .option('--draft [name]')
    .action((options: Record<string, unknown>) => {
      Object.assign(seen, options);
    });
  refuseFlagsAsValues(root);
  return { root, seen };
}

async function parse(argv: string[]) {
  const { root, seen } = program();
  await root.parseAsync(argv, { from: 'user' });
  return seen;
}

describe('cli/options/flag-values', () => {
  it('tells a flag from a value', () => {
    for (const flag of ['--json', '-h', '--k=3']) expect(looksLikeFlag(flag)).toBe(true);
    for (const value of ['-1', '-0.5', '-', 'ksg', 'a--b', '']) expect(looksLikeFlag(value)).toBe(false);
  });

  it('refuses a flag given as the value of an option that needs one', async () => {
    await expect(parse(['mi', '--estimator', '--json'])).rejects.toThrow(new FlagAsValueError('--estimator', '--json'));
    await expect(parse(['mi', '--teacher', 'a.csv', '--teacher', '--json'])).rejects.toThrow('--teacher needs a value; got the flag --json');
    await expect(parse(['--backend', '--json', 'mi'])).rejects.toThrow('--backend needs a value; got the flag --json');
    await expect(parse(['mi', '--estimator=--k=3'])).rejects.toThrow('--estimator needs a value; got the flag --k');
  });

  it('is a usage error (exit 2) with its hint, as a UsageError of @cch-lab/core would be', async () => {
    const error = await parse(['mi', '--estimator=--k=3']).catch((e: unknown) => e);
    const io = createBufferIo();
    expect(await handleError(error, io, true)).toBe(2);
    expect(JSON.parse(io.out())).toEqual({
      error: { code: 'EUSAGE', message: '--estimator needs a value; got the flag --k', hint: "give --estimator its value right after it; for a file whose name starts with '-', write ./--k=3" },
    });
    const plain = createBufferIo();
    expect(await handleError(error, plain, false)).toBe(2);
    expect(plain.err()).toBe("error: --estimator needs a value; got the flag --k\nhint: give --estimator its value right after it; for a file whose name starts with '-', write ./--k=3\n");
  });

  it('passes values, negative numbers and the options own parsers through', async () => {
    expect(await parse(['mi', '--estimator', 'gaussian', '--seed', '-1', '--teacher', 'a', '--teacher', 'b', '--json'])).toEqual({
      estimator: 'gaussian',
      seed: '-1',
      teacher: ['a', 'b'],
      json: true,
    });
    // An optional value is commander's to decide: it does not take a flag.
    expect(await parse(['mi', '--draft', '--json'])).toMatchObject({ draft: true, json: true });
  });
});
