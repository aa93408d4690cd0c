import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLResponse } from '@apollo/server';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { operationShapes } from './limits/shape.js';
import { sameListener } from './sameListener.js';

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
 * Runs an operation's execution inside whatever must surround it (a tracing span's context).
 * `operation` is the operation's own `metrics` object, the one thing Apollo hands every plugin
 * hook and the executor for one operation alone (a batch's operations share the context value).
 */
export type Within = <T>(operation: object, run: () => Promise<T>) => Promise<T>;
const direct: Within = (_operation, run) => run();

/** An operation that ran in `responseForOperation` and failed, kept for the executor on its `metrics` (see Within). */
const RAN = Symbol('ran');
type Ran = { [RAN]?: { result: ExecutionResult } | { thrown: unknown } };

/** Nothing to add to the HTTP answer of a successful operation (Apollo only reads it). */
const NO_HEADERS = new HeaderMap();

export interface CompiledExecution {
  /**
   * Executes each resolved operation and answers a successful one itself. Goes last in the
   * plugin list, after every plugin that may answer in place of execution (the limits).
   * Apollo runs no `executionDidStart` (nor `willResolveField`) hook for an operation answered
   * here; no plugin of the gateway's has one.
   */
  readonly plugin: ApolloServerPlugin<BaseContext>;
  /**
   * Apollo's executor interface, for the rest: hands Apollo the result of an operation that
   * failed (so its error formatting, `didEncounterErrors` and status rules apply as for any
   * other), and executes requests whose operation Apollo could not resolve.
   */
  readonly gateway: GatewayInterface;
}

/**
 * Executes operations with graphql-jit: an operation asked for repeatedly is compiled once into
 * a plain function, which resolves the same fields without graphql-js's per-field bookkeeping
 * (argument maps, resolve-info objects, null-prototype result objects). Until then, and for
 * operations graphql-jit cannot compile, graphql-js executes it. Apollo still parses, validates
 * (limits included) and formats errors; the compiled function is kept per parsed document, and
 * Apollo's document cache hands back the same document for the same query text.
 *
 * Execution runs from a plugin's `responseForOperation` rather than through the executor
 * interface alone: for every call, Apollo's interface builds a request context whose
 * `response.http.status` is a getter and setter closing over the whole request, and that object
 * kept each request's data alive through young collections (about a megabyte promoted per
 * scavenge under load). Only a failed operation's result takes that way, once.
 */
export function compiledExecution(schema: GraphQLSchema, within: Within = direct): CompiledExecution {
  const cache = new WeakMap<DocumentNode, Map<string, Entry>>();
  const run = (
    operation: object,
    document: DocumentNode,
    contextValue: object,
    variables: Record<string, unknown>,
    operationName: string | null,
  ) => {
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
    const compiled = entry.compiled;
    return within(operation, async (): Promise<ExecutionResult> => {
      if (compiled && isCompiledQuery(compiled)) {
        const result = await compiled.query(undefined, contextValue, variables);
        return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
      }
      return execute({ schema, document, contextValue, variableValues: variables, operationName });
    });
  };

  const plugin = sameListener<BaseContext>({
    async responseForOperation({ operation, document, request, contextValue, metrics }): Promise<GraphQLResponse | null> {
      // No operation (operationName names none): Apollo's own path reports it.
      if (!operation) return null;
      // NOTE: the name the client asked for, not the resolved one (see the executor below).
      let result: ExecutionResult;
      try {
        result = await run(metrics, document, contextValue, request.variables ?? {}, request.operationName ?? null);
      } catch (thrown) {
        (metrics as Ran)[RAN] = { thrown };
        return null;
      }
      if (result.errors?.length) {
        (metrics as Ran)[RAN] = { result };
        return null;
      }
      return { http: { headers: NO_HEADERS }, body: { kind: 'single', singleResult: result } };
    },
  });

  const executor: GatewayExecutor = async (request) => {
    const ran = (request.metrics as Ran)[RAN];
    if (ran) {
      (request.metrics as Ran)[RAN] = undefined;
      if ('thrown' in ran) throw ran.thrown;
      return ran.result;
    }
    const { document, context } = request;
    const variables = request.request.variables ?? {};
    // NOTE: the name the client asked for, not the resolved one (null when none matched): with
    // the resolved name, a stale operationName (GraphiQL re-sends it after an edit) would run the
    // document's only operation, and Apollo answers 500 when execution succeeds for an operation
    // it could not resolve. With the asked-for name, graphql-js reports it and Apollo answers 400.
    const operationName = request.request.operationName ?? null;
    if (!request.operation) return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    return run(request.metrics, document, context, variables, operationName);
  };
  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
  return { plugin, gateway };
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
