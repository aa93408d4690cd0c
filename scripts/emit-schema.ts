/**
 * Writes schema/schema.graphql (the code-first schema) and schema/subgraph.graphql (the same
 * schema as GRAPHQL_FEDERATION=true serves it: its `_service { sdl }`); `--check` fails on drift
 * instead.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { graphql, lexicographicSortSchema, printSchema } from 'graphql';
import { buildGatewaySubgraphSchema } from '../src/graphql/federation.js';
import { buildGatewaySchema } from '../src/graphql/schema.js';

const header = '# Emitted by `npm run schema:emit` from the code-first schema in src/graphql. Do not edit.\n\n';

async function subgraphSdl(): Promise<string> {
  const result = await graphql({ schema: await buildGatewaySubgraphSchema(), source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (result.errors || typeof sdl !== 'string') throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return sdl;
}

const files = [
  { name: 'schema/schema.graphql', sdl: printSchema(lexicographicSortSchema(await buildGatewaySchema())) },
  { name: 'schema/subgraph.graphql', sdl: await subgraphSdl() },
];

const check = process.argv.includes('--check');
let stale = false;
for (const { name, sdl } of files) {
  const file = new URL(`../${name}`, import.meta.url);
  const text = header + sdl + '\n';
  if (!check) {
    writeFileSync(file, text);
    console.log(`wrote ${name}`);
    continue;
  }
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // Missing file is drift too.
  }
  if (current === text) {
    console.log(`${name} is current.`);
  } else {
    console.error(`${name} is out of date with src/graphql: run \`npm run schema:emit\` and commit it.`);
    stale = true;
  }
}
if (stale) process.exit(1);
