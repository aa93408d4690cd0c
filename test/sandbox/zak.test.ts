import { describe, expect, it } from 'vitest';
import { api, s2sToken, startFake } from './helpers.js';

describe('GET /users/{userId}/token', () => {
  it('type=zak returns a ZAK that expires after ttl (default 7200 s)', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const user = fake.state.users[2]!;
    const res = await api<{ token: string }>(fake, token, `/users/${user.id}/token?type=zak`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['token']);
    const zak = fake.state.zaks.get(res.body.token)!;
    expect(zak.userId).toBe(user.id);
    expect(zak.expiresAt - zak.issuedAt).toBe(7200_000);
    const short = await api<{ token: string }>(fake, token, `/users/${user.email}/token?type=zak&ttl=60`);
    expect(fake.state.isZakValid(short.body.token)).toBe(true);
    fake.clock.advance(60_001);
    expect(fake.state.isZakValid(short.body.token)).toBe(false);
    expect(fake.state.isZakValid(res.body.token)).toBe(true);
  });

  it('refuses the retired type=token (also the default) and a bad ttl', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    for (const q of ['', '?type=token']) {
      expect(await api(fake, token, `/users/me/token${q}`)).toMatchObject({
        status: 400,
        body: { code: 300, message: 'Token is no longer supported. Please use ZAK token instead.' },
      });
    }
    for (const ttl of ['0', '31536001', 'x']) {
      expect((await api(fake, token, `/users/me/token?type=zak&ttl=${ttl}`)).body.errors).toEqual([
        { field: 'ttl', message: 'Invalid field.' },
      ]);
    }
    expect((await api(fake, token, '/users/me/token?type=zak&ttl=31536000')).status).toBe(200);
    expect((await api(fake, token, '/users/me/token?type=bogus')).status).toBe(400);
  });

  it('404/1001 for an unknown user', async () => {
    const fake = await startFake();
    expect((await api(fake, await s2sToken(fake), '/users/ghost/token?type=zak')).body).toEqual({
      code: 1001,
      message: 'User does not exist: ghost.',
    });
  });
});

describe('GET /users/me/zak', () => {
  it('gives the token user a ZAK for five minutes', async () => {
    const fake = await startFake();
    const member = fake.state.users[3]!;
    const { accessToken } = fake.state.issueUserToken(member.id);
    const res = await api<{ token: string }>(fake, accessToken, '/users/me/zak');
    expect(res.status).toBe(200);
    const zak = fake.state.zaks.get(res.body.token)!;
    expect(zak).toMatchObject({ userId: member.id, invalidated: false });
    expect(zak.expiresAt - zak.issuedAt).toBe(300_000);
  });

  it('400/1001 with an S2S token', async () => {
    const fake = await startFake();
    const res = await api(fake, await s2sToken(fake), '/users/me/zak');
    expect(res).toMatchObject({ status: 400, body: { code: 1001 } });
  });

  it('knobs.invalidateZaks signs the user out of every ZAK', async () => {
    const fake = await startFake();
    const token = await s2sToken(fake);
    const a = await api<{ token: string }>(fake, token, `/users/${fake.state.owner.id}/token?type=zak`);
    const other = await api<{ token: string }>(fake, token, `/users/${fake.state.users[1]!.id}/token?type=zak`);
    fake.knobs.invalidateZaks(fake.state.owner.id);
    expect(fake.state.isZakValid(a.body.token)).toBe(false);
    expect(fake.state.isZakValid(other.body.token)).toBe(true);
  });
});
