/** The version line: `cch-lab 0.1.0 (backend wasm: …; tfjs 4.22.0; node 20.20.2)`. */
import { readFileSync } from 'node:fs';

export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function versionLine(requestedBackend: string | undefined, env: Record<string, string | undefined>): Promise<string> {
  const { chooseBackend } = await import('@cch-lab/core');
  try {
    const info = await chooseBackend({ requested: requestedBackend, env });
    return `cch-lab ${cliVersion()} (backend ${info.name}: ${info.reason}; tfjs ${info.tfjsVersion}; node ${process.versions.node})`;
  } catch (error) {
    return `cch-lab ${cliVersion()} (backend unavailable: ${(error as Error).message}; node ${process.versions.node})`;
  }
}
