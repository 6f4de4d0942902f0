import { fileURLToPath } from 'node:url';

/** Screenshots go to <repo>/test-artifacts/ (git-ignored). */
export function artifact(name: string): string {
  return fileURLToPath(new URL(`../../test-artifacts/${name}`, import.meta.url));
}
