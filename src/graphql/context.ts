import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { LiveHub } from '../live/hub.js';
import type { Services } from '../services.js';
import type { ZoomContext } from '../zoom/zoomContext.js';
import type { RequestBudget } from './limits/budget.js';
import type { RequestLoaders } from './loaders.js';

/** Everything request-scoped; built fresh for every GraphQL request. */
export interface GraphQLContext {
  principal: Principal;
  zoom: ZoomContext;
  loaders: RequestLoaders;
  /** The request's logger: its lines carry the reqId. */
  logger: FastifyBaseLogger;
  services: Services;
  /** Shared by the operations of one HTTP request (a batch): the cost limit is per request. */
  budget: RequestBudget;
  /** Subscriptions over WebSocket only: the replica's live events and what to do with a slow client. */
  live?: { hub: LiveHub; overflow: (queued: number) => void };
}
