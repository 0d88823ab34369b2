import { createBufferIo } from './io.js';
import { main } from './main.js';

describe('cli/main', () => {
  it('prints help listing every command', async () => {
    const io = createBufferIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const name of ['run', 'reproduce', 'report', 'mi', 'criterion', 'bench', 'doctor']) expect(io.out()).toContain(name);
    expect(io.out()).toContain('--backend');
  });

  it('prints help for a command, with its options and examples', async () => {
    const io = createBufferIo();
    expect(await main(['run', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--set <key=value>');
    expect(io.out()).toContain('Examples:');
  });

  it('exits 2 on an unknown command and lists the accepted ones', async () => {
    const io = createBufferIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown command 'frobnicate'/);
    expect(io.err()).toMatch(/accepted commands: .*run.*doctor/);
  });

  it('exits 2 on an unknown flag and shows what the command accepts', async () => {
    const io = createBufferIo();
    expect(await main(['doctor', '--frob'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown option '--frob'/);
    expect(io.err()).toContain('--json');
  });

  it('prints the version with the backend in use', async () => {
    const io = createBufferIo({ env: { CCH_BACKEND: 'cpu' } });
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^cch-lab \d+\.\d+\.\d+ \(backend cpu: cpu was requested by CCH_BACKEND/);
  });

  it('exits 2 with a JSON error object for an unknown backend under --json', async () => {
    const io = createBufferIo();
    expect(await main(['--backend', 'tpu', 'doctor', '--json'], io)).toBe(0);
    // doctor reports an unusable backend instead of failing, so it can diagnose it
    const report = JSON.parse(io.out()) as { backend: { error?: string } };
    expect(report.backend.error).toMatch(/unknown backend 'tpu'/);
  });
});
