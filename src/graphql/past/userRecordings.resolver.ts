import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { isSelf } from '../../auth/policy.js';
import { isAdmin } from '../../auth/principal.js';
import { forbidden } from '../../errors.js';
import { listUserRecordings } from '../../zoom/recordings.js';
import type { GraphQLContext } from '../context.js';
import { LocalDate, monthWindow } from '../localDate.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { User } from '../users/user.type.js';
import { MeetingRecording, MeetingRecordingConnection } from './recording.type.js';

@Resolver(() => User)
export class UserRecordingsResolver {
  @FieldResolver(() => MeetingRecordingConnection, {
    nullable: true,
    description:
      "The user's cloud recordings of meetings that started from `from` to `to` (UTC days, both included, at most one month apart: Zoom's limit); neither means today. The user itself or an admin.",
  })
  async recordings(
    @Root() user: User,
    @Arg('from', () => LocalDate, { nullable: true }) from: string | null,
    @Arg('to', () => LocalDate, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingRecordingConnection> {
    const first = firstArg ?? 30;
    const window = monthWindow(from, to);
    const userId = user.zoomId ?? user.email;
    const start = checkPageArgs(ctx.cursors, first, after, `recordings:${userId.toLowerCase()}:${window.from ?? ''}:${window.to ?? ''}`);
    if (!isAdmin(ctx.principal) && !isSelf(ctx.principal, userId) && !isSelf(ctx.principal, user.email)) {
      throw forbidden("Reading recordings: the user role may read only its own user's recordings.");
    }
    return paginate(
      ctx.cursors,
      first,
      start,
      async (token, pageSize) => {
        const page = await listUserRecordings(ctx.zoom, userId, { ...window, pageSize, nextPageToken: token });
        return { items: page.meetings, next: page.next_page_token ?? '', total: page.total_records ?? page.meetings.length };
      },
      MeetingRecording.from,
    );
  }
}
