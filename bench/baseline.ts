import type { BenchContext } from './context.js';
import type { Target } from './loadgen.js';
import { directTarget } from './targets.js';

/**
 * The direct arm: sends the gateway query once, reads from the fake's request log the one REST
 * call it caused, and returns that call with an S2S token of its own, so both arms ask Zoom for
 * exactly the same thing.
 */
export async function directBaseline(ctx: BenchContext, gateway: Target): Promise<Target> {
  await ctx.fake.reset(0);
  const probe = await fetch(`${gateway.origin}${gateway.path}`, {
    method: gateway.method,
    headers: gateway.headers,
    body: gateway.body ?? null,
  });
  const body = await probe.text();
  if (!gateway.check(probe.status, body)) throw new Error(`the gateway failed the query: HTTP ${probe.status} ${body.slice(0, 500)}`);
  const calls = (await ctx.fake.requests()).filter((r) => r.route !== 'admin');
  const [call] = calls;
  if (calls.length !== 1 || !call)
    throw new Error(`expected one Zoom call for the query, the fake saw: ${calls.map((r) => r.route).join(', ') || 'none'}`);
  return directTarget(ctx.fakeInfo.url, call, await ctx.fake.s2sToken(ctx.fakeInfo.accountId));
}
