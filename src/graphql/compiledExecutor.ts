import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { operationShapes } from './limits/shape.js';

/** An operation is compiled once it has been asked for this many times. */
const COMPILE_AFTER = 2;

/**
 * graphql-jit generates code for every field with fragments expanded, so a fragment chain
 * (`F0 { ...F1 ...F1 }`, …) that the limits accept because it only repeats a free field would
 * take exponential time to compile; graphql-js executes it in linear time.
 */
const MAX_COMPILED_FIELDS = 2000;
const compilable = (document: DocumentNode) => [...operationShapes(document).values()].every((s) => s.fields <= MAX_COMPILED_FIELDS);

interface Entry {
  hits: number;
  compiled?: CompiledQuery | ExecutionResult;
}

/**
 * Executes operations with graphql-jit: an operation asked for repeatedly is compiled once into
 * a plain function, which resolves the same fields without graphql-js's per-field bookkeeping
 * (argument maps, resolve-info objects, null-prototype result objects). Until then, and for
 * operations graphql-jit cannot compile, graphql-js executes it. Apollo still parses, validates
 * (limits included) and formats errors; the compiled function is kept per parsed document, and
 * Apollo's document cache hands back the same document for the same query text.
 *
 * Plugged in through Apollo's executor interface (`gateway`), which exists for exactly this:
 * replacing how a validated operation is executed.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const cache = new WeakMap<DocumentNode, Map<string, Entry>>();
  const executor: GatewayExecutor = async (request) => {
    const { document, context } = request;
    const variables = request.request.variables ?? {};
    // NOTE: the name the client asked for, not the resolved one (null when none matched): with
    // the resolved name, a stale operationName (GraphiQL re-sends it after an edit) would run the
    // document's only operation, and Apollo answers 500 when execution succeeds for an operation
    // it could not resolve. With the asked-for name, graphql-js reports it and Apollo answers 400.
    const operationName = request.request.operationName ?? null;
    if (!request.operation) return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    let byOperation = cache.get(document);
    if (!byOperation) cache.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let entry = byOperation.get(key);
    if (!entry) byOperation.set(key, (entry = { hits: 0 }));
    if (!entry.compiled && ++entry.hits >= COMPILE_AFTER && compilable(document)) {
      try {
        entry.compiled = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      } catch {
        // Something graphql-jit cannot compile: graphql-js keeps executing this operation.
        entry.compiled = { errors: [] };
      }
    }
    if (entry.compiled && isCompiledQuery(entry.compiled)) {
      const result = await entry.compiled.query(undefined, context, variables);
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    }
    return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}

/**
 * graphql-jit's errors leave `extensions` undefined where graphql-js always has an object, and
 * Apollo reads `extensions.code` before formatError runs; the same error as graphql-js builds it.
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  if (e.extensions) return e;
  const copy = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? null });
  if (e.locations) (copy as { locations?: typeof e.locations }).locations = e.locations;
  return copy;
}
