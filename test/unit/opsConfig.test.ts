import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { configProblems } from '../helpers/config.js';
import { withoutQueryValues } from '../../src/logger.js';

const problems = configProblems;

describe('query limit and CORS configuration', () => {
  it('defaults: depth 10, cost 1000, aliases 30, batch 10, body 1 MiB, 128 in flight; CORS off', () => {
    const c = loadConfig({});
    expect(c.limits).toEqual({ maxDepth: 10, maxCost: 1000, maxAliases: 30, maxBatch: 10, maxBodyBytes: 1024 * 1024, maxInflight: 128 });
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
      CORS_ORIGINS: ' https://app.example.com ,http://localhost:5173',
    });
    expect(c.limits).toEqual({ maxDepth: 6, maxCost: 200, maxAliases: 0, maxBatch: 0, maxBodyBytes: 65536, maxInflight: 0 });
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
      CORS_ORIGINS: 'https://app.example.com/, example.com',
    });
    for (const name of ['GRAPHQL_MAX_DEPTH', 'GRAPHQL_MAX_COST', 'GRAPHQL_MAX_ALIASES', 'GRAPHQL_MAX_BATCH', 'GRAPHQL_MAX_BODY_BYTES', 'GRAPHQL_MAX_INFLIGHT']) {
      expect(p.some((m) => m.startsWith(`${name}:`))).toBe(true);
    }
    expect(p.filter((m) => m.startsWith('CORS_ORIGINS:'))).toHaveLength(2); // trailing slash; no scheme
    expect(problems({ CORS_ORIGINS: '*,https://app.example.com' })).toEqual(['CORS_ORIGINS: "*" allows every origin and cannot be combined with others']);
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
