import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyReply } from 'fastify';
import type { GatewayFastify } from './gatewayFastify.js';
import { acceptRanges } from './graphqlMediaType.js';

/** Where the IDE's files are served; everything the page loads comes from here. */
export const IDE_ASSETS_PATH = '/graphql-ide/assets';

const require = createRequire(import.meta.url);
// NOTE: graphiql's `exports` map hides its UMD build, so resolve each package root and join.
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

interface Asset {
  type: string;
  /** A file under node_modules, or the text itself for files of our own. */
  source: { file: string } | { text: string };
}

/**
 * Reads the endpoint from the page instead of an inline script, so the Content-Security-Policy
 * can forbid inline scripts altogether. `?query=` pre-fills the editor (shareable links).
 */
const INIT_SCRIPT = `(function () {
  var root = document.getElementById('graphiql');
  var params = new URLSearchParams(window.location.search);
  var url = new URL(root.dataset.endpoint, window.location.href);
  // Subscriptions go over graphql-ws on the same path; the Headers pane becomes connection_init's payload.
  var ws = new URL(url.href);
  ws.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetcher = GraphiQL.createFetcher({ url: url.href, subscriptionUrl: ws.href });
  var props = { fetcher: fetcher, defaultQuery: root.dataset.defaultQuery, shouldPersistHeaders: false };
  if (params.get('query')) props.query = params.get('query');
  if (params.get('variables')) props.variables = params.get('variables');
  var badge = root.dataset.sandbox === 'true' && React.createElement(GraphiQL.Logo, null, 'GraphiQL ',
    React.createElement('span', { className: 'zgg-sandbox-badge', title: 'Sandbox mode: a built-in fake Zoom answers; nothing reaches Zoom' }, 'sandbox'));
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, props, badge || undefined));
})();
`;

const ASSETS: Record<string, Asset> = {
  'graphiql.min.css': { type: 'text/css; charset=utf-8', source: { file: join(packageDir('graphiql'), 'graphiql.min.css') } },
  'graphiql.min.js': { type: 'text/javascript; charset=utf-8', source: { file: join(packageDir('graphiql'), 'graphiql.min.js') } },
  'react.production.min.js': {
    type: 'text/javascript; charset=utf-8',
    source: { file: join(packageDir('react'), 'umd/react.production.min.js') },
  },
  'react-dom.production.min.js': {
    type: 'text/javascript; charset=utf-8',
    source: { file: join(packageDir('react-dom'), 'umd/react-dom.production.min.js') },
  },
  'init.js': { type: 'text/javascript; charset=utf-8', source: { text: INIT_SCRIPT } },
};

const DEFAULT_QUERY = `# Active users of the Zoom account, 10 at a time.
# Ctrl-Enter runs the query; the Docs pane lists every type and field.
query Users($after: String) {
  users(status: ACTIVE, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id email displayName status }
  }
}
`;

/** 'self' only: the page must work with no internet and must not leak queries or headers to a CDN. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL and CodeMirror position panes with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(endpoint: string, sandbox: boolean): string {
  const asset = (name: string) => `${IDE_ASSETS_PATH}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>zoom-graphql-gateway · GraphiQL${sandbox ? ' (sandbox)' : ''}</title>
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }
.zgg-sandbox-badge { background: #b45309; color: #fff; border-radius: 4px; padding: 2px 6px; font-size: 0.55em; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase; vertical-align: middle; }</style>
</head>
<body>
<div id="graphiql" data-endpoint="${escapeAttr(endpoint)}"${sandbox ? ' data-sandbox="true"' : ''} data-default-query="${escapeAttr(DEFAULT_QUERY)}">Loading GraphiQL…</div>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('init.js')}"></script>
</body>
</html>
`;
}

/**
 * True when the client would rather have HTML than a GraphQL JSON response: a browser's
 * address bar does, `fetch` and GraphQL clients do not. Ties go to JSON, so `Accept: *\/*`
 * (curl) and `text/html, application/json` still get GraphQL over HTTP.
 */
export function prefersHtml(accept: string | undefined): boolean {
  const ranges = acceptRanges(accept);
  if (ranges.length === 0) return false;
  const quality = (mime: string) => {
    const [type] = mime.split('/');
    // The most specific matching range decides (RFC 9110 §12.5.1).
    const match =
      ranges.find((r) => r.range === mime) ?? ranges.find((r) => r.range === `${type}/*`) ?? ranges.find((r) => r.range === '*/*');
    return match?.q ?? 0;
  };
  const html = quality('text/html');
  return html > 0 && html > Math.max(quality('application/json'), quality('application/graphql-response+json'));
}

const IDE_OFF_NOTE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>zoom-graphql-gateway</title></head>
<body>
<h1>GraphQL endpoint</h1>
<p>The in-browser IDE is off on this gateway (GRAPHQL_IDE=false). Send GraphQL requests to this URL with a GraphQL client: a POST with a JSON body <code>{"query": "…"}</code>.</p>
</body>
</html>
`;

/**
 * With the IDE off, a browser opening the endpoint gets a short note saying so, instead of the
 * JSON of a refused GET query. GraphQL clients (a JSON Accept) still reach Apollo.
 */
export function registerIdeOffNote(fastify: GatewayFastify, opts: { endpoint: string }): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'GET' && request.routeOptions.url === opts.endpoint && prefersHtml(request.headers.accept)) {
      return void reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache')
        .send(IDE_OFF_NOTE);
    }
    done();
  });
}

/**
 * The bundled GraphiQL, served from node_modules: `GET /graphql` from a browser and
 * `GET /graphiql`. Every other request to the endpoint (GET queries with a JSON Accept, POST)
 * still reaches Apollo.
 */
export function registerGraphiql(fastify: GatewayFastify, opts: { endpoint: string; sandbox?: boolean }): void {
  const html = page(opts.endpoint, opts.sandbox ?? false);
  const sendPage = (reply: FastifyReply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-cache')
      .send(html);

  // Callback hooks on every request: an async hook costs a promise and a tick each.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'GET' && request.routeOptions.url === opts.endpoint && prefersHtml(request.headers.accept))
      return void sendPage(reply);
    done();
  });
  fastify.get('/graphiql', async (_request, reply) => sendPage(reply));

  const cache = new Map<string, Buffer>();
  fastify.get<{ Params: { name: string } }>(`${IDE_ASSETS_PATH}/:name`, async (request, reply) => {
    // Only the named files: the parameter never becomes a path.
    const asset = Object.hasOwn(ASSETS, request.params.name) ? ASSETS[request.params.name] : undefined;
    if (!asset) return reply.code(404).send({ error: 'not found' });
    let body = cache.get(request.params.name);
    if (!body) {
      body = 'file' in asset.source ? await readFile(asset.source.file) : Buffer.from(asset.source.text);
      cache.set(request.params.name, body);
    }
    return reply
      .header('content-type', asset.type)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=3600')
      .send(body);
  });
}
