import { fileURLToPath } from 'node:url';

/** Screenshots go to <repo>/test-artifacts/ (git-ignored). */
export function artifact(name: string): string {
  return fileURLToPath(new URL(`../../test-artifacts/${name}`, import.meta.url));
}

/** The signed-in street administrator saved by auth.setup.ts; most tests start from it. */
export const ADMIN_STATE = artifact('.auth/admin.json');
