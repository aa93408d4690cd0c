import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { Services } from '../services.js';
import type { ZoomContext } from '../zoom/zoomContext.js';
import type { RequestBudget } from './limits/budget.js';
import type { MeetingLoader } from './meetings/meeting.loader.js';
import type { UserLoader } from './users/user.loader.js';

/** Everything request-scoped; built fresh for every GraphQL request. */
export interface GraphQLContext {
  principal: Principal;
  zoom: ZoomContext;
  loaders: { user: UserLoader; meeting: MeetingLoader };
  /** The request's logger: its lines carry the reqId. */
  logger: FastifyBaseLogger;
  services: Services;
  /** Shared by the operations of one HTTP request (a batch): the cost limit is per request. */
  budget: RequestBudget;
}
