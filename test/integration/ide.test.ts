import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { prefersHtml } from '../../src/http/graphiql.js';
import { captureLogs, startHarness, type Harness } from '../helpers/gateway.js';
import { fakeLive, subscribeFakeWebhooks } from '../helpers/subscriptions.js';
import { WEBHOOK_SECRET } from '../helpers/webhooks.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/**
 * Runs in the page (a string: this project compiles without DOM types). CodeMirror renders only
 * the visible lines, so read the result editor's whole value, once a response has arrived.
 */
const RESULT_TEXT = `(() => {
  const el = document.querySelector('.result-window .CodeMirror');
  const text = el && el.CodeMirror ? el.CodeMirror.getValue() : '';
  return text.includes('"users"') ? text : false;
})()`;

/** The result editor's whole value once it holds a GraphQL response of any kind. */
const ANY_RESULT_TEXT = `(() => {
  const el = document.querySelector('.result-window .CodeMirror');
  const text = el && el.CodeMirror ? el.CodeMirror.getValue() : '';
  return /"(data|errors)"/.test(text) ? text : false;
})()`;

/** The text of the sandbox badge in GraphiQL's logo, or null. */
const SANDBOX_BADGE = `(() => {
  const badge = document.querySelector('.graphiql-logo .zgg-sandbox-badge');
  return badge ? badge.textContent : null;
})()`;

/** Evaluates `expression` through the devtools protocol until it returns something truthy. */
async function pollPage(page: { evaluate(expression: string): Promise<unknown> }, expression: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(expression);
    if (typeof value === 'string' && value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the GraphiQL result`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`SKIPPED: GraphiQL browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
}

describe('prefersHtml: who gets the IDE instead of GraphQL over HTTP', () => {
  it.each([
    [BROWSER_ACCEPT, true],
    ['text/html', true],
    ['text/html, application/json;q=0.9', true],
    // Ties and wildcards go to JSON: curl, fetch() and GraphQL clients must reach Apollo.
    ['*/*', false],
    ['text/html, application/json', false],
    ['application/json', false],
    ['application/graphql-response+json, application/json', false],
    // Only text is acceptable, so JSON is not an option at all.
    ['text/*', true],
    ['text/html;q=0, */*', false],
    ['text/html;q=abc', false],
    ['', false],
    [undefined, false],
  ])('Accept %j → %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });
});

describe('GraphiQL routes', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('serves the page to browsers at /graphql and /graphiql, with every asset local and a self-only CSP', async () => {
    h = await startHarness();
    for (const path of ['/graphql', '/graphiql']) {
      const res = await fetch(`${h.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      expect(html).not.toMatch(/https?:\/\//);
      // Not sandbox mode (a Zoom app is configured): no sandbox badge.
      expect(html).not.toContain('data-sandbox');
      expect(html).not.toContain('(sandbox)');
      const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(sources).toHaveLength(5);
      for (const src of sources) {
        expect(src).toMatch(/^\/graphql-ide\/assets\//);
        const asset = await fetch(`${h.url}${src}`);
        expect(asset.status, src).toBe(200);
        expect((await asset.arrayBuffer()).byteLength, src).toBeGreaterThan(100);
      }
    }
  });

  it('leaves GET queries with a JSON Accept and POSTs to Apollo', async () => {
    h = await startHarness();
    const get = await fetch(`${h.url}/graphql?query=${encodeURIComponent('{ users(first: 1) { totalCount } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { users: { totalCount: number } } }).data.users.totalCount).toBeGreaterThan(0);
    const post = await h.gql<{ users: { totalCount: number } }>('{ users(first: 1) { totalCount } }', undefined, {
      accept: BROWSER_ACCEPT,
    });
    expect(post.status).toBe(200);
    expect(post.data?.users.totalCount).toBeGreaterThan(0);
  });

  it('refuses asset names outside the fixed list, including path traversal', async () => {
    h = await startHarness();
    for (const name of [
      '..%2Fpackage.json',
      '%2E%2E%2F%2E%2E%2Fpackage.json',
      'graphiql.min.js.map',
      'index.html',
      'toString',
      '__proto__',
    ]) {
      const res = await fetch(`${h.url}/graphql-ide/assets/${name}`);
      expect(res.status, name).toBe(404);
    }
  });

  it('GRAPHQL_IDE=false: no page, no assets; a browser GET to /graphql gets a note saying so, a GraphQL client gets Apollo', async () => {
    h = await startHarness({ env: { GRAPHQL_IDE: 'false' } });
    const res = await fetch(`${h.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const note = await res.text();
    expect(note).toContain('GRAPHQL_IDE=false');
    expect(note).not.toContain('<script');
    const query = await fetch(`${h.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { accept: 'application/json' } });
    expect(query.headers.get('content-type')).toContain('application/json');
    expect(query.status).toBe(400);
    expect((await fetch(`${h.url}/graphiql`, { headers: { accept: BROWSER_ACCEPT } })).status).toBe(404);
    expect((await fetch(`${h.url}/graphql-ide/assets/graphiql.min.js`)).status).toBe(404);
  });
});

describe.skipIf(!hasChromium)('GraphiQL in headless Chromium against the sandbox', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  const logs = captureLogs('warn');

  beforeAll(async () => {
    app = await createApp(loadConfig({ ZOOM_SANDBOX: '1', CACHE_URL: 'memory://', PORT: '0', LOG_LEVEL: 'warn' }), { logger: logs.logger });
    url = await app.listen();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('loads offline, runs users(status: ACTIVE), shows seeded active users, and contacts no other host', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const requested: Array<{ method: string; url: string }> = [];
    const problems: string[] = [];
    page.on('request', (r) => requested.push({ method: r.method(), url: r.url() }));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    // No internet: anything that is not this machine fails, as it would on an air-gapped host.
    await context.route(
      (u) => !LOCAL_HOSTS.has(u.hostname),
      (route) => route.abort('internetdisconnected'),
    );

    const query = '{ users(status: ACTIVE, first: 3) { nodes { email status } } }';
    await page.goto(`${url}/graphql?query=${encodeURIComponent(query)}`);
    await page.locator('.graphiql-execute-button').click();
    // Polled from here: waitForFunction's in-page polling uses eval, which the page's CSP forbids.
    const text = await pollPage(page, RESULT_TEXT, 15_000);
    // Sandbox mode says so in the IDE itself, next to GraphiQL's name.
    expect(await page.evaluate(SANDBOX_BADGE)).toBe('sandbox');
    expect(await page.title()).toContain('(sandbox)');
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/graphiql.png', fullPage: true });
    await context.close();

    const active = new Set(app.fakeZoom!.state.users.filter((u) => u.status === 'active').map((u) => u.email));
    const shown = text.match(/[\w.+-]+@example\.com/g) ?? [];
    expect(shown).toHaveLength(3);
    for (const email of shown) expect(active.has(email), email).toBe(true);
    expect(text).not.toContain('"errors"');

    const hosts = new Set(requested.map((r) => new URL(r.url).host));
    expect([...hosts]).toEqual([new URL(url).host]);
    // The schema introspection on load and the query itself, both through the page's own fetcher.
    const posts = requested.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/graphql');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
  });

  it('the prefilled query replaced and run at once: data or a clear 400 in the result pane, never a 500', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const answers: Array<{ operationName: unknown; status: number }> = [];
    page.on('response', (r) => {
      const req = r.request();
      if (req.method() !== 'POST' || new URL(req.url()).pathname !== '/graphql') return;
      const body = JSON.parse(req.postData() ?? '{}') as { query?: string; operationName?: unknown };
      if (!body.query?.includes('__schema')) answers.push({ operationName: body.operationName, status: r.status() });
    });
    logs.lines.length = 0;

    // The page opens with the prefilled `query Users …`; a newcomer selects it all, types their own and runs it.
    await page.goto(`${url}/graphql`);
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ users(status: ACTIVE, first: 2) { nodes { email } } }');
    await page.keyboard.press('Control+Enter');
    const first = await pollPage(page, ANY_RESULT_TEXT, 15_000);
    expect(first).not.toContain('Internal server error');
    expect(first).not.toContain('INTERNAL_SERVER_ERROR');
    if (first.includes('"errors"')) {
      expect(first).toContain('Unknown operation named');
      expect(first).toContain('OPERATION_RESOLUTION_FAILURE');
    } else {
      expect(first).toMatch(/@example\.com/);
    }

    // Run again: GraphiQL has caught up with the edit by now, and the same query answers with data.
    await page.waitForTimeout(500);
    await page.locator('.graphiql-execute-button').click();
    const second = await pollPage(page, RESULT_TEXT, 15_000);
    expect(second).toMatch(/@example\.com/);
    await context.close();

    expect(answers.length).toBeGreaterThanOrEqual(2);
    for (const a of answers) expect([200, 400], JSON.stringify(a)).toContain(a.status);
    expect(logs.lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50)).toEqual([]);
  });
});

describe.skipIf(!hasChromium)("GraphiQL's subscriptions in headless Chromium", () => {
  let app: App;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const env = { ZOOM_SANDBOX: '1', CACHE_URL: 'memory://', PORT: '0', LOG_LEVEL: 'warn', ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET };
    app = await createApp(loadConfig(env), { logger: captureLogs('warn').logger });
    url = await app.listen();
    await subscribeFakeWebhooks(app.fakeZoom!.url, url, WEBHOOK_SECRET);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('starts a subscription over the WebSocket, and shows the event a meeting start causes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const sockets: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Failed loads are caught by status below; Chromium also logs its own /favicon.ico 404.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    const meeting = app.fakeZoom!.state.meetings[0]!;
    const query = `subscription { meetingEvents(meetingId: "${meeting.id}") { meetingId kind sequence } }`;
    await page.goto(`${url}/graphql?query=${encodeURIComponent(query)}`);
    await page.locator('.graphiql-execute-button').click();
    const subscribed = async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      return /^zgg_ws_subscriptions\{field="meetingEvents"\} 1$/m.test(text);
    };
    const deadline = Date.now() + 15_000;
    while (!(await subscribed())) {
      if (Date.now() > deadline) throw new Error(`the page never subscribed: ${problems.join('; ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await fakeLive(app.fakeZoom!.url, meeting.id, 'start');
    const text = await pollPage(page, ANY_RESULT_TEXT, 15_000);
    await context.close();
    expect(JSON.parse(text)).toEqual({ data: { meetingEvents: { meetingId: String(meeting.id), kind: 'STARTED', sequence: 1 } } });
    expect(sockets).toEqual([`${url.replace('http', 'ws')}/graphql`]);
    expect(problems).toEqual([]);
  });
});
