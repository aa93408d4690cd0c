import { SANDBOX_CREDENTIALS, type RecordedRequest, type RouteName, type WebhookDelivery } from '../src/sandbox/index.js';

export interface Hits {
  /** Every non-admin request. */
  total: number;
  routes: Record<RouteName, number>;
  tokenRequests: Record<string, number>;
}

/** The fake Zoom in the other process, driven over its `/__fake/*` admin routes. */
export class FakeAdmin {
  constructor(readonly url: string) {}

  hits(): Promise<Hits> {
    return this.call<Hits>('GET', '/__fake/hits');
  }

  requests(): Promise<RecordedRequest[]> {
    return this.call<RecordedRequest[]>('GET', '/__fake/requests');
  }

  /** Empties the request log (and resets knobs), then applies `latencyMs` to every route. */
  async reset(latencyMs: number): Promise<void> {
    await this.call('POST', '/__fake/reset');
    await this.latency(latencyMs);
  }

  async latency(ms: number): Promise<void> {
    await this.call('POST', '/__fake/knobs', { latency: { ms } });
  }

  /** Webhook deliveries so far, oldest first. */
  webhooks(): Promise<{ deliveries: WebhookDelivery[] }> {
    return this.call('GET', '/__fake/webhooks');
  }

  /** Subscribes the user OAuth app's events to `url` (the fake validates it first, as Zoom does). */
  async subscribeWebhooks(url: string, secretToken: string): Promise<void> {
    const { subscriptions } = await this.call<{ subscriptions: Array<{ url: string; validated: boolean }> }>('POST', '/__fake/webhooks', {
      url,
      secretToken,
    });
    if (!subscriptions.some((s) => s.url === url && s.validated)) throw new Error(`${url} did not pass Zoom's endpoint validation`);
  }

  async unsubscribeWebhooks(): Promise<void> {
    await this.call('POST', '/__fake/webhooks', { url: null });
  }

  /** An out-of-band change, as made in Zoom's web portal: `POST /__fake/portal/{path}`. */
  async portal(path: string, body: Record<string, unknown>): Promise<void> {
    await this.call('POST', `/__fake/portal/${path}`, body);
  }

  /** An S2S access token obtained the way a direct client would, for the direct arm. */
  async s2sToken(accountId: string): Promise<string> {
    const { clientId, clientSecret } = SANDBOX_CREDENTIALS.s2s;
    const res = await fetch(`${this.url}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId }).toString(),
    });
    const body = (await res.json()) as { access_token?: string };
    if (!res.ok || !body.access_token) throw new Error(`the fake refused an S2S token: HTTP ${res.status} ${JSON.stringify(body)}`);
    return body.access_token;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}
