import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { assertCanActFor, isSelf } from '../../auth/policy.js';
import { isAdmin, zoomUserOf, type Principal } from '../../auth/principal.js';
import { badUserInput, forbidden, notFound } from '../../errors.js';
import type { LiveEvent } from '../../live/liveEvent.js';
import { getMeeting } from '../../zoom/meetings.js';
import { getUser } from '../../zoom/users.js';
import type { GraphQLContext } from '../context.js';
import { assertCanActOnMeeting } from '../meetings/meetingAccess.js';
import { checkMeetingId } from '../meetings/meetingArgs.js';
import { notFoundOf } from '../meetings/meetingChange.js';
import { MEETING, type SessionKind } from '../../zoom/sessionKind.js';
import { checkUserId } from '../users/userArgs.js';
import { MeetingEvent } from './meetingEvent.type.js';

type Data = SubscribeResolverData<unknown, Record<string, unknown>, GraphQLContext>;

function liveOf(ctx: GraphQLContext) {
  if (!ctx.live) throw badUserInput('Subscriptions are served over WebSocket (graphql-transport-ws) on /graphql.');
  return ctx.live;
}

/** The ids (lower-cased) an event's host may carry and still be the caller. */
function selfIds(principal: Principal, ...more: Array<string | undefined>): Set<string> {
  return new Set([principal.zoomUserId, principal.email, ...more].filter((v): v is string => Boolean(v)).map((v) => v.toLowerCase()));
}

/**
 * `meetingEvents`: the caller's right is checked against Zoom (or the read cache) when it
 * subscribes; later, every event is checked against the host it names (or the host the replica
 * last heard of), so once the meeting has another host a user-role subscriber hears no more.
 */
const meetingFeed = (data: Data) => sessionFeed(data, MEETING);

/** `meetingEvents` and `webinarEvents`: one meeting's or webinar's events, by its number. */
export async function sessionFeed({ args, context }: Data, kind: SessionKind) {
  const live = liveOf(context);
  const argument = `${kind.noun}Id`;
  const meetingId = checkMeetingId(String(args[argument]), argument);
  if (!/^\d+$/.test(meetingId)) throw badUserInput(`${argument}: subscribe by ${kind.noun} number (events name them by number).`);
  const admin = isAdmin(context.principal);
  let known: Set<string> | undefined;
  let subscribedHost: string | undefined;
  if (!admin) {
    const meeting = await getMeeting(context.zoom, meetingId, kind);
    if (!meeting) throw notFoundOf(kind, meetingId);
    assertCanActOnMeeting(context.principal, meeting, `Subscribing to this ${kind.noun}`);
    known = selfIds(context.principal, meeting.host_id);
    subscribedHost = meeting.host_id;
  }
  const webinars = kind.noun === 'webinar';
  return live.hub.subscribe((e: LiveEvent) => {
    if (e.meetingId !== meetingId || (e.webinar === true) !== webinars) return false;
    if (!known) return true;
    const host = e.hostId ?? live.hub.hostOf(meetingId) ?? subscribedHost;
    return host !== undefined && known.has(host.toLowerCase());
  }, live.overflow);
}

/** `myMeetingEvents`: every meeting (not webinar) whose events name (or last named) the host as its host. */
async function hostFeed({ args, context }: Data) {
  const live = liveOf(context);
  const hostArg = typeof args.hostId === 'string' ? args.hostId : 'me';
  checkUserId(hostArg, 'hostId');
  assertCanActFor(context.principal, hostArg);
  let ids: Set<string>;
  if (hostArg === 'me' || isSelf(context.principal, hostArg)) {
    if (!zoomUserOf(context.principal)) throw forbidden('The caller has no Zoom user of its own; an admin may pass hostId.');
    // Events name hosts by Zoom user id: a caller known by email is looked up once.
    const user = context.principal.zoomUserId ? undefined : await getUser(context.zoom, 'me');
    ids = selfIds(context.principal, user?.id);
  } else {
    const user = hostArg.includes('@') ? await getUser(context.zoom, hostArg) : undefined;
    if (hostArg.includes('@') && !user) throw notFound(`No Zoom user ${hostArg}.`);
    ids = new Set([hostArg.toLowerCase(), ...(user?.id ? [user.id.toLowerCase()] : [])]);
  }
  return live.hub.subscribe((e: LiveEvent) => {
    if (e.webinar) return false;
    const host = e.hostId ?? live.hub.hostOf(e.meetingId);
    return host !== undefined && ids.has(host.toLowerCase());
  }, live.overflow);
}

@Resolver()
export class LiveEventsResolver {
  @Subscription(() => MeetingEvent, {
    description: 'Events of one meeting as Zoom reports them; user-role callers only for meetings they host.',
    subscribe: meetingFeed,
  })
  meetingEvents(
    @Root() event: LiveEvent,
    @Arg('meetingId', () => ID, { description: 'The meeting number.' }) _meetingId: string,
  ): MeetingEvent {
    return MeetingEvent.from(event);
  }

  @Subscription(() => MeetingEvent, {
    description: 'Events of every meeting the caller hosts (admins: of the host given).',
    subscribe: hostFeed,
  })
  myMeetingEvents(
    @Root() event: LiveEvent,
    @Arg('hostId', () => ID, { nullable: true, description: 'Admins only: another host’s Zoom user id or email.' }) _hostId: string | null,
  ): MeetingEvent {
    return MeetingEvent.from(event);
  }
}
