import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/gateway.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const SECRETS = {
  apiKey: 'zgg-live-key-7d1c0a5e9b',
  wrongBearer: 'eyJhbGciOiJIUzI1NiJ9.wrong-bearer-4f2a',
  oauthCode: 'oauth-code-93b1f0c2',
  oauthState: 'oauth-state-5e8d7a61',
  inlineArg: 'tok_inline_argument_1e9f',
  variable: 'tok_variable_value_88c4',
  getQueryArg: 'tok_get_query_arg_03aa',
  malformedBody: 'tok_in_malformed_body_51bd',
  unknownRouteCode: 'code-on-unknown-route-2c77',
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('logs carry request ids and tracking ids, never secrets', () => {
  it('none of the secrets a request carries, nor the tokens and ZAKs the gateway handles, appear in any log line', async () => {
    h = await startHarness({ env: { GATEWAY_AUTH: 'apikey', GATEWAY_API_KEYS: `ops:${sha256(SECRETS.apiKey)}:admin` } });
    const { url } = h;
    const auth = { 'x-api-key': SECRETS.apiKey };
    const post = (body: string, headers: Record<string, string> = auth) =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    // A caller with a wrong bearer token: refused, and the token is not logged.
    const refused = await post(JSON.stringify({ query: '{ credentials { sandbox } }' }), {
      authorization: `Bearer ${SECRETS.wrongBearer}`,
    });
    expect(refused.status).toBe(401);
    // Token-looking arguments, inline and as variables; the first call also fetches the S2S token.
    expect((await post(JSON.stringify({ query: `{ user(id: "${SECRETS.inlineArg}") { id } }` }))).status).toBe(200);
    expect(
      (await post(JSON.stringify({ query: 'query($id: ID!) { user(id: $id) { id } }', variables: { id: SECRETS.variable } }))).status,
    ).toBe(200);
    // The whole operation in the query string of a GET.
    const get = await fetch(`${url}/graphql?query=${encodeURIComponent(`{ user(id: "${SECRETS.getQueryArg}") { id } }`)}`, {
      headers: { ...auth, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    // A body the JSON parser rejects (its error message would quote the body).
    expect((await post(`{"query": "{ user(id: \\"${SECRETS.malformedBody}\\") { id } }",`)).status).toBe(400);
    // OAuth callback and an unknown route, both with secrets in the query string.
    await fetch(`${url}/oauth/callback?code=${SECRETS.oauthCode}&state=${SECRETS.oauthState}`);
    const unknown = await fetch(`${url}/nowhere?code=${SECRETS.unknownRouteCode}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toContain(SECRETS.unknownRouteCode);
    // A ZAK passes through the gateway.
    const meeting = h.fake.state.meetings[0];
    const started = await post(
      JSON.stringify({ query: 'mutation($id: ID!) { startMeetingToken(meetingId: $id) { zak } }', variables: { id: String(meeting?.id) } }),
    );
    const zak = ((await started.json()) as { data?: { startMeetingToken?: { zak?: string } } }).data?.startMeetingToken?.zak;
    expect(zak).toBeTruthy();

    const accessTokens = [...new Set(h.fake.requests.map((r) => r.accessToken).filter((t): t is string => Boolean(t)))];
    expect(accessTokens.length).toBeGreaterThan(0);
    const forbidden = [...Object.values(SECRETS), ...accessTokens, zak as string, 'sandbox-s2s-secret'];
    const text = h.logs.join('\n');
    for (const secret of forbidden) expect(text, `log lines contain ${secret}`).not.toContain(secret);

    // The requests were logged, so the absence above means something: paths, query names, no values.
    expect(text).toContain('"url":"/nowhere?code=[redacted]"');
    expect(text).toContain('"url":"/graphql?query=[redacted]"');
    expect(text).toContain('GraphQL request body rejected');
  });

  it("a Zoom failure's log line carries Zoom's tracking id and the request id", async () => {
    h = await startHarness();
    h.fake.knobs.fail({
      route: 'users.list',
      status: 400,
      body: { code: 1234, message: 'Something Zoom did not like.' },
      headers: { 'x-zm-trackingid': 'v=2.0;clid=us06;rid=WEB_tracking_77' },
    });
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-zoom-failure' },
      body: JSON.stringify({ query: '{ users(first: 1) { nodes { id } } }' }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'ZOOM_API_ERROR',
      zoomCode: 1234,
      trackingId: 'v=2.0;clid=us06;rid=WEB_tracking_77',
    });
    const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'Zoom call failed');
    expect(line).toMatchObject({
      trackingId: 'v=2.0;clid=us06;rid=WEB_tracking_77',
      route: 'users.list',
      status: 400,
      zoomCode: 1234,
      reqId: 'req-zoom-failure',
    });
  });
});
