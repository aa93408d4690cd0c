import { Ctx, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { assertAdmin } from '../../auth/policy.js';
import { badUserInput } from '../../errors.js';
import { ACCOUNT_USERS, type LiveEvent } from '../../live/liveEvent.js';
import { getUser } from '../../zoom/users.js';
import type { GraphQLContext } from '../context.js';
import { User } from '../users/user.type.js';
import { UserEvent } from './userEvent.type.js';

type Data = SubscribeResolverData<unknown, Record<string, unknown>, GraphQLContext>;

/** `accountUserEvents`: admins only, checked when they subscribe; no Zoom call until a `user` is selected. */
function accountFeed({ context }: Data) {
  if (!context.live) throw badUserInput('Subscriptions are served over WebSocket (graphql-transport-ws) on /graphql.');
  assertAdmin(context.principal, 'Account user events');
  return context.live.hub.subscribe((e: LiveEvent) => e.meetingId === ACCOUNT_USERS && e.kind === 'USER', context.live.overflow);
}

@Resolver(() => UserEvent)
export class UserEventsResolver {
  @Subscription(() => UserEvent, {
    nullable: true,
    description: 'Zoom’s user.* events for the whole account (admin), in order, once each, from whichever replica Zoom reached.',
    subscribe: accountFeed,
  })
  accountUserEvents(@Root() event: LiveEvent): UserEvent {
    return UserEvent.from(event);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user as Zoom has it now; null once it has left the account.' })
  async user(@Root() event: UserEvent, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    const id = event.userId ?? event.email;
    if (!id || event.type === 'user.deleted' || event.type === 'user.disassociated') return null;
    const user = await getUser(ctx.zoom, id);
    return user ? User.from(user) : null;
  }
}
