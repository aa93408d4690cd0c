import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { checkPageArgs, paginate } from '../pagination.js';
import type { ConnectionShape } from '../connection.js';
import { assertMayReadPast } from './meetingPast.resolver.js';
import { ParticipantConnection, Participant } from './participant.type.js';
import { PastMeeting } from './pastMeeting.type.js';
import type { ParticipantsPageKey } from './past.loader.js';
import type { ZoomPage } from '../../zoom/types.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';

@Resolver(() => PastMeeting)
export class PastMeetingResolver {
  @FieldResolver(() => ParticipantConnection, {
    nullable: true,
    description: 'Who joined this instance (Zoom’s participants report; paid plans). Host or admin only.',
  })
  async participants(
    @Root() past: PastMeeting,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ParticipantConnection> {
    return participantConnection(ctx, past, firstArg, after);
  }
}

/** An ended instance of a meeting or webinar, with the host that may read its reports. */
export interface PastOf {
  uuid: string;
  meetingId: string;
  hostId: string;
  hostEmail: string | null;
}

/** One page of a past report (participants, or a webinar's absentees) as a connection; host or admin only. */
export async function pastConnection<Z extends ZoomPage, T, N>(
  ctx: GraphQLContext,
  past: PastOf,
  firstArg: number | null,
  after: string | null,
  report: { name: string; load: (k: ParticipantsPageKey) => Promise<Z>; items: (page: Z) => T[] },
  node: (item: T) => N,
): Promise<ConnectionShape<N>> {
  const first = firstArg ?? 30;
  const start = checkPageArgs(ctx.cursors, first, after, `${report.name}:${past.uuid}`);
  assertMayReadPast(ctx, past, `Reading ${report.name}`);
  return paginate(
    ctx.cursors,
    first,
    start,
    async (token, pageSize) => {
      const page = await report.load({ uuid: past.uuid, meetingId: past.meetingId, pageSize, ...(token ? { token } : {}) });
      const items = report.items(page);
      return { items, next: page.next_page_token ?? '', total: page.total_records ?? items.length };
    },
    node,
  );
}

export const participantConnection = (
  ctx: GraphQLContext,
  past: PastOf,
  firstArg: number | null,
  after: string | null,
  kind: SessionKind = MEETING,
): Promise<ParticipantConnection> =>
  pastConnection(
    ctx,
    past,
    firstArg,
    after,
    { name: 'participants', load: (k) => ctx.loaders.of(kind).past.participants.load(k), items: (p) => p.participants },
    Participant.from,
  );
