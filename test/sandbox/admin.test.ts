import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliOptionsFromEnv } from '../../src/sandbox/cliOptions.js';
import { startFakeZoom } from '../../src/sandbox/index.js';
import { api, s2sToken, startFake, until } from './helpers.js';

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('admin HTTP', () => {
  it('GET /__fake/hits and /__fake/requests report what the fake saw', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    await api(fake, token, '/users/me');
    const hits = (await (await fetch(`${fake.url}/__fake/hits`)).json()) as {
      total: number;
      routes: Record<string, number>;
      tokenRequests: Record<string, number>;
    };
    expect(hits.total).toBe(2);
    expect(hits.routes['users.get']).toBe(1);
    expect(hits.tokenRequests).toEqual({ account_credentials: 1 });
    const requests = (await (await fetch(`${fake.url}/__fake/requests`)).json()) as Array<{ route: string; status: number }>;
    expect(requests.map((r) => [r.route, r.status])).toEqual([
      ['oauth.token', 200],
      ['users.get', 200],
      ['admin', 200],
    ]);
  });

  it('POST /__fake/knobs sets fail, latency, drop, malformed and account events', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    expect((await post(`${fake.url}/__fake/knobs`, { fail: { route: 'users.get', status: 502 } })).status).toBe(200);
    expect((await api(fake, token, '/users/me')).status).toBe(502);
    await post(`${fake.url}/__fake/knobs`, { drop: [{ route: 'users.get', when: 'before' }], malformed: { route: 'users.list' } });
    await expect(api(fake, token, '/users/me')).rejects.toThrow();
    const malformed = await fetch(`${fake.url}/v2/users`, { headers: { authorization: `Bearer ${token}` } });
    expect(malformed.status).toBe(200);
    const text = await malformed.text();
    expect(() => JSON.parse(text)).toThrow();
    await post(`${fake.url}/__fake/knobs`, { expireAccessTokens: true });
    expect((await api(fake, token, '/users/me')).body.message).toBe('Access token is expired.');
    const bad = await post(`${fake.url}/__fake/knobs`, { fail: { route: 'nope', status: 500 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'unknown route: nope' });
  });

  it('POST /__fake/knobs hold/release', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    await post(`${fake.url}/__fake/knobs`, { hold: 'users.get' });
    const pending = api(fake, token, '/users/me');
    await until(() => fake.requests.some((r) => r.route === 'users.get'));
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.requests.find((r) => r.route === 'users.get')?.status).toBe(0);
    await post(`${fake.url}/__fake/knobs`, { release: 'users.get' });
    expect((await pending).status).toBe(200);
  });

  it('POST /__fake/clock and /__fake/reset', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const res = (await (await post(`${fake.url}/__fake/clock`, { advanceMs: 3600_000 })).json()) as { now: number };
    expect(Math.abs(res.now - (Date.now() + 3600_000))).toBeLessThan(1000);
    expect((await api(fake, token, '/users/me')).status).toBe(401);
    const set = (await (await post(`${fake.url}/__fake/clock`, { set: Date.UTC(2031, 0, 1) })).json()) as { now: number };
    expect(Math.abs(set.now - Date.UTC(2031, 0, 1))).toBeLessThan(1000);
    await post(`${fake.url}/__fake/knobs`, { latency: { ms: 5000 } });
    expect((await post(`${fake.url}/__fake/reset`, {})).status).toBe(200);
    expect(Math.abs(fake.clock.now() - Date.now())).toBeLessThan(50);
    expect(fake.hits()).toBe(0);
    const t = Date.now();
    expect((await api(fake, token, '/users/me')).status).toBe(200);
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('GET /__fake/account and POST /__fake/user-token help a separate-process fake', async () => {
    const fake = await startFake();
    const account = (await (await fetch(`${fake.url}/__fake/account`)).json()) as { accountId: string; owner: { id: string } };
    expect(account).toMatchObject({ accountId: 'fakeAccount1', owner: { id: fake.state.owner.id } });
    const member = fake.state.users[2]!;
    const t = (await (await post(`${fake.url}/__fake/user-token`, { user: member.email })).json()) as { access_token: string };
    expect((await api(fake, t.access_token, '/users/me')).body.id).toBe(member.id);
  });
});

describe('lifecycle', () => {
  it('close() is idempotent and closes keep-alive sockets', async () => {
    const fake = await startFakeZoom({ seed: { users: 3 } });
    await fetch(`${fake.url}/__fake/hits`);
    await Promise.all([fake.close(), fake.close()]);
    await fake.close();
    await expect(fetch(`${fake.url}/__fake/hits`)).rejects.toThrow();
  });

  it('close() ends held requests without processing them', async () => {
    const fake = await startFakeZoom({ seed: { users: 3 } });
    const token = fake.state.issueS2SToken();
    const hold = fake.knobs.hold('users.get');
    const pending = api(fake, token, '/users/me');
    await hold.whenWaiting(1);
    await fake.close();
    await expect(pending).rejects.toThrow();
    await until(() => fake.requests.at(-1)?.aborted === true);
    expect(fake.requests.at(-1)?.status).toBe(0);
  });
});

describe('CLI', () => {
  it('reads options from env and reports every bad variable', () => {
    expect(cliOptionsFromEnv({ FAKE_ZOOM_PORT: '4010', FAKE_ZOOM_PLAN: 'free', FAKE_ZOOM_USERS: '100' })).toMatchObject({
      port: 4010,
      plan: 'free',
      seed: { users: 100 },
    });
    expect(() => cliOptionsFromEnv({ FAKE_ZOOM_PORT: 'x', FAKE_ZOOM_PLAN: 'gold' })).toThrow(/FAKE_ZOOM_PORT[\s\S]*FAKE_ZOOM_PLAN/);
  });

  it('prints {"url"} and stops on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('../../src/sandbox/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli], {
      env: { ...process.env, FAKE_ZOOM_USERS: '3' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const { url } = JSON.parse(line) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/v2/users/me`)).status).toBe(401);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
  });
});
