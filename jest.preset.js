// Shared jest settings: ESM + ts-jest, workspace packages resolved to their TypeScript sources so
// tests never depend on a stale build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @param {{ slow?: boolean }} [options] */
export function jestConfig(options = {}) {
  const slow = options.slow === true;
  return {
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
    testMatch: slow ? ['<rootDir>/src/**/*.slow.test.ts'] : ['<rootDir>/src/**/*.test.ts'],
    testPathIgnorePatterns: slow ? ['/node_modules/', '/dist/'] : ['/node_modules/', '/dist/', '\\.slow\\.test\\.ts$'],
    moduleNameMapper: {
      '^@cch-lab/([a-z0-9-]+)$': path.join(root, 'packages/$1/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    transform: {
      '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: path.join(root, 'tsconfig.jest.json') }],
    },
    testTimeout: slow ? 600_000 : 60_000,
  };
}
