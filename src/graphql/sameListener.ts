import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';

/**
 * A plugin whose request hooks read only what Apollo hands them: every request gets this one
 * listener, already resolved, so no request allocates a promise, an object and its closures
 * for it (Apollo asks each plugin for a listener on every request).
 */
export function sameListener<C extends BaseContext>(listener: GraphQLRequestListener<C>): ApolloServerPlugin<C> {
  const ready = Promise.resolve(listener);
  return { requestDidStart: () => ready };
}
