/** Fails when test/operations/generated differs from what codegen.yml produces now. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'test/operations/generated';
const fresh = mkdtempSync(join(tmpdir(), 'codegen-'));
try {
  // codegen.yml reads its output folder from CODEGEN_OUT, so the committed files are never touched.
  execFileSync('node_modules/.bin/graphql-codegen', ['--config', 'codegen.yml', '--silent'], {
    env: { ...process.env, CODEGEN_OUT: `${fresh}/` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const drift = compare(committed, fresh);
  if (drift.length > 0) {
    console.error(`${committed} is out of date (${drift.join(', ')}): run \`npm run codegen\` and commit it.`);
    process.exit(1);
  }
  console.log(`${committed} is current.`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

function compare(a: string, b: string): string[] {
  const list = (dir: string) => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  };
  const names = [...new Set([...list(a), ...list(b)])].sort();
  return names.filter((name) => {
    try {
      return readFileSync(join(a, name), 'utf8') !== readFileSync(join(b, name), 'utf8');
    } catch {
      return true;
    }
  });
}
