import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoop, poolFor, type Target } from '../../bench/loadgen.js';
import { loadSettings, DEFAULTS } from '../../bench/settings.js';
import { atLeast, atMost, percentile, summarize } from '../../bench/stats.js';
import { renderTable } from '../../bench/table.js';
import { distinctPerWorker } from '../../bench/distinct.js';
import { gatewayTarget } from '../../bench/targets.js';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
  });

  it('gives NaN for no samples and refuses percentiles outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it('pools segments: requests over total measured time, percentiles over every sample', () => {
    const stats = summarize([
      { ok: 100, failed: 0, seconds: 2, completedAll: 120, latenciesMs: Array(100).fill(10) },
      { ok: 300, failed: 2, seconds: 2, completedAll: 320, latenciesMs: Array(300).fill(20), firstFailure: 'HTTP 500' },
    ]);
    expect(stats.reqPerSec).toBe(100);
    expect(stats.p50Ms).toBe(20);
    expect(stats.ok).toBe(400);
    expect(stats.failed).toBe(2);
    expect(stats.firstFailure).toBe('HTTP 500');
  });

  it('never passes a target it could not measure (NaN)', () => {
    expect(atLeast('ratio', Number.NaN, 0.5).pass).toBe(false);
    expect(atMost('ms', Number.NaN, 2).pass).toBe(false);
    expect(atLeast('ratio', 0.5, 0.5).pass).toBe(true);
    expect(atMost('ms', 2.01, 2).pass).toBe(false);
  });

  it('right-aligns numeric columns and left-aligns text', () => {
    const text = renderTable(
      ['name', 'req/s'],
      [
        ['direct', 1234.5],
        ['gateway', 7],
      ],
    );
    const lines = text.split('\n');
    expect(lines[2]).toBe('direct    1235');
    expect(lines[3]).toBe('gateway   7.00');
  });
});

describe('bench settings', () => {
  it('uses the defaults without BENCH_* variables', () => {
    expect(loadSettings({})).toEqual(DEFAULTS);
  });

  it('reads overrides, fractional seconds included', () => {
    expect(loadSettings({ BENCH_ARM_SECONDS: '2.5', BENCH_CONCURRENCY: '8' })).toMatchObject({ armSeconds: 2.5, concurrency: 8 });
  });

  it('reports every bad value at once: not a number, zero, negative, fractional count', () => {
    const run = () => loadSettings({ BENCH_ARM_SECONDS: 'ten', BENCH_SEGMENTS: '0', BENCH_INFLIGHT: '-5', BENCH_CONCURRENCY: '1.5' });
    expect(run).toThrow(/BENCH_ARM_SECONDS must be a positive number \(got "ten"\)/);
    expect(run).toThrow(/BENCH_SEGMENTS must be a positive integer/);
    expect(run).toThrow(/BENCH_INFLIGHT must be a positive integer/);
    expect(run).toThrow(/BENCH_CONCURRENCY must be a positive integer \(got "1.5"\)/);
  });
});

describe('closed-loop load generator', () => {
  let server: Server;
  let origin: string;
  let served = 0;
  const seen: string[] = [];

  beforeAll(async () => {
    // Every third request fails with 500; every other answer is a GraphQL success.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => seen.push(`${req.url} ${body}`));
      served++;
      if (served % 3 === 0) res.writeHead(500).end('{"errors":[{"message":"boom"}]}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends exactly maxRequests, counts failures apart from successes and keeps the first failure', async () => {
    served = 0;
    seen.length = 0;
    const target: Target = gatewayTarget(origin, { 'x-api-key': 'k' }, '{ ok }');
    const pool = poolFor(origin, 4);
    try {
      const run = await closedLoop(pool, target, { concurrency: 4, warmupMs: 0, durationMs: 30_000, maxRequests: 30 });
      expect(served).toBe(30);
      expect(run.ok).toBe(20);
      expect(run.failed).toBe(10);
      expect(run.completedAll).toBe(30);
      expect(run.latenciesMs).toHaveLength(20);
      expect(run.firstFailure).toMatch(/^HTTP 500: \{"errors"/);
    } finally {
      await pool.close();
    }
  });

  it('gives each worker its own variant, and distinctPerWorker gives each worker its own Zoom URL in every arm', async () => {
    seen.length = 0;
    const base = gatewayTarget(origin, {}, '{ ok }');
    const direct: Target = { ...base, method: 'GET', path: '/v2/users?status=active&page_size=30', body: undefined };
    const arms = distinctPerWorker({ direct, gateway: base, bare: base }, 3);
    const pool = poolFor(origin, 3);
    try {
      for (const target of [arms.direct, arms.gateway])
        await closedLoop(pool, target, { concurrency: 3, warmupMs: 0, durationMs: 30_000, maxRequests: 6 });
    } finally {
      await pool.close();
    }
    const paths = seen.filter((l) => l.startsWith('/v2/users')).map((l) => l.trim());
    expect(new Set(paths)).toEqual(new Set([30, 31, 32].map((n) => `/v2/users?status=active&page_size=${n}`)));
    const firsts = seen
      .filter((l) => l.startsWith('/graphql'))
      .map((l) => (JSON.parse(l.slice('/graphql '.length)) as { variables: { first: number } }).variables.first);
    expect(new Set(firsts)).toEqual(new Set([30, 31, 32]));
  });

  it('counts a transport error as a failure, not a crash', async () => {
    const target: Target = { ...gatewayTarget('http://127.0.0.1:1', {}, '{ ok }') };
    const pool = poolFor(target.origin, 1);
    try {
      const run = await closedLoop(pool, target, { concurrency: 1, warmupMs: 0, durationMs: 30_000, maxRequests: 2 });
      expect(run.ok).toBe(0);
      expect(run.failed).toBe(2);
      expect(run.firstFailure).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await pool.close();
    }
  });

  it('refuses a warm-up together with maxRequests (the count would include discarded requests)', async () => {
    const pool = poolFor(origin, 1);
    try {
      await expect(
        closedLoop(pool, gatewayTarget(origin, {}, '{ ok }'), { concurrency: 1, warmupMs: 10, durationMs: 10, maxRequests: 1 }),
      ).rejects.toThrow(/warm-up/);
    } finally {
      await pool.close();
    }
  });
});

describe('the gateway command the bench and the tests share with the Dockerfile', () => {
  it("reads the Dockerfile's last exec-form CMD and refuses anything but node", async () => {
    const { dockerCmd } = await import('../../bench/dockerCmd.js');
    expect(dockerCmd('FROM node:20\nCMD ["node", "old.js"]\nCMD ["node", "--flag", "dist/main.js"]\n')).toEqual([
      'node',
      '--flag',
      'dist/main.js',
    ]);
    expect(() => dockerCmd('FROM node:20\nCMD node dist/main.js\n')).toThrow(/no CMD in exec form/);
    expect(() => dockerCmd('CMD ["sh", "-c", "node dist/main.js"]')).toThrow(/not \["node"/);
    expect(dockerCmd().at(-1)).toBe('dist/main.js');
  });
});
