import { describe, expect, it } from 'vitest';
import { api, basic, S2S, s2sToken, startFake, tokenRequest } from './helpers.js';

describe('per-account rate limits', () => {
  it('QPS: the 5th Light request within a second on Free is 429 with headers; ok again a second later', async () => {
    const fake = await startFake({ plan: 'free' });
    fake.clock.set(Date.UTC(2030, 0, 1, 10, 0, 0));
    fake.clock.freeze();
    const token = await s2sToken(fake);
    const ok = [];
    for (let i = 0; i < 4; i++) ok.push(await api(fake, token, '/users/me'));
    expect(ok.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(ok[0]?.headers.get('x-ratelimit-category')).toBe('Light');
    expect(ok[0]?.headers.get('x-ratelimit-limit')).toBe('6000');
    expect(ok[0]?.headers.get('x-ratelimit-remaining')).toBe('5999');
    const limited = await api(fake, token, '/users/me');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      code: 429,
      message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
    });
    expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
    expect(limited.headers.get('x-ratelimit-category')).toBe('Light');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('4');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-zm-trackingid')).toBeTruthy();
    fake.clock.advance(1000);
    expect((await api(fake, token, '/users/me')).status).toBe(200);
  });

  it('counts per category and per account, across tokens', async () => {
    const fake = await startFake({ plan: 'free' });
    fake.clock.freeze();
    const a = await s2sToken(fake);
    const b = fake.state.issueUserToken(fake.state.owner.id).accessToken;
    expect((await api(fake, a, '/users')).status).toBe(200);
    expect((await api(fake, b, '/users')).status).toBe(200);
    const third = await api(fake, a, '/users');
    expect(third.status).toBe(429);
    expect(third.headers.get('x-ratelimit-category')).toBe('Medium');
    expect((await api(fake, b, '/users/me')).status).toBe(200);
  });

  it('Pro: 30 Light requests per second, limit header 30', async () => {
    const fake = await startFake();
    fake.clock.set(Date.UTC(2030, 0, 1, 10, 0, 0));
    fake.clock.freeze();
    const token = await s2sToken(fake);
    const statuses: number[] = [];
    let last: Headers | undefined;
    for (let i = 0; i < 31; i++) {
      const res = await api(fake, token, '/users/me');
      statuses.push(res.status);
      if (i === 0) last = res.headers;
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses[30]).toBe(429);
    expect(last?.get('x-ratelimit-limit')).toBe('30');
    expect(last?.get('x-ratelimit-remaining')).toBe('29');
  });

  it('Free daily limit: 429 Daily-limit with Retry-After at the next UTC midnight', async () => {
    const fake = await startFake({ plan: 'free' });
    fake.clock.set(Date.UTC(2030, 0, 1, 23, 0, 0));
    fake.clock.freeze();
    const token = await s2sToken(fake);
    fake.rateLimiter.consumeDaily(fake.accountId, 'Medium', 1999);
    const last = await api(fake, token, '/users');
    expect(last.status).toBe(200);
    expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
    fake.clock.advance(2000);
    const over = await api(fake, token, '/users');
    expect(over.status).toBe(429);
    expect(over.body.message).toBe(
      'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
    );
    expect(over.headers.get('x-ratelimit-type')).toBe('Daily-limit');
    expect(over.headers.get('retry-after')).toBe('2030-01-02T00:00:00Z');
    expect((await api(fake, token, '/users/me')).status).toBe(200);
    fake.clock.set(Date.UTC(2030, 0, 2, 0, 0, 1));
    expect((await api(fake, await s2sToken(fake), '/users')).status).toBe(200);
  });

  it('does not limit /oauth/*; rateLimits:false disables enforcement but keeps headers', async () => {
    const fake = await startFake({ plan: 'free', rateLimits: false });
    for (let i = 0; i < 6; i++) {
      const res = await tokenRequest(
        fake,
        { grant_type: 'account_credentials', account_id: S2S.accountId },
        basic(S2S.clientId, S2S.clientSecret),
      );
      expect(res.status).toBe(200);
    }
    const token = await s2sToken(fake);
    const res = [];
    for (let i = 0; i < 6; i++) res.push(await api(fake, token, '/users'));
    expect(res.every((r) => r.status === 200)).toBe(true);
    expect(res[5]?.headers.get('x-ratelimit-category')).toBe('Medium');
  });

  it('401s are not counted', async () => {
    const fake = await startFake({ plan: 'free' });
    for (let i = 0; i < 5; i++) expect((await api(fake, 'bad', '/users')).status).toBe(401);
    expect((await api(fake, await s2sToken(fake), '/users')).status).toBe(200);
  });
});
