import { fileURLToPath } from 'node:url';

/** Screenshots go to <repo>/test-artifacts/ (git-ignored). */
export function artifact(name: string): string {
  return fileURLToPath(new URL(`../../test-artifacts/${name}`, import.meta.url));
}

/** The signed-in street administrator saved by auth.setup.ts; most tests start from it (one
 * file per shard: each shard signs in to its own server). */
export const ADMIN_STATE = artifact(`.auth/admin-${process.env.E2E_SHARD ?? '1'}.json`);
