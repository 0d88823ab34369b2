import { ConfigError, InvalidInputError, UnknownMethodError, isCchError } from './errors.js';

describe('core/errors', () => {
  it('puts file, line and field in front of an invalid-input message', () => {
    const e = new InvalidInputError('row has 3 values, expected 4', {
      details: { file: 'x.csv', line: 7, field: 'x' },
    });
    expect(e.message).toBe('x.csv:7: x: row has 3 values, expected 4');
    expect(e.code).toBe('EINVALID');
    expect(isCchError(e)).toBe(true);
    expect(isCchError(new Error('x'))).toBe(false);
  });

  it('lists every config issue with its path and line', () => {
    const e = new ConfigError('a.yaml', [
      { path: 'kd.lamda', message: 'unknown key', line: 4 },
      { path: 'repeats', message: 'expected a number' },
    ]);
    expect(e.message).toContain('a.yaml:4: kd.lamda: unknown key');
    expect(e.message).toContain('a.yaml: repeats: expected a number');
    expect(e.toJSON().code).toBe('ECONFIG');
  });

  it('names the valid choices for an unknown method', () => {
    expect(new UnknownMethodError('estimator', 'ksg3', ['ksg', 'ksg2']).message).toBe(
      "unknown estimator 'ksg3'; expected one of: ksg, ksg2",
    );
  });
});
