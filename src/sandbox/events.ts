import { randomBytes } from 'node:crypto';
import type { ZoomMeeting } from './model/meeting.js';
import type { ZoomRegistrant } from './model/registrant.js';
import type { PastInstance } from './model/past.js';
import type { ZoomUser } from './model/user.js';
import { kindOfType } from './sessionKind.js';
import type { FakeZoomState } from './state.js';
import type { WebhookDispatcher } from './webhooks.js';

/** Who made a change, as event payloads name them (`operator` email, `operator_id`). */
export interface Operator {
  email: string;
  id: string;
}

const MEETING_FIELDS = ['uuid', 'id', 'host_id', 'topic', 'type', 'start_time', 'duration', 'timezone', 'join_url'] as const;

function meetingObject(m: ZoomMeeting): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of MEETING_FIELDS) if (m[k] !== undefined) out[k] = m[k];
  return out;
}

export type RegistrationEvent =
  'meeting.registration_created' | 'meeting.registration_approved' | 'meeting.registration_denied' | 'meeting.registration_cancelled';

const userObject = (u: ZoomUser) => ({ id: u.id, first_name: u.first_name, last_name: u.last_name, email: u.email, type: u.type });

/** Fields of `after` that differ from `before`, with the object's ids kept. */
function changed(before: Record<string, unknown>, after: Record<string, unknown>, ids: string[]) {
  const object: Record<string, unknown> = {};
  const old: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (ids.includes(k) || JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      object[k] = after[k];
      old[k] = before[k];
    }
  }
  return { object, old_object: old };
}

/**
 * The events the fake's own state changes cause, shaped as Zoom's event references describe
 * them (RIVET `Meetings.Meeting*Event`, `Users.User*Event`; Marketplace `app_deauthorized`).
 */
export class FakeEvents {
  constructor(
    private readonly state: FakeZoomState,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  private base(operator: Operator) {
    return { account_id: this.state.accountId, operator: operator.email, operator_id: operator.id };
  }

  meetingCreated(m: ZoomMeeting, operator: Operator): void {
    this.webhooks.emit(`${kindOfType(m.type).eventPrefix}.created`, { ...this.base(operator), object: meetingObject(m) });
  }

  /** `before` is the meeting as it was; `meeting.updated` carries the changed fields and their old values. */
  meetingUpdated(before: ZoomMeeting, after: ZoomMeeting, operator: Operator): void {
    const diff = changed(meetingObject(before), meetingObject(after), ['id', 'uuid', 'host_id']);
    this.webhooks.emit(`${kindOfType(after.type).eventPrefix}.updated`, {
      ...this.base(operator),
      ...diff,
      time_stamp: this.state.clock.now(),
    });
  }

  /**
   * `meeting.registration_*`: the meeting with its `registrant`. A registrant registering
   * itself names no operator; approve/deny/cancel name the host or admin who did it.
   */
  registration(event: RegistrationEvent, m: ZoomMeeting, r: ZoomRegistrant, operator?: Operator): void {
    const registrant = {
      id: r.id,
      first_name: r.first_name,
      last_name: r.last_name,
      email: r.email,
      join_url: r.join_url,
      status: r.status,
    };
    this.webhooks.emit(event.replace(/^meeting/, kindOfType(m.type).eventPrefix), {
      account_id: this.state.accountId,
      ...(operator ? { operator: operator.email, operator_id: operator.id } : {}),
      object: { ...meetingObject(m), registrant },
    });
  }

  meetingDeleted(m: ZoomMeeting, operator: Operator): void {
    this.webhooks.emit(`${kindOfType(m.type).eventPrefix}.deleted`, { ...this.base(operator), operation: 'all', object: meetingObject(m) });
  }

  user(
    event: 'user.created' | 'user.activated' | 'user.deactivated' | 'user.deleted' | 'user.disassociated',
    u: ZoomUser,
    operator: Operator,
  ): void {
    this.webhooks.emit(event, { ...this.base(operator), object: userObject(u) });
  }

  userUpdated(before: ZoomUser, after: ZoomUser, operator: Operator): void {
    const diff = changed({ ...before }, { ...after }, ['id']);
    this.webhooks.emit('user.updated', { ...this.base(operator), ...diff, time_stamp: this.state.clock.now() });
  }

  /** `user.settings_updated`: the user with the settings that changed (RIVET `Users.UserSettingsUpdatedEvent`). */
  userSettingsUpdated(u: ZoomUser, settings: object, operator: Operator): void {
    this.webhooks.emit('user.settings_updated', {
      ...this.base(operator),
      object: { id: u.id, email: u.email, settings },
      time_stamp: this.state.clock.now(),
    });
  }

  /** NOTE: `app_deauthorized` has no top-level `event_ts`; it sits in the payload (Marketplace events OpenAPI). */
  appDeauthorized(userId: string, clientId: string): void {
    const now = this.state.clock.now();
    this.webhooks.emit(
      'app_deauthorized',
      {
        account_id: this.state.accountId,
        user_id: userId,
        signature: randomBytes(32).toString('hex'),
        deauthorization_time: new Date(now).toISOString(),
        client_id: clientId,
        event_ts: now,
      },
      { onlyClientId: clientId, eventTs: false },
    );
  }

  /** A held meeting's cloud recording is ready (Zoom's envelope also carries a `download_token`, left out here). */
  recordingCompleted(p: PastInstance): void {
    const files = p.recording?.files ?? [];
    const object = {
      uuid: p.uuid,
      id: p.meeting_id,
      account_id: this.state.accountId,
      host_id: p.host_id,
      topic: p.topic,
      type: p.type,
      start_time: p.start_time,
      duration: p.duration,
      share_url: p.recording?.share_url,
      recording_count: files.length,
      total_size: files.reduce((n, f) => n + (f.file_size ?? 0), 0),
      recording_files: files,
    };
    this.webhooks.emit('recording.completed', { account_id: this.state.accountId, object });
  }

  operatorOf(userId: string | undefined): Operator {
    const user = (userId && this.state.findUser(userId)) || this.state.owner;
    return { email: user.email, id: user.id };
  }
}
