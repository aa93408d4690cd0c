import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createLogger, hardenLogger, prettyStream } from '../../src/logger.js';

const dockerfile = readFileSync('Dockerfile', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { dev?: boolean; engines?: { node?: string } }>;
};

/** `^X.Y.Z` (that major, at least X.Y.Z) and `>=X.Y.Z` alternatives joined by `||`: all `engines` uses. */
function satisfies(version: string, range: string): boolean {
  const parse = (v: string) => v.split('.').map(Number) as [number, number, number];
  const atLeast = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const v = parse(version);
  return range.split('||').some((alt) => {
    const m = /^\s*(\^|>=)(\d+\.\d+\.\d+)\s*$/.exec(alt);
    if (!m) throw new Error(`unexpected range part "${alt}"`);
    const min = parse(m[2]!);
    return atLeast(v, min) >= 0 && (m[1] === '>=' || v[0] === min[0]);
  });
}

describe('the runtime the image and package.json name', () => {
  it('the image runs a supported LTS line (22 or 24) in every stage', () => {
    const froms = dockerfile.split('\n').filter((l) => /^FROM\s/i.test(l));
    expect(froms.length).toBeGreaterThan(0);
    for (const from of froms) expect(from).toMatch(/^FROM node:(22|24)(-[a-z]+)*(-slim)?(\s+AS\s+\w+)?$/);
  });

  it('`engines` names Node 22 and 24 LTS and still Node 20.18.1+ (this code runs on it), and the lockfile agrees', () => {
    const range = pkg.engines.node;
    expect(lock.packages['']?.engines?.node).toBe(range);
    for (const ok of ['20.18.1', '20.19.4', '22.11.0', '22.20.0', '24.11.0', '24.12.1', process.versions.node])
      expect(satisfies(ok, range), ok).toBe(true);
    for (const no of ['18.20.4', '20.18.0', '21.7.3', '22.10.0', '23.11.0', '24.10.0']) expect(satisfies(no, range), no).toBe(false);
  });

  it('one `npm ci` in the image from the package files alone, then the build `prepare` runs; no `# syntax` line to pull', () => {
    const lines = dockerfile.split('\n');
    expect(lines.filter((l) => /^\s*#\s*syntax\s*=/i.test(l))).toEqual([]);
    const installs = lines.filter((l) => /\bnpm ci\b/.test(l) && !l.trimStart().startsWith('#'));
    // The lockfile's install, as CI's `npm ci`; the dependencies' own scripts (sqlite3) run in `npm rebuild`.
    expect(installs).toEqual(['RUN npm ci --ignore-scripts && npm rebuild']);
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm ci$/m);
    expect(pkg.scripts.prepare).toBe('npm run build');
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    // Only the package files before the install, so a change to src/ reuses the install layer.
    const copiesBeforeInstall = lines.slice(0, at(/^RUN npm ci/)).filter((l) => l.startsWith('COPY'));
    expect(copiesBeforeInstall).toEqual(['COPY package.json package-lock.json ./']);
    // Then what `prepare` runs, on the sources, and the dev dependencies pruned after it.
    expect(at(/^COPY src /)).toBeGreaterThan(at(/^RUN npm ci/));
    expect(at(/^COPY .*tsconfig\.build\.json/)).toBeGreaterThan(at(/^RUN npm ci/));
    expect(lines[at(/^RUN npm run build/)]).toBe('RUN npm run build && npm prune --omit=dev');
    expect(at(/^RUN npm run build/)).toBeGreaterThan(at(/^COPY src /));
    // The final stage takes the pruned node_modules and the compiled dist/ only.
    const final = lines.slice(lines.findLastIndex((l) => l.startsWith('FROM ')));
    expect(final.filter((l) => l.startsWith('COPY'))).toEqual([
      'COPY --from=build /app/node_modules ./node_modules',
      'COPY package.json ./',
      'COPY --from=build /app/dist ./dist',
    ]);
  });

  it('pino-pretty is a dev dependency, pruned from the image', () => {
    expect(pkg.devDependencies['pino-pretty']).toBeDefined();
    expect(pkg.dependencies['pino-pretty']).toBeUndefined();
    expect(lock.packages['node_modules/pino-pretty']?.dev).toBe(true);
  });
});

describe('log format', () => {
  const sink = () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString('utf8');
        done();
      },
    });
    return { stream, text: () => text };
  };

  it('readable lines through pino-pretty, secrets still redacted', () => {
    const out = sink();
    const stream = prettyStream({ destination: out.stream, colorize: false });
    expect(stream).toBeDefined();
    const logger = createLogger('info', stream);
    logger.info({ route: 'users.list', accessToken: 'tok-5d1c' }, 'Zoom answered');
    expect(out.text()).toMatch(/INFO.*Zoom answered/);
    expect(out.text()).toContain('route: "users.list"');
    expect(out.text()).not.toContain('tok-5d1c');
    expect(() => JSON.parse(out.text())).toThrow();
  });

  it("with tracing on, lines carry the active trace ids, from the gateway's own logger and from one handed in", () => {
    const ids = { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' };
    let active: typeof ids | undefined = ids;
    const own = sink();
    createLogger('info', own.stream, { traceFields: () => active }).info({ route: 'users.list' }, 'one');
    const given = sink();
    hardenLogger(pino(given.stream), () => active)
      .child({ reqId: 'r1' })
      .info({ token: 'tok-77' }, 'two');
    active = undefined;
    createLogger('info', own.stream, { traceFields: () => active }).info('three');
    const lines = [...own.text().split('\n'), ...given.text().split('\n')]
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'one')).toMatchObject({ ...ids, route: 'users.list' });
    expect(lines.find((l) => l.msg === 'two')).toMatchObject({ ...ids, reqId: 'r1', token: '[redacted]' });
    expect(lines.find((l) => l.msg === 'three')).not.toHaveProperty('trace_id');
  });

  it('JSON when pino-pretty cannot be loaded (the image has no dev dependencies)', () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'pino-pretty'"), { code: 'MODULE_NOT_FOUND' });
    };
    expect(prettyStream({ load: missing })).toBeUndefined();
  });
});
