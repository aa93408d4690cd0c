/** Writes schema/schema.graphql from the code-first schema; `--check` fails on drift instead. */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGatewaySchema } from '../src/graphql/schema.js';

const file = new URL('../schema/schema.graphql', import.meta.url);
const header = '# Emitted by `npm run schema:emit` from the code-first schema in src/graphql. Do not edit.\n\n';
const sdl = header + printSchema(lexicographicSortSchema(await buildGatewaySchema())) + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // Missing file is drift too.
  }
  if (current !== sdl) {
    console.error('schema/schema.graphql is out of date with src/graphql: run `npm run schema:emit` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is current.');
} else {
  writeFileSync(file, sdl);
  console.log('wrote schema/schema.graphql');
}
