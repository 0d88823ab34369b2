/** The committed fixture written by h5py with the SDK's settings (fixtures/make-sdk-fixture.py). */
import { fileURLToPath } from 'node:url';

/** Absolute path of packages/data-mosei/fixtures/sdk-h5py (the same from src/ and dist/). */
export const SDK_FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/sdk-h5py', import.meta.url));
