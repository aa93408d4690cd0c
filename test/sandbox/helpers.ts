import { afterEach } from 'vitest';
import { SANDBOX_CREDENTIALS, startFakeZoom, type FakeZoom, type FakeZoomOptions } from '../../src/sandbox/index.js';

const running: FakeZoom[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.close()));
});

/** A fake on port 0 that is closed after the test. */
export async function startFake(options: FakeZoomOptions = {}): Promise<FakeZoom> {
  const fake = await startFakeZoom({ seed: { users: 8 }, ...options });
  running.push(fake);
  return fake;
}

export function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

export const S2S = SANDBOX_CREDENTIALS.s2s;
export const OAUTH_APP = SANDBOX_CREDENTIALS.oauth;
export const REDIRECT = 'https://app.example.com/oauth/callback';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

async function toJson<T>(res: Response): Promise<JsonResponse<T>> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** POST /oauth/token with a form body and Basic auth (default: the sandbox OAuth app). */
export async function tokenRequest(
  fake: FakeZoom,
  params: Record<string, string>,
  auth = basic(OAUTH_APP.clientId, OAUTH_APP.clientSecret),
): Promise<JsonResponse> {
  const res = await fetch(`${fake.url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return toJson(res);
}

export async function s2sToken(fake: FakeZoom): Promise<string> {
  const res = await tokenRequest(
    fake,
    { grant_type: 'account_credentials', account_id: S2S.accountId },
    basic(S2S.clientId, S2S.clientSecret),
  );
  if (res.status !== 200) throw new Error(`S2S token failed: ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}

/** Runs /oauth/authorize and returns the code from the redirect. */
export async function authorize(fake: FakeZoom, extra: Record<string, string> = {}): Promise<{ code: string; location: URL }> {
  const q = new URLSearchParams({ response_type: 'code', client_id: OAUTH_APP.clientId, redirect_uri: REDIRECT, state: 'xyz', ...extra });
  const res = await fetch(`${fake.url}/oauth/authorize?${q}`, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`authorize failed: ${res.status} ${await res.text()}`);
  const location = new URL(res.headers.get('location') ?? '');
  return { code: location.searchParams.get('code') ?? '', location };
}

/** Full authorization-code flow → access and refresh token of the authorizing user. */
export async function userTokens(fake: FakeZoom): Promise<{ access: string; refresh: string }> {
  const { code } = await authorize(fake);
  const res = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
  if (res.status !== 200) throw new Error(`code exchange failed: ${JSON.stringify(res.body)}`);
  return { access: res.body.access_token as string, refresh: res.body.refresh_token as string };
}

/** A REST call with a bearer token; JSON bodies are serialised. */
export async function api<T = Record<string, unknown>>(
  fake: FakeZoom,
  token: string | undefined,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`${fake.url}/v2${path}`, { method: init.method ?? 'GET', headers, body });
  return toJson<T>(res);
}

export async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
