import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';

const APP = { apiKey: 'legacy-key-1', apiSecret: 'legacy-secret-0123456789' };
/** No S2S app: the harness's S2S variables are blanked, the legacy JWT app allowed. */
const LEGACY_ENV = {
  ZOOM_ACCOUNT_ID: '',
  ZOOM_CLIENT_ID: '',
  ZOOM_CLIENT_SECRET: '',
  ZOOM_API_KEY: APP.apiKey,
  ZOOM_API_SECRET: APP.apiSecret,
  ZOOM_LEGACY_JWT: 'allow',
};

let harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.map((h) => h.stop()));
  harnesses = [];
});

describe('legacy JWT app credentials with ZOOM_LEGACY_JWT=allow', () => {
  it('serve the same queries and mutations as S2S: no token endpoint, fresh signed JWTs', async () => {
    const h = await startHarness({ env: LEGACY_ENV, fakeOptions: { legacyJwtApps: [APP] } });
    harnesses.push(h);
    expect(h.app.config.s2s).toBeNull();
    const created = await h.gql<{ createMeeting: { id: string; hostId: string } }>(
      `mutation { createMeeting(input: { topic: "via JWT app" }) { id hostId } }`,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createMeeting.hostId).toBe(h.fake.state.owner.id);
    const id = created.data!.createMeeting.id;
    const r = await h.gql<{ meeting: { topic: string }; meetings: { totalCount: number }; credentials: { selectedSource: string } }>(
      `query ($id: ID!) { meeting(id: $id) { topic } meetings { totalCount } credentials { selectedSource } }`,
      { id },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.meeting.topic).toBe('via JWT app');
    expect(r.data?.credentials.selectedSource).toBe('LEGACY');
    const rest = h.fake.requests.filter((x) => x.path.startsWith('/v2/'));
    expect(rest.length).toBeGreaterThanOrEqual(3);
    expect(rest.every((x) => x.tokenKind === 'legacy' && x.status < 300)).toBe(true);
    expect(h.fake.hits('oauth.token')).toBe(0);
  });

  it('a fake that no longer honours JWT apps answers 401/124: the gateway re-signs once, then reports the Zoom error', async () => {
    const h = await startHarness({ env: LEGACY_ENV });
    harnesses.push(h);
    const r = await h.gql(`{ meetings { totalCount } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ZOOM_API_ERROR', zoomCode: 124 });
    expect(h.fake.requests.filter((x) => x.route === 'meetings.list').map((x) => x.status)).toEqual([401, 401]);
  });
});
