/**
 * Whether the native backend's suites run: when tfjs-node loads here, or always under
 * CCH_EXPECT_NATIVE=1 (CI after a successful `npm run setup:native`), where a failure to load must
 * fail the tests instead of skipping them. Without tfjs-node (the npm ci path) they are skipped.
 */
import { probeBackend } from '@cch-lab/core';

export async function nativeTestsRun(): Promise<boolean> {
  return (await probeBackend('node')).available || process.env.CCH_EXPECT_NATIVE === '1';
}
