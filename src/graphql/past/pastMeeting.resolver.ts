import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { assertMayReadPast } from './meetingPast.resolver.js';
import { ParticipantConnection, Participant } from './participant.type.js';
import { PastMeeting } from './pastMeeting.type.js';

@Resolver(() => PastMeeting)
export class PastMeetingResolver {
  @FieldResolver(() => ParticipantConnection, { nullable: true, description: 'Who joined this instance (Zoom’s participants report; paid plans). Host or admin only.' })
  async participants(
    @Root() past: PastMeeting,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantConnection> {
    const first = firstArg ?? 30;
    const start = checkPageArgs(ctx.cursors, first, after, `participants:${past.uuid}`);
    assertMayReadPast(ctx, past, 'Reading participants');
    return paginate(
      ctx.cursors,
      first,
      start,
      async (token, pageSize) => {
        const page = await ctx.loaders.past.participants.load({ uuid: past.uuid, meetingId: past.meetingId, pageSize, ...(token ? { token } : {}) });
        return { items: page.participants, next: page.next_page_token ?? '', total: page.total_records ?? page.participants.length };
      },
      Participant.from,
    );
  }
}
