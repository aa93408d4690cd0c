import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { errorBody } from '../errors.js';
import { sameListener } from './sameListener.js';

/** The answer to `subscription { … }` sent as a plain HTTP request (GET or POST). */
export const SUBSCRIPTIONS_NOT_OVER_HTTP =
  'subscriptions are not supported over HTTP; subscribe over WebSocket (graphql-transport-ws) on /graphql';

/**
 * Refuses subscription operations over HTTP with 400 BAD_USER_INPUT before execution: graphql-js
 * would otherwise fail inside the executor ("Schema is not configured to execute subscription
 * operation", or run a subscription's resolvers once as if it were a query), which the gateway
 * masks as an internal error. Subscriptions are served over WebSocket (src/live/).
 *
 * NOTE: a ready-made response, not a thrown GraphQLError, for the reason costPlugin.ts gives.
 */
export function subscriptionsOverHttpPlugin(): ApolloServerPlugin {
  return sameListener({
    async responseForOperation({ operation }) {
      // No operation when operationName names none: Apollo answers that itself.
      if (operation?.operation !== 'subscription') return null;
      return {
        http: { status: 400, headers: new HeaderMap() },
        body: {
          kind: 'single',
          singleResult: errorBody('BAD_USER_INPUT', SUBSCRIPTIONS_NOT_OVER_HTTP, { reason: 'SUBSCRIPTION_OVER_HTTP' }),
        },
      };
    },
  });
}
