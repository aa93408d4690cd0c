import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { isSelf } from '../../auth/policy.js';
import { isAdmin } from '../../auth/principal.js';
import { badUserInput, forbidden, notFound } from '../../errors.js';
import { getMeeting } from '../../zoom/meetings.js';
import { addRegistrant, updateRegistrantStatus } from '../../zoom/registrants.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { isEmailAddress } from '../../identity.js';
import { Meeting } from './meeting.type.js';
import { assertCanActOnMeeting, canActOnMeeting } from './meetingAccess.js';
import { checkMeetingNumber } from './meetingArgs.js';
import { assertMayChangeMeeting } from './meetingChange.js';
import { RegistrantAction, RegistrantStatus } from './registrant.enum.js';
import { AddMeetingRegistrantInput, MeetingRegistrant, MeetingRegistrantConnection } from './registrant.type.js';

/** Zoom registrant ids are base64url-like, e.g. `9tboDiHUQAeOnbmudzWa5g`. */
const REGISTRANT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** SPEC23: the status body takes at most 30 registrants. */
const MAX_STATUS_BATCH = 30;

@Resolver(() => Meeting)
export class RegistrantsResolver {
  @FieldResolver(() => MeetingRegistrantConnection, {
    nullable: true,
    description:
      'People registered for the meeting, by status. Host or admin only. Errors when the meeting takes no registration ' +
      '(settings.approvalType NO_REGISTRATION, or a recurring meeting with no fixed time).',
  })
  async registrants(
    @Root() meeting: Meeting,
    @Arg('status', () => RegistrantStatus, { nullable: true, defaultValue: RegistrantStatus.APPROVED }) statusArg: RegistrantStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingRegistrantConnection> {
    const status = statusArg ?? RegistrantStatus.APPROVED;
    const first = firstArg ?? 30;
    const meetingNumber = checkMeetingNumber(meeting.id);
    const start = checkPageArgs(ctx.cursors, first, after, `registrants:${meetingNumber}:${status}`);
    assertCanActOnMeeting(ctx.principal, { host_id: meeting.hostId, ...(meeting.hostEmail ? { host_email: meeting.hostEmail } : {}) }, 'Reading registrants');
    return paginate(
      ctx.cursors,
      first,
      start,
      async (token, pageSize) => {
        const page = await ctx.loaders.registrantPage.load({ meetingNumber, status, pageSize, ...(token ? { nextPageToken: token } : {}) });
        return { items: page.registrants, next: page.next_page_token ?? '', total: page.total_records ?? page.registrants.length };
      },
      (r) => MeetingRegistrant.from(r, true),
    );
  }

  @Mutation(() => MeetingRegistrant, {
    nullable: true,
    description:
      'Registers someone for a meeting that takes registration. The host and admins may register anyone; another user only ' +
      'its own email, and does not see the join link (Zoom emails it). Zoom allows 3 a day per email and meeting. ' +
      failsWith({
        BAD_USER_INPUT: 'when the id, email or name is malformed (nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller that does not host the meeting registers another email',
        NOT_FOUND: 'when Zoom has no such meeting, or it takes no registration',
        ZOOM_RATE_LIMITED: 'when the email has registered 3 times today',
      }),
  })
  async addMeetingRegistrant(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('input', () => AddMeetingRegistrantInput) input: AddMeetingRegistrantInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MeetingRegistrant> {
    const meetingNumber = checkMeetingNumber(meetingId, 'meetingId');
    const body = toRegistrantBody(input);
    let host = isAdmin(ctx.principal);
    if (!host) {
      const meeting = await getMeeting(ctx.zoom, meetingNumber);
      if (!meeting) throw notFound(`Meeting ${meetingNumber} is not found or has expired.`);
      host = canActOnMeeting(ctx.principal, meeting);
      if (!host && !isSelf(ctx.principal, body.email)) {
        throw forbidden("Registering for this meeting: only the meeting's host or an admin may register someone else.");
      }
    }
    const added = await addRegistrant(ctx.zoom, meetingNumber, body);
    return MeetingRegistrant.from(
      { id: added.registrant_id, email: body.email, first_name: body.first_name, ...(body.last_name ? { last_name: body.last_name } : {}), ...(added.join_url ? { join_url: added.join_url } : {}) },
      host,
    );
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Approves, denies or cancels up to 30 registrations at once. Host or admin only; Zoom allows 10 status changes a day ' +
      'per registrant. ' +
      failsWith({
        BAD_USER_INPUT: 'when an id is malformed or repeated, or more than 30 are given (nothing reaches Zoom), or the meeting takes no registration',
        FORBIDDEN: 'when a user-role caller does not host the meeting',
        NOT_FOUND: 'when Zoom has no such meeting or registrant',
      }),
  })
  async updateMeetingRegistrantStatus(
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('action', () => RegistrantAction) action: RegistrantAction,
    @Arg('registrantIds', () => [ID]) registrantIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    const meetingNumber = checkMeetingNumber(meetingId, 'meetingId');
    checkRegistrantIds(registrantIds);
    await assertMayChangeMeeting(ctx, meetingNumber, 'Changing registrations');
    await updateRegistrantStatus(ctx.zoom, meetingNumber, action, registrantIds);
    return true;
  }
}

function toRegistrantBody(input: AddMeetingRegistrantInput): { email: string; first_name: string; last_name?: string } {
  const email = input.email.trim();
  const first = input.firstName.trim();
  const last = input.lastName?.trim();
  // NOTE: SPEC23 limits: email ≤ 128, first and last name ≤ 64 characters.
  if (email.length > 128 || !isEmailAddress(email)) throw badUserInput('input.email must be an email address of at most 128 characters.', 'input.email');
  if (first.length === 0 || Array.from(first).length > 64) throw badUserInput('input.firstName must be 1–64 characters.', 'input.firstName');
  if (last && Array.from(last).length > 64) throw badUserInput('input.lastName must be at most 64 characters.', 'input.lastName');
  return { email, first_name: first, ...(last ? { last_name: last } : {}) };
}

function checkRegistrantIds(ids: string[]): void {
  if (ids.length === 0 || ids.length > MAX_STATUS_BATCH) throw badUserInput(`registrantIds must list 1–${MAX_STATUS_BATCH} ids, got ${ids.length}.`, 'registrantIds');
  if (ids.some((id) => !REGISTRANT_ID.test(id))) throw badUserInput('registrantIds must be Zoom registrant ids.', 'registrantIds');
  if (new Set(ids).size !== ids.length) throw badUserInput('registrantIds must not repeat an id.', 'registrantIds');
}
