import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode, handleProtocols, makeServer, type Context } from 'graphql-ws';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import type { QueryLimits, SubscriptionLimits } from '../config.js';
import type { GraphQLContext } from '../graphql/context.js';
import { createFormatError } from '../graphql/errors.js';
import type { GatewayFastify } from './gatewayFastify.js';
import { jsonDepth, jsonDepthMessage } from './jsonDepth.js';
import { parseWithinLimits } from '../graphql/limits/documentLimits.js';
import type { LiveHub } from '../live/hub.js';
import { SharedResults, type Payload } from './sharedResults.js';

/** Subscription fields whose results can reach caller-dependent fields (test/unit/sharedResults.test.ts). */
export const CALLER_DEPENDENT = new Set(['accountUserEvents']);

/**
 * Close codes beyond graphql-ws's own (4400 bad message, 4408 no connection_init in time,
 * 4409 duplicate id, 4429 second connection_init): 4403 for a credential that does not
 * authenticate, 4401 once the caller's token has expired, 1008 past the connections per
 * caller, 1009 for a message over WS_MAX_MESSAGE_BYTES (the ws library), 1013 for a slow
 * consumer, 1001 at shutdown.
 */
export const WS_CLOSE = {
  forbidden: CloseCode.Forbidden,
  expired: CloseCode.Unauthorized,
  tooManyConnections: 1008,
  slowConsumer: 1013,
  goingAway: 1001,
} as const;

/** How often open connections are checked for an expired token. */
const EXPIRY_SWEEP_MS = 1000;

export interface LiveObserver {
  connections(delta: number): void;
  subscriptions(field: string, delta: number): void;
  delivered(field: string, n: number): void;
  closed(reason: string): void;
}

export interface SubscriptionServerOptions {
  limits: SubscriptionLimits;
  /** The document and JSON limits of HTTP requests, applied to every subscribe message alike. */
  queryLimits: QueryLimits;
  validationRules: ValidationRule[];
  hub: LiveHub;
  clock: Clock;
  logger: Logger;
  observe: LiveObserver;
  /** The HTTP authenticators: a principal, or a thrown UNAUTHENTICATED. */
  authenticate(headers: IncomingHttpHeaders, log: Logger): Promise<Principal>;
  /** The request context every resolver expects, for an authenticated caller. */
  context(principal: Principal, log: Logger): Omit<GraphQLContext, 'live'>;
  /** GRAPHQL_TRUSTED_DOCUMENTS: the listed text a subscribe message stands for, or why it is refused. */
  trusted?(payload: { query: string; extensions?: unknown }, principal: Principal): { query: string } | { reason: string; message: string };
}

/** What graphql-ws keeps per connection (its `extra`). */
interface Connection {
  socket: WebSocket;
  request: FastifyRequest;
  log: Logger;
  principal?: Principal;
  /** Operation id → root field, for the active subscriptions of this connection. */
  operations: Map<string, string>;
  /** Messages sent in this turn of the event loop are held until its end (`flushWrites`). */
  corked?: boolean;
}

const reason = (text: string) => (Buffer.byteLength(text) <= 123 ? text : `${Buffer.from(text).subarray(0, 120).toString()}…`);

const header = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** connection_init's payload as request headers: `authorization` and/or `x-api-key`, any case. */
function credentialHeaders(params: Record<string, unknown> | undefined): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    const name = k.toLowerCase();
    if ((name === 'authorization' || name === 'x-api-key') && header(v)) out[name] = v as string;
  }
  return out;
}

/**
 * GraphQL subscriptions over the graphql-transport-ws protocol on the `/graphql` route's GET
 * (graphql-ws's protocol server on @fastify/websocket's sockets). Subscription operations only:
 * queries and mutations go over HTTP, where admission and the cost limit apply.
 */
export class SubscriptionServer {
  private readonly connections = new Set<Connection>();
  private readonly perCaller = new Map<string, number>();
  private readonly sweep: NodeJS.Timeout;
  private readonly formatError = createFormatError();
  private readonly shared = new SharedResults((result) =>
    JSON.stringify(result.errors ? { ...result, errors: result.errors.map((e) => this.formatError(e.toJSON(), e)) } : result),
  );
  private corked: Connection[] = [];
  /** Results sent in this turn of the event loop, by root field: counted at its end (`flushWrites`). */
  private readonly delivered = new Map<string, number>();
  private shuttingDown = false;
  private readonly server: ReturnType<SubscriptionServer['makeProtocolServer']>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly opts: SubscriptionServerOptions,
  ) {
    this.server = this.makeProtocolServer();
    this.sweep = setInterval(() => this.closeExpired(), EXPIRY_SWEEP_MS).unref();
  }

  /** @fastify/websocket, before any route: upgrades reach the routes that declare a wsHandler. */
  async plugin(fastify: GatewayFastify): Promise<void> {
    await fastify.register(websocket, {
      options: {
        maxPayload: this.opts.limits.maxMessageBytes,
        handleProtocols: (protocols) => handleProtocols(protocols) || false,
      },
      // Sockets are closed by shutdown(), once in-flight HTTP requests have drained.
      preClose: (done) => done(),
    });
  }

  get open(): number {
    return this.connections.size;
  }

  /** The `/graphql` GET route's wsHandler. */
  readonly handler = (socket: WebSocket, request: FastifyRequest): void => {
    if (this.shuttingDown) return socket.close(WS_CLOSE.goingAway, 'server shutting down');
    const conn: Connection = { socket, request, log: request.log as Logger, operations: new Map() };
    this.connections.add(conn);
    this.opts.observe.connections(1);
    const keepAlive = this.keepAlive(socket);
    const closed = this.server.opened(
      {
        protocol: socket.protocol,
        send: (data) => void this.send(conn, data),
        close: (code, why) => socket.close(code, why),
        onMessage: (cb) =>
          socket.on('message', (data) => {
            cb(String(data)).catch((err: unknown) => {
              conn.log.error({ err }, 'subscription message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      conn,
    );
    socket.once('close', (code, why) => {
      if (keepAlive) clearInterval(keepAlive);
      this.connections.delete(conn);
      this.opts.observe.connections(-1);
      for (const field of conn.operations.values()) if (field) this.opts.observe.subscriptions(field, -1);
      conn.operations.clear();
      if (conn.principal) this.release(conn.principal.id);
      conn.log.info({ code, reason: String(why) }, 'subscription connection closed');
      void closed(code, String(why));
    });
  };

  /** After in-flight HTTP requests have drained: every socket closes with 1001. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.sweep);
    const closing = [...this.connections].map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.socket.readyState === c.socket.CLOSED) return resolve();
          c.socket.once('close', () => resolve());
          this.opts.observe.closed('shutdown');
          c.socket.close(WS_CLOSE.goingAway, 'server shutting down');
          // A client that never answers the close handshake is cut off.
          setTimeout(() => c.socket.terminate(), 1000).unref();
        }),
    );
    await Promise.all(closing);
  }

  private keepAlive(socket: WebSocket): NodeJS.Timeout | undefined {
    const every = this.opts.limits.keepAliveMs;
    if (every <= 0) return undefined;
    let answered = true;
    socket.on('pong', () => (answered = true));
    return setInterval(() => {
      if (!answered) return socket.terminate();
      answered = false;
      socket.ping();
    }, every).unref();
  }

  /** False when the message was not sent: the socket is closing, or closed now as a slow consumer. */
  private send(conn: Connection, data: string): boolean {
    const { socket } = conn;
    if (socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount > this.opts.limits.maxBufferedBytes) {
      this.closeSlow(
        conn,
        { pending: socket.bufferedAmount },
        `more than ${this.opts.limits.maxBufferedBytes} bytes unsent (WS_MAX_BUFFERED_BYTES)`,
      );
      return false;
    }
    this.cork(conn);
    socket.send(data);
    return true;
  }

  /**
   * The first message to a connection in a turn of the event loop corks its TCP socket; the turn's
   * end uncorks them all, so a burst of events to one subscriber leaves in one write (one system
   * call and one wake-up of the client) instead of one per event.
   */
  private cork(conn: Connection): void {
    if (conn.corked) return;
    const tcp = conn.request.raw.socket;
    tcp.cork();
    conn.corked = true;
    this.corked.push(conn);
    if (this.corked.length === 1) setImmediate(this.flushWrites);
  }

  private readonly flushWrites = (): void => {
    for (const [field, n] of this.delivered) this.opts.observe.delivered(field, n);
    this.delivered.clear();
    const conns = this.corked;
    this.corked = [];
    for (const c of conns) {
      c.corked = false;
      c.request.raw.socket.uncork();
    }
  };

  /** 1013 for a client that cannot keep up: too many bytes unsent, or too many events queued. */
  private closeSlow(conn: Connection, detail: Record<string, number>, why: string): void {
    if (conn.socket.readyState !== conn.socket.OPEN) return;
    conn.log.warn(detail, 'closing a slow subscription consumer');
    this.opts.observe.closed('slow_consumer');
    conn.socket.close(WS_CLOSE.slowConsumer, reason(`slow consumer: ${why}`));
  }

  private closeExpired(): void {
    const now = this.opts.clock.now();
    for (const c of this.connections) {
      if (c.principal?.expiresAt !== undefined && now >= c.principal.expiresAt && c.socket.readyState === c.socket.OPEN) {
        this.opts.observe.closed('token_expired');
        c.socket.close(WS_CLOSE.expired, 'Unauthorized: the token has expired');
      }
    }
  }

  private release(callerId: string): void {
    const n = (this.perCaller.get(callerId) ?? 1) - 1;
    if (n <= 0) this.perCaller.delete(callerId);
    else this.perCaller.set(callerId, n);
  }

  private makeProtocolServer() {
    return makeServer<Record<string, unknown> | undefined, Connection>({
      connectionInitWaitTimeout: this.opts.limits.initTimeoutMs,
      subscribe: this.shared.subscribe,
      onConnect: async (ctx) => {
        const conn = ctx.extra;
        let principal: Principal;
        try {
          principal = await this.opts.authenticate(credentialHeaders(ctx.connectionParams), conn.log);
        } catch (err) {
          this.opts.observe.closed('unauthenticated');
          conn.socket.close(WS_CLOSE.forbidden, reason(`Forbidden: ${(err as Error).message}`));
          return false;
        }
        if (principal.expiresAt !== undefined && this.opts.clock.now() >= principal.expiresAt) {
          conn.socket.close(WS_CLOSE.expired, 'Unauthorized: the token has expired');
          return false;
        }
        const held = this.perCaller.get(principal.id) ?? 0;
        if (held >= this.opts.limits.maxConnectionsPerCaller) {
          this.opts.observe.closed('too_many_connections');
          conn.socket.close(
            WS_CLOSE.tooManyConnections,
            reason(`Too many connections for this caller (WS_MAX_CONNECTIONS_PER_CALLER=${this.opts.limits.maxConnectionsPerCaller})`),
          );
          return false;
        }
        if (conn.socket.readyState !== conn.socket.OPEN) return false;
        this.perCaller.set(principal.id, held + 1);
        conn.principal = principal;
        conn.log = conn.log.child({ caller: principal.id });
        return true;
      },
      onSubscribe: (ctx, id, payload) => this.prepare(ctx, id, payload),
      onOperation: (ctx, id, _payload, args, result) => {
        if (!(Symbol.asyncIterator in (result as object))) return;
        const field = rootField(args.document, args.operationName) ?? 'unknown';
        ctx.extra.operations.set(id, field);
        this.opts.observe.subscriptions(field, 1);
      },
      onNext: (ctx, id, _payload, _args, result) => {
        const field = ctx.extra.operations.get(id);
        if (field && !result.errors) this.opts.observe.delivered(field, 1);
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((e) => this.formatError(e.toJSON(), e)) };
      },
      onError: (ctx, id, _payload, errors) => {
        this.forget(ctx.extra, id);
        return errors.map((e) => (refusals.has(e) ? e.toJSON() : this.formatError(e.toJSON(), e)));
      },
      onComplete: (ctx, id) => this.forget(ctx.extra, id),
    });
  }

  private forget(conn: Connection, id: string): void {
    const field = conn.operations.get(id);
    if (conn.operations.delete(id) && field) this.opts.observe.subscriptions(field, -1);
  }

  /** Parses and validates a subscribe message itself: limits first, then the schema's rules. */
  private prepare(
    ctx: Context<Record<string, unknown> | undefined, Connection>,
    id: string,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null; extensions?: unknown },
  ): ExecutionArgs | GraphQLError[] {
    const conn = ctx.extra;
    const principal = conn.principal;
    if (!principal) return [refusal('Not authenticated.', { code: 'UNAUTHENTICATED' })];
    const max = this.opts.limits.maxPerConnection;
    if (conn.operations.size >= max) {
      return [
        refusal(`At most ${max} subscriptions per connection (WS_MAX_SUBSCRIPTIONS_PER_CONNECTION).`, {
          code: 'BAD_USER_INPUT',
          limit: 'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION',
          max,
        }),
      ];
    }
    const depth = jsonDepth([payload.variables, payload.extensions]) - 1;
    const maxDepth = this.opts.queryLimits.maxJsonDepth;
    if (depth > maxDepth) {
      return [
        refusal(jsonDepthMessage("The subscribe message's variables or extensions", depth, maxDepth), {
          code: 'BAD_USER_INPUT',
          limit: 'HTTP_MAX_JSON_DEPTH',
          max: maxDepth,
          actual: depth,
        }),
      ];
    }
    const listed = this.opts.trusted ? this.opts.trusted(payload, principal) : { query: payload.query };
    if ('reason' in listed) return [refusal(listed.message, { code: 'UNTRUSTED_DOCUMENT', reason: listed.reason })];
    const read = parseWithinLimits(listed.query, this.opts.queryLimits);
    if ('refusal' in read) {
      const { limit, message, max, actual } = read.refusal;
      return [refusal(message, { code: 'BAD_USER_INPUT', limit, max, ...(actual === undefined ? {} : { actual }) })];
    }
    if ('syntaxError' in read) {
      const err = read.syntaxError;
      return [
        err instanceof GraphQLError
          ? withCode(err, 'GRAPHQL_PARSE_FAILED')
          : refusal('The query could not be parsed.', { code: 'BAD_USER_INPUT' }),
      ];
    }
    const document = read.document;
    const errors = validate(this.schema, document, [...specifiedRules, ...this.opts.validationRules]);
    if (errors.length > 0) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (!operation) return [refusal('Name the operation to run (operationName).', { code: 'BAD_USER_INPUT' })];
    if (operation.operation !== 'subscription') {
      return [
        refusal('Only subscriptions are served over WebSocket; send queries and mutations over HTTP POST.', { code: 'BAD_USER_INPUT' }),
      ];
    }
    // Reserved now, so a burst of subscribe messages cannot pass the limit while they resolve.
    conn.operations.set(id, '');
    const base = this.opts.context(principal, conn.log);
    const contextValue: GraphQLContext = {
      ...base,
      live: { hub: this.opts.hub, overflow: (queued) => this.closeSlow(conn, { queued }, `${queued} events waiting to be sent`) },
    };
    const operationName = payload.operationName ?? null;
    const variableValues = payload.variables ?? null;
    // The same text, operation and variables: one execution per event for all such subscriptions.
    // A user event's `user` reaches fields whose answer depends on the caller (User.settings,
    // User.meetings): those results are shared by one caller's subscriptions only, as are those of
    // a root selected through a fragment.
    const perCaller = operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || CALLER_DEPENDENT.has(s.name.value));
    const shareKey = JSON.stringify([
      listed.query,
      operationName,
      variableValues,
      ...(perCaller ? [principal.id, principal.zoomUserId ?? null, principal.email ?? null, principal.roles] : []),
    ]);
    // Each result is serialised once for all of them; only the message's id is this subscription's.
    const field = rootField(document, operationName) ?? 'unknown';
    const next = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    const deliver = ({ json, ok }: Payload) => {
      // Counted at the end of the turn, when the writes this one corked leave.
      if (this.send(conn, `${next}${json}}`) && ok) this.delivered.set(field, (this.delivered.get(field) ?? 0) + 1);
    };
    return this.shared.share({ schema: this.schema, document, operationName, variableValues, contextValue }, shareKey, deliver);
  }
}

/** Errors of this server's own making: sent as they are, not through the formatter. */
const refusals = new WeakSet<GraphQLError>();

function refusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  const e = new GraphQLError(message, { extensions });
  refusals.add(e);
  return e;
}

/** Apollo's code for the same failure over HTTP, so a client sees the same code on either transport. */
function withCode(e: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { code, ...e.extensions } });
}

function rootField(document: DocumentNode, operationName: string | null | undefined): string | undefined {
  const op = getOperationAST(document, operationName ?? undefined);
  const first = op?.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : undefined;
}
