import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * A process that keeps every object one literal creates: V8 decides to allocate that literal's
 * objects in the old generation (it prints its decisions with --trace-pretenuring-statistics).
 */
const WORKLOAD = `
if (process.env.V8_FLAGS_MODULE) await import(process.env.V8_FLAGS_MODULE);
const keep = [];
for (let round = 0; round < 20; round++) for (let i = 0; i < 100000; i++) keep.push({ a: i, b: round });
console.log(keep.length);
`;

async function pretenuringDecisions(flagsModule?: string): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--trace-pretenuring-statistics', '--import', 'tsx', '--input-type=module', '-e', WORKLOAD],
    { env: { ...process.env, ...(flagsModule ? { V8_FLAGS_MODULE: flagsModule } : {}) }, maxBuffer: 16 * 1024 * 1024 },
  );
  expect(stdout).toContain('2000000');
  return stdout.split('\n').filter((l) => l.includes('pretenuring:')).length;
}

describe("the gateway process's V8 settings", () => {
  it('allocation-site pretenuring is off once src/v8Flags.ts has run: V8 makes no pretenuring decision at all', async () => {
    // The same workload without the module: V8 does decide, so the check can see a decision.
    expect(await pretenuringDecisions()).toBeGreaterThan(0);
    expect(await pretenuringDecisions(new URL('../../src/v8Flags.ts', import.meta.url).href)).toBe(0);
  });

  it('main.ts imports it before any other module, so it applies before the gateway allocates anything', () => {
    const imports = readFileSync(new URL('../../src/main.ts', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('import '));
    expect(imports[0]).toBe("import './v8Flags.js';");
  });
});
