import { setTimeout as sleep } from 'node:timers/promises';

/** The value of one sample on the gateway's /metrics (0 when absent), e.g. `zgg_zoom_coalesced_total{route="users.list"}`. */
export async function metric(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{([^}]*)\})? ([0-9.e+-]+)$/i.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) sum += Number(m[3]);
  }
  return sum;
}

/**
 * Polls /metrics until the sample reaches `value`: a condition, not a duration, so a slow
 * machine only takes longer. Fails with what it saw after `timeoutMs`.
 */
export async function untilMetric(
  url: string,
  name: string,
  labels: Record<string, string>,
  value: number,
  timeoutMs = 30_000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    const seen = await metric(url, name, labels);
    if (seen >= value) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${name}${JSON.stringify(labels)} stayed at ${seen}, expected ${value}`);
    await sleep(20);
  }
}
