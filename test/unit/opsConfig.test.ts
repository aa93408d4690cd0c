import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { configProblems } from '../helpers/config.js';
import { withoutQueryValues } from '../../src/logger.js';

const problems = configProblems;

describe('query limit and CORS configuration', () => {
  it('defaults: depth 10, cost 1000, aliases 30, batch 10, body 1 MiB, documents of 100,000 characters, 10,000 tokens, 100 nested brackets, 25 operations, 1000 selections and 50 directives, JSON 64 deep, 128 in flight, 100 ms of parse work per caller and second; CORS off', () => {
    const c = loadConfig({});
    expect(c.limits).toEqual({
      maxDepth: 10,
      maxCost: 1000,
      maxAliases: 30,
      maxBatch: 10,
      maxBodyBytes: 1024 * 1024,
      maxDocumentLength: 100_000,
      maxTokens: 10_000,
      maxNesting: 100,
      maxOperations: 25,
      maxSelections: 1000,
      maxDirectives: 50,
      maxJsonDepth: 64,
      maxInflight: 128,
      callerParseMsPerSecond: 100,
    });
    expect(c.corsOrigins).toBeNull();
  });

  it('reads each limit and the origin list', () => {
    const c = loadConfig({
      GRAPHQL_MAX_DEPTH: '6',
      GRAPHQL_MAX_COST: '200',
      GRAPHQL_MAX_ALIASES: '0',
      GRAPHQL_MAX_BATCH: '0',
      GRAPHQL_MAX_BODY_BYTES: '65536',
      GRAPHQL_MAX_INFLIGHT: '0',
      HTTP_MAX_JSON_DEPTH: '16',
      GRAPHQL_MAX_DOCUMENT_LENGTH: '2048',
      GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_NESTING: '20',
      GRAPHQL_MAX_OPERATIONS: '3',
      GRAPHQL_MAX_SELECTIONS: '40',
      GRAPHQL_MAX_DIRECTIVES: '0',
      GRAPHQL_CALLER_PARSE_MS_PER_SECOND: '0',
      CORS_ORIGINS: ' https://app.example.com ,http://localhost:5173',
    });
    expect(c.limits).toEqual({
      maxDepth: 6,
      maxCost: 200,
      maxAliases: 0,
      maxBatch: 0,
      maxBodyBytes: 65536,
      maxDocumentLength: 2048,
      maxTokens: 500,
      maxNesting: 20,
      maxOperations: 3,
      maxSelections: 40,
      maxDirectives: 0,
      maxJsonDepth: 16,
      maxInflight: 0,
      callerParseMsPerSecond: 0,
    });
    expect(c.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });

  it('names every bad value at once', () => {
    const p = problems({
      GRAPHQL_MAX_DEPTH: '0',
      GRAPHQL_MAX_COST: 'lots',
      GRAPHQL_MAX_ALIASES: '-1',
      GRAPHQL_MAX_BATCH: '101',
      GRAPHQL_MAX_BODY_BYTES: '10',
      GRAPHQL_MAX_INFLIGHT: 'many',
      GRAPHQL_CALLER_PARSE_MS_PER_SECOND: '1001',
      CORS_ORIGINS: 'https://app.example.com/, example.com',
    });
    for (const name of [
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_COST',
      'GRAPHQL_MAX_ALIASES',
      'GRAPHQL_MAX_BATCH',
      'GRAPHQL_MAX_BODY_BYTES',
      'GRAPHQL_MAX_INFLIGHT',
      'GRAPHQL_CALLER_PARSE_MS_PER_SECOND',
    ]) {
      expect(p.some((m) => m.startsWith(`${name}:`))).toBe(true);
    }
    expect(p.filter((m) => m.startsWith('CORS_ORIGINS:'))).toHaveLength(2); // trailing slash; no scheme
    expect(problems({ CORS_ORIGINS: '*,https://app.example.com' })).toEqual([
      'CORS_ORIGINS: "*" allows every origin and cannot be combined with others',
    ]);
  });
});

describe('HTTP server limits configuration', () => {
  it('defaults: 10 s for the request head, 30 s for the whole request, 72 s idle between requests, 10,000 connections', () => {
    expect(loadConfig({}).httpServer).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 72_000,
      maxConnections: 10_000,
    });
  });

  it('reads each limit; 0 connections means no cap', () => {
    const c = loadConfig({
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '2000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '5000',
      HTTP_MAX_CONNECTIONS: '0',
    });
    expect(c.httpServer).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 5000, maxConnections: 0 });
  });

  it('refuses 0 (no timeout), values out of range, and a head timeout longer than the request timeout', () => {
    const p = problems({
      HTTP_HEADERS_TIMEOUT_MS: '0',
      HTTP_REQUEST_TIMEOUT_MS: '1h',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '999',
      HTTP_MAX_CONNECTIONS: '-1',
    });
    for (const name of ['HTTP_HEADERS_TIMEOUT_MS', 'HTTP_REQUEST_TIMEOUT_MS', 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 'HTTP_MAX_CONNECTIONS']) {
      expect(p.some((m) => m.startsWith(`${name}: expected a whole number`))).toBe(true);
    }
    expect(problems({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '15000' })).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS: the head is part of the request, so it cannot exceed HTTP_REQUEST_TIMEOUT_MS (15000)',
    ]);
  });
});

describe('withoutQueryValues', () => {
  it('keeps the path and parameter names, drops every value', () => {
    expect(withoutQueryValues('/oauth/callback?code=abc&state=def')).toBe('/oauth/callback?code=[redacted]&state=[redacted]');
    expect(withoutQueryValues('/graphql')).toBe('/graphql');
    expect(withoutQueryValues('/graphql?')).toBe('/graphql');
    expect(withoutQueryValues('/x?a%20b=1')).toBe('/x?a%20b=[redacted]');
  });
});
