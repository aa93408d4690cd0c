import { describe, expect, it } from 'vitest';
import { startHarness, stopAfterEach } from '../helpers/gateway.js';
import { USER_OAUTH_ENV, bearer, installViaBrowser, issuedSecrets, member } from '../helpers/userOAuth.js';

const { track } = stopAfterEach();

const QUERY = `query ($from: LocalDate, $to: LocalDate) {
  me { recordings(from: $from, to: $to) { nodes { uuid shareUrl files { playUrl downloadUrl } } } }
  meetings { nodes { id pastInstances { uuid participants { nodes { name } } } recordings { shareUrl files { downloadUrl } } } }
}`;

describe('past meetings and recordings with the caller’s own Zoom token', () => {
  it('reach Zoom as the user itself (`me`), and no token reaches the answer, download URLs included', async () => {
    const h = track(await startHarness({ env: USER_OAUTH_ENV }));
    const user = member(h.fake);
    h.fake.knobs.setAuthorizingUser(user.id);
    const headers = await bearer(h.fake, { sub: 'alice', zoom_user_id: user.id, roles: ['user'] });
    expect((await installViaBrowser(h, headers)).status).toBe(200);
    const meeting = h.fake.state.seedMeetings(user.id, 1)[0]!;
    const held = h.fake.state.addPastInstance(meeting.id, { participants: 2, recording: true });
    const today = new Date(h.fake.clock.now()).toISOString().slice(0, 10);
    const from = new Date(h.fake.clock.now() - 2 * 86_400_000).toISOString().slice(0, 10);

    const r = await h.gql<{ me: { recordings: { nodes: Array<{ uuid: string; files: Array<{ downloadUrl: string }> }> } } }>(
      QUERY,
      { from, to: today },
      headers,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.me.recordings.nodes.map((n) => n.uuid)).toEqual([held.uuid]);
    for (const route of ['recordings.list', 'past.instances', 'past.participants', 'recordings.get'] as const) {
      const calls = h.fake.requests.filter((q) => q.route === route);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.every((q) => q.tokenKind === 'user' && q.tokenUserId === user.id && q.status === 200)).toBe(true);
    }
    expect(h.fake.requests.find((q) => q.route === 'recordings.list')?.path).toBe('/v2/users/me/recordings');
    const text = JSON.stringify(r.data);
    for (const secret of issuedSecrets(h.fake)) expect(text).not.toContain(secret);

    // As docs/security.md#recording-downloads says: the URL alone is refused; with a Zoom token of the client's own
    // (here one its own Zoom app holds for the user) appended as access_token, the file arrives.
    const url = r.data!.me.recordings.nodes[0]!.files[0]!.downloadUrl;
    expect((await fetch(url)).status).toBe(401);
    const clientsOwn = h.fake.state.issueUserToken(user.id).accessToken;
    expect((await fetch(`${url}?access_token=${encodeURIComponent(clientsOwn)}`)).status).toBe(200);
  });
});
