import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { ZoomUser } from '../../src/sandbox/index.js';
import { JWT_SECRET, bearer } from '../helpers/userOAuth.js';
import { startHarness, type Harness } from '../helpers/gateway.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let h: Harness;
let owner: ZoomUser;
let alice: ZoomUser;

const ME = `{ me { id email } }`;
const CREATE = `mutation { createMeeting(input: { topic: "as owner?" }) { id hostId } }`;

beforeAll(async () => {
  h = await startHarness({ env: { GATEWAY_AUTH: 'jwt', GATEWAY_JWT_SECRET: JWT_SECRET } });
  owner = h.fake.state.users.find((u) => u.role_id === '0')!;
  alice = h.fake.state.users.find((u) => u.status === 'active' && u.role_id === '2')!;
});
afterAll(() => h.stop());
beforeEach(() => h.fake.resetCounters());

describe('identity claims are validated where the principal is built', () => {
  it.each([
    ['zoom_user_id "me"', { zoom_user_id: 'me' }, /"zoom_user_id" claim must name a Zoom user, not the keyword "me"/],
    ['zoom_user_id "ME"', { zoom_user_id: 'ME' }, /"zoom_user_id" claim must name a Zoom user/],
    ['zoom_user_id " Me "', { zoom_user_id: ' Me ' }, /"zoom_user_id" claim must name a Zoom user/],
    ['email "me"', { email: 'me' }, /"email" claim must be an email address/],
    ['email "ME"', { email: 'ME' }, /"email" claim must be an email address/],
    ['zoom_user_id with a path', { zoom_user_id: '../users' }, /"zoom_user_id" claim must be a Zoom user id/],
    ['zoom_user_id with a query', { zoom_user_id: 'abc?x=1' }, /"zoom_user_id" claim must be a Zoom user id/],
    ['an over-long zoom_user_id', { zoom_user_id: 'a'.repeat(65) }, /"zoom_user_id" claim must be a Zoom user id/],
    ['email without a domain', { email: 'alice@' }, /"email" claim must be an email address/],
  ])('a user-role JWT with %s is UNAUTHENTICATED for `me` and createMeeting, and Zoom sees nothing', async (_name, claims, message) => {
    const headers = await bearer(h.fake, { sub: 'mallory', roles: ['user'], ...claims });
    for (const query of [ME, CREATE]) {
      const r = await h.gql(query, {}, headers);
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0]?.message).toMatch(message);
      expect(r.data ?? null).toBeNull();
    }
    expect(h.fake.hits()).toBe(0);
    expect(h.fake.state.meetings.filter((m) => m.topic === 'as owner?')).toHaveLength(0);
  });

  it('an admin JWT naming "me" as its Zoom user is refused too: `me` is never an identity', async () => {
    const r = await h.gql(ME, {}, await bearer(h.fake, { sub: 'ops', roles: ['admin'], zoom_user_id: 'Me' }));
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('valid claims still act as their own user, never as the owner', async () => {
    const byId = await h.gql<{ me: { id: string } }>(
      ME,
      {},
      await bearer(h.fake, { sub: 'alice-app', roles: ['user'], zoom_user_id: alice.id }),
    );
    expect(byId.data?.me.id).toBe(alice.id);
    const byEmail = await h.gql<{ me: { id: string } }>(
      ME,
      {},
      await bearer(h.fake, { sub: 'alice-app', roles: ['user'], email: alice.email }),
    );
    expect(byEmail.data?.me.id).toBe(alice.id);
    const created = await h.gql<{ createMeeting: { hostId: string } }>(
      CREATE,
      {},
      await bearer(h.fake, { sub: 'alice-app', roles: ['user'], zoom_user_id: alice.id }),
    );
    expect(created.data?.createMeeting.hostId).toBe(alice.id);
    expect(created.data?.createMeeting.hostId).not.toBe(owner.id);
  });

  it('a user-role JWT naming no Zoom user is not served as the owner over the account token', async () => {
    const r = await h.gql(ME, {}, await bearer(h.fake, { sub: 'nobody', roles: ['user'] }));
    expect(r.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_REQUIRED');
    expect(h.fake.hits()).toBe(0);
  });

  it('a user-role caller cannot reach the owner by spelling `me` as an argument', async () => {
    const headers = await bearer(h.fake, { sub: 'alice-app', roles: ['user'], zoom_user_id: alice.id });
    for (const userId of ['ME', 'Me', 'mE']) {
      const r = await h.gql(`query ($u: ID) { meetings(userId: $u) { nodes { hostId } } }`, { u: userId }, headers);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(h.fake.hits()).toBe(0);
  });
});

describe('API keys are held to the same rule', () => {
  it.each([['me'], ['ME'], ['not an email@'], ['../x']])(
    'GATEWAY_API_KEYS naming %j as the Zoom user is refused at startup',
    (zoomUser) => {
      expect(() => loadConfig({ GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: `k:${sha('key')}:user:${zoomUser}` })).toThrow(
        /GATEWAY_API_KEYS: entry 1 \("k"\)/,
      );
    },
  );

  it('a valid API key identity still loads', () => {
    expect(loadConfig({ GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: `k:${sha('key')}:user:KDcuGIm1QgePTO8WbOqwIQ` }).auth).toBeDefined();
  });
});
