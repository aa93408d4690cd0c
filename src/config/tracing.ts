/** A sampler of the OpenTelemetry specification (OTEL_TRACES_SAMPLER). */
export type SamplerName =
  'always_on' | 'always_off' | 'traceidratio' | 'parentbased_always_on' | 'parentbased_always_off' | 'parentbased_traceidratio';

/** OpenTelemetry tracing, read from the standard OTEL_* variables; null when off. */
export interface TracingConfig {
  /** Where spans are POSTed (OTLP over HTTP, JSON), e.g. http://collector:4318/v1/traces */
  url: string;
  /** Sent with every export (vendor API keys): never logged. */
  headers: Record<string, string>;
  timeoutMs: number;
  serviceName: string;
  /** OTEL_RESOURCE_ATTRIBUTES */
  resource: Record<string, string>;
  sampler: SamplerName;
  /** The ratio of the `traceidratio` samplers, 0 to 1. */
  samplerRatio: number;
  /** An incoming W3C `traceparent` is continued (OTEL_PROPAGATORS includes tracecontext). */
  continueTraceparent: boolean;
  /** OTEL_EXPORTER_OTLP_PROTOCOL asked for protobuf; JSON is sent (every OTLP/HTTP receiver accepts both). */
  protobufAsked: boolean;
}

const SAMPLERS: readonly SamplerName[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];

type Env = Record<string, string | undefined>;

/**
 * Tracing is on when an OTLP endpoint is set (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or
 * OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`) and neither OTEL_SDK_DISABLED=true nor
 * OTEL_TRACES_EXPORTER=none says otherwise. Values are never echoed: endpoints and headers may
 * hold credentials.
 */
export function readTracingConfig(env: Env, problems: string[]): TracingConfig | null {
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  const tracesEndpoint = get('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const endpoint = get('OTEL_EXPORTER_OTLP_ENDPOINT');
  const exporter = get('OTEL_TRACES_EXPORTER');
  if (exporter !== undefined && exporter !== 'otlp' && exporter !== 'none') {
    problems.push(`OTEL_TRACES_EXPORTER: expected otlp or none, got "${exporter}"`);
  }
  if (/^true$/i.test(get('OTEL_SDK_DISABLED') ?? '') || exporter === 'none') return null;
  if (tracesEndpoint === undefined && endpoint === undefined) return null;

  const url = tracesEndpoint ?? `${endpoint?.replace(/\/+$/, '')}/v1/traces`;
  const name = tracesEndpoint ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    problems.push(`${name}: expected an http:// or https:// URL (value not shown, it may hold a credential)`);
  }
  const protocol = get('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? get('OTEL_EXPORTER_OTLP_PROTOCOL');
  if (protocol !== undefined && protocol !== 'http/json' && protocol !== 'http/protobuf') {
    problems.push(`OTEL_EXPORTER_OTLP_PROTOCOL: only OTLP over HTTP is supported (http/json), got "${protocol}"`);
  }
  // W3C `traceparent` is what is continued; baggage is not read, and other formats are not known.
  const propagators = (get('OTEL_PROPAGATORS') ?? 'tracecontext').split(',').map((p) => p.trim());
  const unknown = propagators.filter((p) => !['tracecontext', 'baggage', 'none', ''].includes(p));
  if (unknown.length > 0) problems.push(`OTEL_PROPAGATORS: only tracecontext (W3C traceparent) is supported, got "${unknown.join(',')}"`);
  const sampler = (get('OTEL_TRACES_SAMPLER') ?? 'parentbased_always_on') as SamplerName;
  if (!SAMPLERS.includes(sampler)) problems.push(`OTEL_TRACES_SAMPLER: expected one of ${SAMPLERS.join(', ')}, got "${sampler}"`);
  const ratioText = get('OTEL_TRACES_SAMPLER_ARG');
  const ratio = ratioText === undefined ? 1 : Number(ratioText);
  if (sampler.endsWith('traceidratio') && !(ratio >= 0 && ratio <= 1)) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG: expected a number from 0 to 1, got "${ratioText}"`);
  }
  const timeoutText = get('OTEL_EXPORTER_OTLP_TRACES_TIMEOUT') ?? get('OTEL_EXPORTER_OTLP_TIMEOUT');
  const timeoutMs = timeoutText === undefined ? 10_000 : Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000) {
    problems.push(`OTEL_EXPORTER_OTLP_TIMEOUT: expected milliseconds from 1 to 120000, got "${timeoutText}"`);
  }
  const headers = {
    ...keyValues(get('OTEL_EXPORTER_OTLP_HEADERS'), 'OTEL_EXPORTER_OTLP_HEADERS', problems, true),
    ...keyValues(get('OTEL_EXPORTER_OTLP_TRACES_HEADERS'), 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', problems, true),
  };
  const resource = keyValues(get('OTEL_RESOURCE_ATTRIBUTES'), 'OTEL_RESOURCE_ATTRIBUTES', problems, false);
  return {
    url,
    headers,
    timeoutMs,
    serviceName: get('OTEL_SERVICE_NAME') ?? resource['service.name'] ?? 'zoom-graphql-gateway',
    resource,
    sampler,
    samplerRatio: ratio,
    continueTraceparent: propagators.includes('tracecontext'),
    protobufAsked: protocol === 'http/protobuf',
  };
}

/** `key=value,key2=value2`, values percent-decoded (the W3C Baggage format the specification uses). */
function keyValues(text: string | undefined, name: string, problems: string[], secret: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [i, pair] of (text ?? '').split(',').entries()) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq).trim() : '';
    let value: string | undefined;
    try {
      value = eq > 0 ? decodeURIComponent(pair.slice(eq + 1).trim()) : undefined;
    } catch {
      value = undefined;
    }
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(key) || value === undefined) {
      // NOTE: never the entry itself: a header value is often an API key.
      problems.push(`${name}: entry ${i + 1} is not key=value (percent-encoded)${secret ? ' (value not shown)' : ''}`);
      continue;
    }
    out[key] = value;
  }
  return out;
}
