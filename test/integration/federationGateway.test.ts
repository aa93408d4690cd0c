import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomUser } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/gateway.js';
import { bearer, JWT_AUDIENCE, JWT_ISSUER, JWT_SECRET, member } from '../helpers/userOAuth.js';

/**
 * A second subgraph, as another team would own it: teams whose members are Zoom users, named
 * only by their key. The router asks this gateway for everything else about them.
 */
const TEAMS_SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    team(name: String!): Team
  }

  type Team {
    name: String!
    members: [User]!
  }

  type User @key(fields: "id", resolvable: false) {
    id: ID!
  }
`);

interface TeamsService {
  url: string;
  /** The headers of every request the router sent this subgraph. */
  seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** The teams subgraph over HTTP on port 0: a plain node:http server executing its schema. */
async function startTeams(teams: Record<string, string[]>): Promise<TeamsService> {
  const schema = buildSubgraphSchema({
    typeDefs: TEAMS_SDL,
    resolvers: {
      Query: {
        team: (_: unknown, { name }: { name: string }) => (teams[name] ? { name, members: teams[name].map((id) => ({ id })) } : null),
      },
    },
  });
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      void graphql({ schema, source: body.query, variableValues: body.variables ?? null, operationName: body.operationName ?? null }).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What the test uses of a Hive Gateway runtime (`createGatewayRuntime` from @graphql-hive/gateway). */
interface Router {
  fetch(url: string, init: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}
interface RouterConfig {
  supergraph: string;
  logging: boolean;
  propagateHeaders: {
    fromClientToSubgraphs(payload: { request: Request; subgraphName: string }): Record<string, string | null | undefined>;
  };
}

/**
 * Hive Gateway's type declarations bring the DOM library into the whole program, whose fetch
 * types then refuse what Node's accept elsewhere in the tests; imported by a computed name, its
 * types stay out and the two functions used are typed above.
 */
async function loadHiveGateway(): Promise<{ createGatewayRuntime(config: RouterConfig): Router }> {
  const name = '@graphql-hive/gateway';
  return (await import(/* @vite-ignore */ name)) as { createGatewayRuntime(config: RouterConfig): Router };
}

const CALLER_JWT = {
  GATEWAY_AUTH: 'jwt',
  GATEWAY_JWT_SECRET: JWT_SECRET,
  GATEWAY_JWT_ISSUER: JWT_ISSUER,
  GATEWAY_JWT_AUDIENCE: JWT_AUDIENCE,
};

const TEAM_QUERY = `query ($name: String!) { team(name: $name) { name members { email meetings { nodes { topic } } } } }`;

interface TeamResult {
  team: { name: string; members: Array<{ email: string; meetings: { nodes: Array<{ topic: string }> } } | null> } | null;
}

let zoom: Harness;
let teams: TeamsService;
let router: Router;
let users: ZoomUser[];
let asAdmin: Record<string, string>;
let asFirst: Record<string, string>;

/** A client's request to the router; the router's own `fetch`, as its HTTP server would call it. */
async function ask(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await router.fetch('http://router.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: TeamResult;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };
}

beforeAll(async () => {
  zoom = await startHarness({ env: { ...CALLER_JWT, GRAPHQL_FEDERATION: 'true' } });
  users = [0, 1, 2].map((n) => member(zoom.fake, n));
  users.forEach((u, i) => zoom.fake.state.addMeeting(u.id, { topic: `team sync ${i}` }));
  asAdmin = await bearer(zoom.fake, { sub: 'ops', roles: ['admin'] });
  asFirst = await bearer(zoom.fake, { sub: 'first-app', zoom_user_id: users[0]!.id, roles: ['user'] });
  const [a, b, c] = users.map((u) => u.id) as [string, string, string];
  // The same people in several places: a team lists someone twice, two teams share members.
  teams = await startTeams({ core: [a, b, a, c, b, a], pair: [a, b] });

  // What `rover subgraph introspect` would read: the zoom subgraph's own SDL, over HTTP.
  const sdl = await zoom.gql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, asAdmin);
  const composed = composeServices([
    { name: 'zoom', url: `${zoom.url}/graphql`, typeDefs: parse(sdl.data!._service.sdl) },
    { name: 'teams', url: teams.url, typeDefs: TEAMS_SDL },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const { createGatewayRuntime } = await loadHiveGateway();
  router = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
    // The caller's credential goes to the zoom subgraph only; the teams service never sees it.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) =>
        subgraphName === 'zoom' ? { authorization: request.headers.get('authorization') } : {},
    },
  });
  // Loading Hive Gateway (a large module graph) is most of this; a loaded CI machine may be slow at it.
}, 120_000);
afterAll(async () => {
  await router?.dispose();
  await teams?.close();
  await zoom?.stop();
});
beforeEach(() => {
  zoom.fake.resetCounters();
  teams.seen.length = 0;
});

describe('the subgraph composed with another behind Hive Gateway', () => {
  it('team { members { email meetings } } crosses both subgraphs with one Zoom call per distinct user', async () => {
    const r = await ask(TEAM_QUERY, { name: 'core' }, asAdmin);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const order = [0, 1, 0, 2, 1, 0];
    expect(r.data!.team).toEqual({
      name: 'core',
      members: order.map((i) => ({ email: users[i]!.email, meetings: { nodes: [{ topic: `team sync ${i}` }] } })),
    });
    // Six references to three people: three user look-ups and three meeting lists, however the
    // router batches the references.
    expect(zoom.fake.hits('users.get')).toBe(3);
    expect(zoom.fake.hits('meetings.list')).toBe(3);
    expect(teams.seen.length).toBeGreaterThan(0);
    expect(teams.seen.every((h) => h.authorization === undefined)).toBe(true);
    // The router builds its query planner on its first request.
  }, 60_000);

  it('the router forwards the caller’s credential: without it the zoom subgraph answers nothing', async () => {
    const r = await ask(TEAM_QUERY, { name: 'pair' });
    expect(r.data?.team).toEqual({ name: 'pair', members: [null, null] });
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.errors!.every((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.extensions.serviceName === 'zoom')).toBe(true);
    expect(zoom.fake.hits()).toBe(0);
  });

  it('a user-role caller sees its own user and FORBIDDEN at the path of each other member', async () => {
    const r = await ask(`query ($name: String!) { team(name: $name) { members { email } } }`, { name: 'pair' }, asFirst);
    expect(r.data!.team!.members).toEqual([{ email: users[0]!.email }, null]);
    // The subgraph reports it at ["_entities", 1]; the router maps it into the client's query.
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]).toMatchObject({
      message: 'The user role may only act on its own Zoom user.',
      extensions: { code: 'FORBIDDEN', serviceName: 'zoom' },
    });
    expect(r.errors![0]!.path?.slice(0, 2)).toEqual(['team', 'members']);
    expect(zoom.fake.hits('users.get')).toBe(1);
  });
});
