import { afterAll, beforeAll } from 'vitest';
import { tempDir } from './db.js';
import { startMoto, type Moto } from './moto.js';

/** The environment a user sets for the CLI against moto: test credentials and a region. */
export const cliCredentials = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };

/**
 * One moto_server and one temporary folder for a test file that runs `calabi` as a user would; both are started
 * before the file's tests and removed after. Read `moto` and `dir` inside tests (they are set in beforeAll).
 */
export function motoAndFolder(): { readonly moto: Moto; readonly dir: string } {
  const state = {} as { moto: Moto; dir: string; cleanup?: () => void };
  beforeAll(async () => {
    state.moto = await startMoto();
    ({ dir: state.dir, cleanup: state.cleanup } = tempDir());
  });
  afterAll(async () => {
    await state.moto?.stop();
    state.cleanup?.();
  });
  return state;
}
