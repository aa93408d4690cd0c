import { randomUUID } from 'node:crypto';
import type { FakeContext } from './context.js';
import { json, type Reply } from './http.js';
import type { ZoomMeeting } from './model/meeting.js';
import { kindOfType } from './sessionKind.js';

type Obj = Record<string, unknown>;

export class LiveInputError extends Error {}

/** Someone in a running meeting, as Zoom's participant events name them. */
export interface FakeParticipant {
  /** `user_id`: Zoom's per-meeting participant number, as a string. */
  userId: string;
  /** `id`: the Zoom user id; empty for a guest (RIVET marks it optional). */
  id: string;
  name: string;
  email: string;
  participantUuid: string;
  joinTime: string;
}

const MEETING_FIELDS = ['uuid', 'id', 'host_id', 'topic', 'type', 'start_time', 'timezone', 'duration'] as const;

/** Zoom's second-precision time: `2019-07-16T17:13:13Z`. */
const zoomTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/**
 * Meetings as they run: started and ended by their host, joined and left by participants, as
 * people do in Zoom's clients. Each change sends the event Zoom sends for it, with the payload of
 * Zoom's event references: RIVET `Meetings.MeetingStartedEvent` / `MeetingEndedEvent` (the
 * meeting's `uuid`, `id`, `host_id`, `topic`, `type`, `start_time`, `timezone`, `duration`;
 * `end_time` when ended) and `MeetingParticipantJoinedEvent` / `MeetingParticipantLeftEvent`
 * (the same object with `participant`: `user_id`, `user_name`, `id`, `email`,
 * `participant_uuid`, `join_time`, and `leave_time` and `leave_reason` when leaving).
 */
export class FakeLive {
  private readonly participants = new Map<number, FakeParticipant[]>();
  private nextParticipant = 16_778_240;

  constructor(private readonly ctx: FakeContext) {}

  start(idOrUuid: string): ZoomMeeting {
    const meeting = this.meeting(idOrUuid);
    if (meeting.status === 'started') throw new LiveInputError(`meeting ${meeting.id} is already started`);
    meeting.status = 'started';
    this.participants.set(meeting.id, []);
    this.emit('meeting.started', meeting, { start_time: zoomTime(this.ctx.clock.now()) });
    return meeting;
  }

  /** Ending removes everyone; Zoom reports the end, not each departure. */
  end(idOrUuid: string): ZoomMeeting {
    const meeting = this.meeting(idOrUuid);
    if (meeting.status !== 'started') throw new LiveInputError(`meeting ${meeting.id} is not started`);
    meeting.status = 'waiting';
    this.participants.delete(meeting.id);
    this.emit('meeting.ended', meeting, { end_time: zoomTime(this.ctx.clock.now()) });
    return meeting;
  }

  /** `user` (a Zoom user id or email of the account) joins as that user; otherwise as a guest named `name`. */
  join(idOrUuid: string, who: { name?: unknown; user?: unknown; email?: unknown }): FakeParticipant {
    const meeting = this.meeting(idOrUuid);
    const list = this.participants.get(meeting.id);
    if (meeting.status !== 'started' || !list) throw new LiveInputError(`meeting ${meeting.id} is not started`);
    const user = typeof who.user === 'string' ? this.ctx.state.findUser(who.user) : undefined;
    if (who.user !== undefined && !user) throw new LiveInputError(`unknown user: ${String(who.user)}`);
    const name =
      typeof who.name === 'string' && who.name !== '' ? who.name : user ? `${user.first_name} ${user.last_name}`.trim() : undefined;
    if (!name) throw new LiveInputError('name (a guest) or user (a Zoom user) is required');
    const participant: FakeParticipant = {
      userId: String(this.nextParticipant++),
      id: user?.id ?? '',
      name,
      email: user?.email ?? (typeof who.email === 'string' ? who.email : ''),
      participantUuid: randomUUID().toUpperCase(),
      joinTime: zoomTime(this.ctx.clock.now()),
    };
    list.push(participant);
    this.emit('meeting.participant_joined', meeting, { participant: this.participantObject(participant) });
    return participant;
  }

  leave(idOrUuid: string, participantId: string): FakeParticipant {
    const meeting = this.meeting(idOrUuid);
    const list = this.participants.get(meeting.id) ?? [];
    const i = list.findIndex((p) => p.userId === participantId || p.participantUuid === participantId);
    const participant = list[i];
    if (!participant) throw new LiveInputError(`no participant ${participantId} in meeting ${meeting.id}`);
    list.splice(i, 1);
    this.emit('meeting.participant_left', meeting, {
      participant: { ...this.participantObject(participant), leave_time: zoomTime(this.ctx.clock.now()), leave_reason: 'left the meeting' },
    });
    return participant;
  }

  inMeeting(idOrUuid: string): FakeParticipant[] {
    return [...(this.participants.get(this.meeting(idOrUuid).id) ?? [])];
  }

  private participantObject(p: FakeParticipant): Obj {
    return { user_id: p.userId, user_name: p.name, id: p.id, email: p.email, participant_uuid: p.participantUuid, join_time: p.joinTime };
  }

  private emit(event: string, meeting: ZoomMeeting, extra: Obj): void {
    const object: Obj = {};
    for (const k of MEETING_FIELDS) if (meeting[k] !== undefined) object[k] = meeting[k];
    this.ctx.webhooks.emit(event.replace(/^meeting/, kindOfType(meeting.type).eventPrefix), {
      account_id: this.ctx.state.accountId,
      object: { ...object, ...extra },
    });
  }

  private meeting(idOrUuid: string): ZoomMeeting {
    const key = /^\d+$/.test(idOrUuid) ? Number(idOrUuid) : idOrUuid;
    const meeting = this.ctx.state.findMeeting(key) ?? this.ctx.state.findWebinar(key);
    if (!meeting) throw new LiveInputError(`no such meeting: ${idOrUuid}`);
    return meeting;
  }
}

const lives = new WeakMap<FakeContext, FakeLive>();

/** The fake's running meetings (one per fake). */
export function liveOf(ctx: FakeContext): FakeLive {
  let live = lives.get(ctx);
  if (!live) lives.set(ctx, (live = new FakeLive(ctx)));
  return live;
}

/**
 * `/__fake/live/meetings/{id}/…`: `POST start`, `POST end`, `POST participants` (join: `{name}`
 * for a guest or `{user}` for a Zoom user), `DELETE participants/{participantId}` (leave),
 * `GET participants`. Undefined for any other path.
 */
export function handleLiveAdmin(ctx: FakeContext, method: string, path: string, body: Obj): Reply | undefined {
  const m = /^\/__fake\/live\/(?:meetings|webinars)\/([^/]+)\/(start|end|participants)(?:\/([^/]+))?$/.exec(path);
  if (!m) return undefined;
  const [, rawId = '', action, participant] = m;
  const id = decodeURIComponent(rawId);
  const live = liveOf(ctx);
  try {
    if (action === 'start' && method === 'POST' && !participant) return json(200, { id: live.start(id).id, status: 'started' });
    if (action === 'end' && method === 'POST' && !participant) return json(200, { id: live.end(id).id, status: 'waiting' });
    if (action === 'participants' && method === 'POST' && !participant) return json(200, live.join(id, body));
    if (action === 'participants' && method === 'GET' && !participant) return json(200, { participants: live.inMeeting(id) });
    if (action === 'participants' && method === 'DELETE' && participant) return json(200, live.leave(id, decodeURIComponent(participant)));
  } catch (err) {
    if (err instanceof LiveInputError) return json(400, { error: err.message });
    throw err;
  }
  return undefined;
}
