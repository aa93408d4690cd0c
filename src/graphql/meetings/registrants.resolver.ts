import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { isSelf } from '../../auth/policy.js';
import { isAdmin } from '../../auth/principal.js';
import { badUserInput, forbidden } from '../../errors.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';
import { getMeeting } from '../../zoom/meetings.js';
import { addRegistrant, updateRegistrantStatus } from '../../zoom/registrants.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { isEmailAddress } from '../../identity.js';
import { Meeting } from './meeting.type.js';
import { assertCanActOnMeeting, canActOnMeeting } from './meetingAccess.js';
import { checkMeetingNumber } from './meetingArgs.js';
import { assertMayChangeMeeting, notFoundOf } from './meetingChange.js';
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
    return registrantConnection(ctx, meeting, statusArg, firstArg, after);
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
    return registerFor(ctx, meetingId, input);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Approves, denies or cancels up to 30 registrations at once. Host or admin only; Zoom allows 10 status changes a day ' +
      'per registrant. ' +
      failsWith({
        BAD_USER_INPUT:
          'when an id is malformed or repeated, or more than 30 are given (nothing reaches Zoom), or the meeting takes no registration',
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
    return changeRegistrations(ctx, meetingId, action, registrantIds);
  }
}

/** The parent a registrants field hangs off: a Meeting or a Webinar, already read under the policy. */
interface Hosted {
  id: string;
  hostId: string;
  hostEmail: string | null;
}

/** `registrants` of a meeting or webinar: host or admin only, one Zoom call per distinct page a request. */
export async function registrantConnection(
  ctx: GraphQLContext,
  parent: Hosted,
  statusArg: RegistrantStatus | null,
  firstArg: number | null,
  after: string | null,
  kind: SessionKind = MEETING,
): Promise<MeetingRegistrantConnection> {
  const status = statusArg ?? RegistrantStatus.APPROVED;
  const first = firstArg ?? 30;
  const meetingNumber = checkMeetingNumber(parent.id);
  const start = checkPageArgs(ctx.cursors, first, after, `registrants:${meetingNumber}:${status}`);
  assertCanActOnMeeting(
    ctx.principal,
    { host_id: parent.hostId, ...(parent.hostEmail ? { host_email: parent.hostEmail } : {}) },
    'Reading registrants',
  );
  return paginate(
    ctx.cursors,
    first,
    start,
    async (token, pageSize) => {
      const page = await ctx.loaders
        .of(kind)
        .registrantPage.load({ meetingNumber, status, pageSize, ...(token ? { nextPageToken: token } : {}) });
      return { items: page.registrants, next: page.next_page_token ?? '', total: page.total_records ?? page.registrants.length };
    },
    (r) => MeetingRegistrant.from(r, true),
  );
}

/** Registers someone for a meeting or webinar: the host or an admin anyone, another user only itself. */
export async function registerFor(
  ctx: GraphQLContext,
  id: string,
  input: AddMeetingRegistrantInput,
  kind: SessionKind = MEETING,
): Promise<MeetingRegistrant> {
  const argument = `${kind.noun}Id`;
  const meetingNumber = checkMeetingNumber(id, argument);
  const body = toRegistrantBody(input);
  let host = isAdmin(ctx.principal);
  if (!host) {
    const meeting = await getMeeting(ctx.zoom, meetingNumber, kind);
    if (!meeting) throw notFoundOf(kind, meetingNumber);
    host = canActOnMeeting(ctx.principal, meeting);
    if (!host && !isSelf(ctx.principal, body.email)) {
      throw forbidden(`Registering for this ${kind.noun}: only the ${kind.noun}'s host or an admin may register someone else.`);
    }
  }
  const added = await addRegistrant(ctx.zoom, meetingNumber, body, kind);
  return MeetingRegistrant.from(
    {
      id: added.registrant_id,
      email: body.email,
      first_name: body.first_name,
      ...(body.last_name ? { last_name: body.last_name } : {}),
      ...(added.join_url ? { join_url: added.join_url } : {}),
    },
    host,
  );
}

/** Approves, denies or cancels up to 30 registrations of a meeting or webinar; host or admin only. */
export async function changeRegistrations(
  ctx: GraphQLContext,
  id: string,
  action: RegistrantAction,
  registrantIds: string[],
  kind: SessionKind = MEETING,
): Promise<boolean> {
  const meetingNumber = checkMeetingNumber(id, `${kind.noun}Id`);
  checkRegistrantIds(registrantIds);
  await assertMayChangeMeeting(ctx, meetingNumber, 'Changing registrations', kind);
  await updateRegistrantStatus(ctx.zoom, meetingNumber, action, registrantIds, kind);
  return true;
}

function toRegistrantBody(input: AddMeetingRegistrantInput): { email: string; first_name: string; last_name?: string } {
  const email = input.email.trim();
  const first = input.firstName.trim();
  const last = input.lastName?.trim();
  // NOTE: SPEC23 limits: email ≤ 128, first and last name ≤ 64 characters.
  if (email.length > 128 || !isEmailAddress(email))
    throw badUserInput('input.email must be an email address of at most 128 characters.', 'input.email');
  if (first.length === 0 || Array.from(first).length > 64)
    throw badUserInput('input.firstName must be 1–64 characters.', 'input.firstName');
  if (last && Array.from(last).length > 64) throw badUserInput('input.lastName must be at most 64 characters.', 'input.lastName');
  return { email, first_name: first, ...(last ? { last_name: last } : {}) };
}

function checkRegistrantIds(ids: string[]): void {
  if (ids.length === 0 || ids.length > MAX_STATUS_BATCH)
    throw badUserInput(`registrantIds must list 1–${MAX_STATUS_BATCH} ids, got ${ids.length}.`, 'registrantIds');
  if (ids.some((id) => !REGISTRANT_ID.test(id))) throw badUserInput('registrantIds must be Zoom registrant ids.', 'registrantIds');
  if (new Set(ids).size !== ids.length) throw badUserInput('registrantIds must not repeat an id.', 'registrantIds');
}
