import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeZoom, ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { NO_S2S, USER_OAUTH_ENV, bearer, installViaBrowser, member } from '../helpers/userOAuth.js';

type Role = 'admin' | 'user';
interface Caller {
  role: Role;
  authorized: boolean;
  user: ZoomUser;
  headers: Record<string, string>;
}

const ME = '{ me { id } }';
const INSTALL_URL = 'https://gateway.example.test/oauth/install';

/** One gateway per S2S setting, four callers on it: {admin, user} × {authorized the app, not}. */
async function setup(s2s: boolean): Promise<{ h: Harness; callers: Caller[] }> {
  const h = await startHarness({ env: { ...USER_OAUTH_ENV, ...(s2s ? {} : NO_S2S) } });
  const callers: Caller[] = [];
  let n = 0;
  for (const role of ['admin', 'user'] as const) {
    for (const authorized of [true, false]) {
      const user = member(h.fake, n);
      const headers = await bearer(h.fake, { sub: `caller-${n++}`, zoom_user_id: user.id, roles: [role] });
      if (authorized) {
        h.fake.knobs.setAuthorizingUser(user.id);
        expect((await installViaBrowser(h, headers)).status).toBe(200);
      }
      callers.push({ role, authorized, user, headers });
    }
  }
  h.fake.resetCounters();
  return { h, callers };
}

const restCalls = (fake: FakeZoom) => fake.requests.filter((r) => r.route.startsWith('users.'));

for (const s2s of [true, false]) {
  describe(`token selection with S2S ${s2s ? 'configured' : 'not configured'}`, () => {
    let h: Harness;
    let callers: Caller[];
    beforeAll(async () => ({ h, callers } = await setup(s2s)));
    afterAll(() => h?.stop());

    for (const role of ['admin', 'user'] as const) {
      for (const authorized of [true, false]) {
        const expected = authorized
          ? 'the user token with me'
          : s2s
            ? 'S2S with me rewritten to the caller'
            : 'ZOOM_AUTHORIZATION_REQUIRED';
        it(`${role}, ${authorized ? 'authorized' : 'not authorized'} → ${expected}`, async () => {
          const caller = callers.find((c) => c.role === role && c.authorized === authorized)!;
          h.fake.resetCounters();
          const r = await h.gql<{ me: { id: string } }>(ME, {}, caller.headers);
          const calls = restCalls(h.fake);
          if (authorized) {
            expect(r.data?.me.id).toBe(caller.user.id);
            expect(calls.map((c) => [c.tokenKind, c.tokenUserId, c.path])).toEqual([['user', caller.user.id, '/v2/users/me']]);
          } else if (s2s) {
            expect(r.data?.me.id).toBe(caller.user.id);
            expect(calls.map((c) => [c.tokenKind, c.path])).toEqual([['s2s', `/v2/users/${caller.user.id}`]]);
          } else {
            expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_AUTHORIZATION_REQUIRED', installUrl: INSTALL_URL });
            expect(calls).toEqual([]);
          }
          const status = await h.gql<{ credentials: { selectedSource: string | null } }>(
            '{ credentials { selectedSource } }',
            {},
            caller.headers,
          );
          expect(status.data?.credentials.selectedSource).toBe(authorized ? 'USER' : s2s ? 'S2S' : null);
        });
      }
    }

    it('a user-role caller reading another user → FORBIDDEN before any Zoom call', async () => {
      const caller = callers.find((c) => c.role === 'user' && c.authorized)!;
      const other = callers.find((c) => c !== caller)!;
      h.fake.resetCounters();
      const r = await h.gql(`query($id: ID!) { user(id: $id) { id } }`, { id: other.user.id }, caller.headers);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(h.fake.hits()).toBe(0);
    });

    it(`an admin reading another user uses ${s2s ? 'S2S' : 'nothing: its own token never acts for others'}`, async () => {
      const admin = callers.find((c) => c.role === 'admin' && c.authorized)!;
      const other = callers.find((c) => c.role === 'user')!;
      h.fake.resetCounters();
      const r = await h.gql<{ user: { id: string } }>(`query($id: ID!) { user(id: $id) { id } }`, { id: other.user.id }, admin.headers);
      if (s2s) {
        expect(r.data?.user.id).toBe(other.user.id);
        expect(restCalls(h.fake).map((c) => [c.tokenKind, c.path])).toEqual([['s2s', `/v2/users/${other.user.id}`]]);
      } else {
        expect(r.errors?.[0]?.extensions?.code).toBe('ZOOM_AUTHORIZATION_REQUIRED');
        expect(h.fake.hits()).toBe(0);
      }
    });

    it('a user-role caller whose credential names no Zoom user never gets the account owner through S2S', async () => {
      const headers = await bearer(h.fake, { sub: 'anonymous-user', roles: ['user'] });
      h.fake.resetCounters();
      const r = await h.gql(ME, {}, headers);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_AUTHORIZATION_REQUIRED', installUrl: INSTALL_URL });
      expect(h.fake.hits()).toBe(0);
    });
  });
}
