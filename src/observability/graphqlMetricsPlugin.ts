import type { ApolloServerPlugin } from '@apollo/server';
import { sameListener } from '../graphql/sameListener.js';
import type { GatewayMetrics } from './metrics.js';

/** Counts operations and the codes of the errors clients received (after formatError). */
export function graphqlMetricsPlugin<C extends object>(metrics: GatewayMetrics): ApolloServerPlugin<C> {
  return sameListener<C>({
    async willSendResponse({ response, operation }) {
      const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
      const codes = (result.errors ?? []).map((e) =>
        typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
      );
      metrics.observeOperation(operation?.operation ?? 'unknown', codes);
    },
  });
}
