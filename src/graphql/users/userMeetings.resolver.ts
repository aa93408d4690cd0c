import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertCanActFor, isSelf } from '../../auth/policy.js';
import type { GraphQLContext } from '../context.js';
import { Meeting } from '../meetings/meeting.type.js';
import { MeetingConnection } from '../meetings/meetingConnection.type.js';
import { MeetingListType } from '../meetings/meetingListType.enum.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { sessionPages } from '../meetings/sessions.js';
import { User } from './user.type.js';

@Resolver(() => User)
export class UserMeetingsResolver {
  @FieldResolver(() => MeetingConnection, {
    description: "This user's meetings, as `meetings(userId:)` lists them: the caller's own, or anyone's for an admin.",
  })
  async meetings(
    @Root() user: User,
    @Arg('type', () => MeetingListType, { nullable: true, defaultValue: MeetingListType.SCHEDULED }) typeArg: MeetingListType | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingConnection> {
    const type = typeArg ?? MeetingListType.SCHEDULED;
    const first = firstArg ?? 30;
    // The caller's own user lists as `me`, so its cursors are those of `meetings` without a userId.
    const self = isSelf(ctx.principal, user.id) || isSelf(ctx.principal, user.email);
    const userId = self ? 'me' : user.id;
    const start = checkPageArgs(ctx.cursors, first, after, `meetings:${userId.toLowerCase()}:${type}`);
    if (!self) assertCanActFor(ctx.principal, userId);
    return paginate(ctx.cursors, first, start, sessionPages(ctx, userId, { type }), Meeting.from);
  }
}
