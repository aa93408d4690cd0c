import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { BenchContext } from '../context.js';
import { cpuMs } from '../procStats.js';
import { atMost, percentile, type Check } from '../stats.js';
import { USERS_QUERY } from '../targets.js';

export interface ParseWorkResult {
  /** Gateway CPU per document of each shape (all refused), ms. */
  cpuPerDocumentMs: Array<{ shape: string; bytes: number; limit: string; cpuMs: number }>;
  attackers: number;
  victimP50Ms: { baseline: number; underAttack: number };
  /** Documents the attackers had answered while the victim was measured. */
  attackDocuments: number;
  /** Gateway CPU over that stretch, as a share of one core. */
  gatewayCpuShareUnderAttack: number;
  checks: Check[];
}

const DOCUMENTS_PER_SHAPE = 10;
const ATTACKERS = 4;
const VICTIM_MS = 3000;

/**
 * The attack review's three shapes at their measured sizes, and at the largest size the default
 * GRAPHQL_MAX_DOCUMENT_LENGTH lets through to the parser. Each request is made unique by a
 * trailing comment, so no document cache answers it; the bodies are built once around that
 * comment, so that making them costs the bench's own event loop (where the victim's latency
 * is measured) a copy, not a megabyte of string building.
 */
const MARK = '__UNIQUE__';
const SHAPES: Array<{ shape: string; body: { query: string; operationName?: string } }> = [
  { shape: '50,000 directives', body: { query: `{ me ${'@include(if: true) '.repeat(50_000)}{ id } }` } },
  { shape: '100,000 fields', body: { query: `{ me { ${'id '.repeat(100_000)}} }` } },
  { shape: '5,000 operations', body: operations(5_000) },
  { shape: '5,000 directives (under the length limit)', body: { query: `{ me ${'@include(if: true) '.repeat(5_000)}{ id } }` } },
  { shape: '33,000 fields (under the length limit)', body: { query: `{ me { ${'id '.repeat(33_000)}} }` } },
  { shape: '3,800 operations (under the length limit)', body: operations(3_800) },
  // Amplification: small documents whose expanded size is huge (what test/integration/amplification.test.ts refuses).
  { shape: '600 aliases of __schema', body: { query: aliased(600, '__schema { types { fields { type { name } } } }') } },
  { shape: 'a 40-level fragment chain (2^40 aliases once expanded)', body: { query: chain(40, 'a: credentials { sandbox }') } },
  { shape: 'a 40-level fragment chain of users(first: 300)', body: { query: chain(40, 'users(first: 300) { nodes { id } }') } },
];

function aliased(n: number, field: string): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

/** `F0 { ...F1 ...F1 }`, …, `F<levels> { leaf }`: the leaf 2^levels times once expanded. */
function chain(levels: number, leaf: string): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `{ ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { ${leaf} }`;
}

function operations(n: number) {
  return { query: Array.from({ length: n }, (_, i) => `query Q${i} { me { id } }`).join('\n'), operationName: `Q${n - 1}` };
}

/** Sends `shape`'s body with a fresh trailing comment. */
function uniqueBodies(): Array<() => Buffer> {
  return SHAPES.map(({ body }) => {
    const [head, tail] = JSON.stringify({ ...body, query: `${body.query}\n# ${MARK}` })
      .split(MARK)
      .map((part) => Buffer.from(part));
    return () => Buffer.concat([head!, Buffer.from(randomUUID()), tail!]);
  });
}

async function post(ctx: BenchContext, body: string | Buffer, headers = ctx.gatewayHeaders): Promise<{ status: number; text: string }> {
  const res = await fetch(`${ctx.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** `attackers` closed loops sending the shapes in turn, each body unique; answers how many were answered once told to stop. */
const ATTACK = `
const { parentPort, workerData } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');
const { url, headers, parts, attackers } = workerData;
const bodies = parts.map(([head, tail]) => [Buffer.from(head), Buffer.from(tail)]);
let stop = false;
let answered = 0;
parentPort.on('message', () => (stop = true));
const loop = async (a) => {
  for (let i = a; !stop; i++) {
    const [head, tail] = bodies[i % bodies.length];
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: Buffer.concat([head, Buffer.from(randomUUID()), tail]) });
    await res.arrayBuffer();
    answered++;
  }
};
const running = Array.from({ length: attackers }, (_, a) => loop(a));
parentPort.postMessage('started');
Promise.all(running).then(() => parentPort.postMessage(answered));
`;

/** A victim's sequential users(first: 30) for `ms`: the latency of each, ms. */
async function victim(ctx: BenchContext, ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const t0 = performance.now();
    const r = await post(ctx, JSON.stringify({ query: USERS_QUERY }));
    if (r.status !== 200 || r.text.includes('"errors"')) throw new Error(`the victim's query failed: ${r.status} ${r.text.slice(0, 300)}`);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/**
 * Parse work: the gateway's CPU per refused expensive document, and another caller's p50 while
 * one credential sends such documents four at a time (issue: at most 50 ms of CPU each, and the
 * victim within a few milliseconds of its baseline).
 */
export async function parseWork(ctx: BenchContext): Promise<ParseWorkResult> {
  await ctx.fake.reset(0);
  const bodies = uniqueBodies();
  const cpuPerDocumentMs: ParseWorkResult['cpuPerDocumentMs'] = [];
  for (const [i, { shape }] of SHAPES.entries()) {
    const next = bodies[i]!;
    // The first warms the route; the rest are measured.
    await post(ctx, next(), ctx.gatewayUserHeaders);
    let limit = '';
    let bytes = 0;
    const before = cpuMs(ctx.gatewayPid) ?? NaN;
    for (let n = 0; n < DOCUMENTS_PER_SHAPE; n++) {
      const body = next();
      bytes = body.length;
      const r = await post(ctx, body, ctx.gatewayUserHeaders);
      const named = /"limit":"([A-Z_]+)"/.exec(r.text)?.[1];
      if (r.status !== 400 || !named)
        throw new Error(`${shape}: expected a refusal naming its limit, got ${r.status} ${r.text.slice(0, 300)}`);
      limit = named;
    }
    const used = ((cpuMs(ctx.gatewayPid) ?? NaN) - before) / DOCUMENTS_PER_SHAPE;
    cpuPerDocumentMs.push({ shape, bytes, limit, cpuMs: used });
  }

  await victim(ctx, 500);
  const baseline = victim(ctx, VICTIM_MS);
  const baselineP50 = percentile(await baseline, 50);
  // The senders run on a thread of their own: sending a megabyte must not hold up the event
  // loop on which the victim's latency is measured.
  const parts = SHAPES.map(({ body }) => JSON.stringify({ ...body, query: `${body.query}\n# ${MARK}` }).split(MARK));
  const senders = new Worker(ATTACK, {
    eval: true,
    workerData: { url: `${ctx.gatewayUrl}/graphql`, headers: ctx.gatewayUserHeaders, parts, attackers: ATTACKERS },
  });
  await new Promise((resolve) => senders.once('message', resolve));
  const cpuBefore = cpuMs(ctx.gatewayPid) ?? NaN;
  const t0 = performance.now();
  const underAttack = percentile(await victim(ctx, VICTIM_MS), 50);
  const gatewayCpuShareUnderAttack = ((cpuMs(ctx.gatewayPid) ?? NaN) - cpuBefore) / (performance.now() - t0);
  const attackDocuments = await new Promise<number>((resolve) => {
    senders.once('message', resolve);
    senders.postMessage('stop');
  });
  await senders.terminate();

  const worst = Math.max(...cpuPerDocumentMs.map((c) => c.cpuMs));
  return {
    cpuPerDocumentMs,
    attackers: ATTACKERS,
    victimP50Ms: { baseline: baselineP50, underAttack },
    attackDocuments,
    gatewayCpuShareUnderAttack,
    checks: [
      atMost('expensive documents: gateway CPU per refused document (worst shape)', worst, 50, ' ms'),
      atMost(`victim p50 added by ${ATTACKERS} concurrent senders of expensive documents`, underAttack - baselineP50, 5, ' ms'),
    ],
  };
}
