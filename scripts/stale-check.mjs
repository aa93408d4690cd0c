// `npm start` runs the compiled gateway as it is; it never compiles, so replicas started
// together from one checkout never rewrite dist/ under each other. This only says so when
// the sources look newer than the build. Plain JavaScript: it runs without dev dependencies.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const built = (() => {
  try {
    return statSync('dist/main.js').mtimeMs;
  } catch {
    return undefined;
  }
})();

if (built === undefined) {
  process.stderr.write('dist/main.js is missing: build it with `npm run build` (`npm ci` builds on install).\n');
  process.exit(1);
}

let newest = 0;
try {
  for (const entry of readdirSync('src', { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
} catch {
  // No src/ (an installed copy of the build): nothing to compare.
}
if (newest > built) {
  process.stderr.write('src/ changed after the last build: `npm start` runs the old dist/. Run `npm run build` first, or `npm run dev`.\n');
}
