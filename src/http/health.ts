import type { GatewayFastify } from './gatewayFastify.js';
import type { Config } from '../config.js';
import { isGatewayError } from '../errors.js';
import type { OutageAwareStore } from '../store/outage.js';

export interface HealthDeps {
  config: Config;
  /** The store as the gateway uses it: `down` while a known outage lasts. */
  store: Pick<OutageAwareStore, 'down' | 'ping'>;
  /** In sandbox mode, the fake Zoom the gateway points at. */
  fakeZoomUrl?: string;
  /** Gets the account token (S2S or legacy JWT); resolves with its source, null when none is configured. */
  accountToken?: () => Promise<string | null>;
  /** Longest each check may take; under Kubernetes' default 1 s probe timeout. @default 800 */
  timeoutMs?: number;
}

type Check = { ok: true; detail: string } | { ok: false; detail: string };

/**
 * `/healthz`: the process is up (liveness; never touches dependencies, so a slow store does
 * not get the process killed). `/readyz`: it can serve — the configuration loaded (or the
 * process would not run), the shared store answers, a Zoom credential source is configured and
 * an account token can be had (cached, or fetched from Zoom: wrong credentials fail here) and,
 * in sandbox mode, the fake Zoom answers. Probes are logged only when they fail.
 */
export function registerHealthRoutes(fastify: GatewayFastify, deps: HealthDeps): void {
  const timeoutMs = deps.timeoutMs ?? 800;
  fastify.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  fastify.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    const [store, sandbox, tokenSource] = await Promise.all([
      checkStore(deps.store, timeoutMs),
      checkSandbox(deps.fakeZoomUrl, timeoutMs),
      checkTokenSource(deps.config, deps.accountToken, timeoutMs),
    ]);
    const checks: Record<string, Check> = { config: { ok: true, detail: 'loaded' }, store, tokenSource };
    if (sandbox) checks.sandbox = sandbox;
    const failed = Object.entries(checks).filter(([, c]) => !c.ok);
    const summary = Object.fromEntries(Object.entries(checks).map(([name, c]) => [name, c.detail]));
    if (failed.length === 0) return { status: 'ready', checks: summary };
    const reason = failed.map(([name, c]) => `${name}: ${c.detail}`).join('; ');
    request.log.warn({ checks: summary }, `not ready: ${reason}`);
    return reply.code(503).send({ status: 'unavailable', reason, checks: summary });
  });
}

async function checkStore(store: HealthDeps['store'], timeoutMs: number): Promise<Check> {
  // Known down: answered at once; the store's own probe notices when it is back.
  if (store.down) return { ok: false, detail: 'token store unreachable' };
  try {
    await withTimeout(store.ping(), timeoutMs);
    return { ok: true, detail: 'ok' };
  } catch {
    return { ok: false, detail: 'token store unreachable' };
  }
}

async function checkTokenSource(config: Config, accountToken: HealthDeps['accountToken'], timeoutMs: number): Promise<Check> {
  const sources = [config.s2s && 's2s', config.userOAuth && 'user_oauth', config.legacyJwt && 'legacy_jwt'].filter(Boolean);
  if (sources.length === 0) return { ok: false, detail: 'no Zoom credential configured' };
  if (!accountToken) return { ok: true, detail: sources.join(',') };
  try {
    await withTimeout(accountToken(), timeoutMs);
    return { ok: true, detail: sources.join(',') };
  } catch (err) {
    // A GatewayError's message names the variable to check and never a secret.
    if (isGatewayError(err)) return { ok: false, detail: `no Zoom token: ${err.message}` };
    return {
      ok: false,
      detail: (err as Error).message.startsWith('timed out') ? `no Zoom token within ${timeoutMs} ms` : 'no Zoom token: unexpected failure',
    };
  }
}

async function checkSandbox(url: string | undefined, timeoutMs: number): Promise<Check | undefined> {
  if (!url) return undefined;
  try {
    const res = await fetch(`${url}/__fake/clock`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok ? { ok: true, detail: 'fake Zoom answers' } : { ok: false, detail: `fake Zoom answered ${res.status}` };
  } catch {
    return { ok: false, detail: 'fake Zoom unreachable' };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
