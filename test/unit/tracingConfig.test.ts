import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { configProblems } from '../helpers/config.js';

const ENDPOINT = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };

describe('OpenTelemetry configuration (standard OTEL_* variables)', () => {
  it('off unless an OTLP endpoint is set', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(loadConfig({ OTEL_SERVICE_NAME: 'gw', OTEL_TRACES_SAMPLER: 'always_on' }).tracing).toBeNull();
  });

  it('OTEL_EXPORTER_OTLP_ENDPOINT: spans go to its /v1/traces; defaults as the specification has them', () => {
    expect(loadConfig(ENDPOINT).tracing).toEqual({
      url: 'http://collector:4318/v1/traces',
      headers: {},
      timeoutMs: 10_000,
      serviceName: 'zoom-graphql-gateway',
      resource: {},
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      continueTraceparent: true,
      protobufAsked: false,
    });
    expect(loadConfig({ ...ENDPOINT, OTEL_PROPAGATORS: 'none' }).tracing?.continueTraceparent).toBe(false);
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otlp.example.com/base/' }).tracing?.url).toBe(
      'https://otlp.example.com/base/v1/traces',
    );
  });

  it('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is used as it is, and wins', () => {
    const c = loadConfig({ ...ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9999/custom' });
    expect(c.tracing?.url).toBe('http://traces:9999/custom');
  });

  it('OTEL_SDK_DISABLED=true and OTEL_TRACES_EXPORTER=none turn it off', () => {
    expect(loadConfig({ ...ENDPOINT, OTEL_SDK_DISABLED: 'true' }).tracing).toBeNull();
    expect(loadConfig({ ...ENDPOINT, OTEL_TRACES_EXPORTER: 'none' }).tracing).toBeNull();
    expect(loadConfig({ ...ENDPOINT, OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' }).tracing).not.toBeNull();
  });

  it('reads service name, resource attributes, sampler, headers and timeout', () => {
    const c = loadConfig({
      ...ENDPOINT,
      OTEL_SERVICE_NAME: 'zoom-gw',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=staging,team=video%20apps',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc%3D%3D,x-tenant=a',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-tenant=b',
      OTEL_EXPORTER_OTLP_TIMEOUT: '2500',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    });
    expect(c.tracing).toMatchObject({
      serviceName: 'zoom-gw',
      resource: { 'deployment.environment': 'staging', team: 'video apps' },
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
      headers: { 'x-api-key': 'abc==', 'x-tenant': 'b' },
      timeoutMs: 2500,
      protobufAsked: true,
    });
    expect(loadConfig({ ...ENDPOINT, OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-resource' }).tracing?.serviceName).toBe('from-resource');
  });

  it('names each bad value, never echoing a header value or an endpoint', () => {
    const problems = configProblems({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://user:hunter2@collector',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_TRACES_SAMPLER: 'jaeger_remote',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20sekrit-77,no-equals-sign-sekrit-88',
      OTEL_EXPORTER_OTLP_TIMEOUT: '0',
      OTEL_TRACES_EXPORTER: 'zipkin',
    });
    const text = problems.join('\n');
    for (const name of [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_EXPORTER_OTLP_PROTOCOL',
      'OTEL_TRACES_SAMPLER',
      'OTEL_EXPORTER_OTLP_HEADERS',
      'OTEL_EXPORTER_OTLP_TIMEOUT',
      'OTEL_TRACES_EXPORTER',
    ]) {
      expect(text).toContain(`${name}:`);
    }
    expect(text).not.toMatch(/hunter2|sekrit/);
    expect(configProblems({ ...ENDPOINT, OTEL_PROPAGATORS: 'tracecontext,baggage' })).toEqual([]);
    expect(configProblems({ ...ENDPOINT, OTEL_PROPAGATORS: 'tracecontext,b3' })).toEqual([
      'OTEL_PROPAGATORS: only tracecontext (W3C traceparent) is supported, got "b3"',
    ]);
    expect(configProblems({ ...ENDPOINT, OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' })).toEqual([
      'OTEL_TRACES_SAMPLER_ARG: expected a number from 0 to 1, got "1.5"',
    ]);
    expect(configProblems({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' })).toEqual([
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: expected an http:// or https:// URL (value not shown, it may hold a credential)',
    ]);
  });
});
