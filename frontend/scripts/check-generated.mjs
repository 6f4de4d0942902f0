// Fails when the committed src/graphql/ (graphql-codegen's typed documents and the enum labels of
// scripts/enum-labels.mjs) is not what `npm run codegen` makes from ../schema.graphql and the pages'
// documents now: run `make codegen` and commit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'src/graphql';
const fresh = mkdtempSync(join(tmpdir(), 'codegen-'));
try {
  execFileSync('npm', ['run', '--silent', 'codegen'], {
    env: { ...process.env, CODEGEN_OUT: `${fresh}/` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const names = new Set([...readdirSync(committed), ...readdirSync(fresh)]);
  const stale = [...names].filter((name) => {
    const read = (dir) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return null;
      }
    };
    return read(committed) !== read(fresh);
  });
  if (stale.length > 0) {
    console.error(`src/graphql is stale (${stale.join(', ')}): run \`make codegen\` and commit.`);
    process.exit(1);
  }
  console.log('src/graphql matches schema.graphql and the documents.');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
