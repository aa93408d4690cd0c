import type { FakeContext, FakeRequest } from './context.js';
import { json, type Reply } from './http.js';

type Obj = Record<string, unknown>;

class PastInputError extends Error {}

function participants(value: unknown): number | Array<string | { name: string; email?: string }> | undefined {
  if (value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000)) return value;
  if (!Array.isArray(value)) throw new PastInputError('participants must be a count (0–1000) or a list');
  return value.map((p: unknown) => {
    if (typeof p === 'string') return p;
    const o = p as Obj;
    if (typeof o?.name !== 'string' || (o.email !== undefined && typeof o.email !== 'string')) {
      throw new PastInputError('each participant is a user id or email, or { name, email? }');
    }
    return { name: o.name, ...(typeof o.email === 'string' ? { email: o.email } : {}) };
  });
}

const optional = <T>(body: Obj, key: string, type: 'string' | 'number' | 'boolean'): T | undefined => {
  if (body[key] === undefined) return undefined;
  if (typeof body[key] !== type) throw new PastInputError(`${key} must be a ${type}`);
  return body[key] as T;
};

/**
 * `POST /__fake/past-meetings` `{ meeting, startTime?, durationMinutes?, participants?, recording?, uuid? }`:
 * a meeting was held and has ended, as people would hold it in Zoom; answers the instance. A
 * recorded one sends `recording.completed` to the apps subscribed to events.
 */
export function handlePastAdmin(ctx: FakeContext, req: FakeRequest, body: Obj): Reply | undefined {
  if (`${req.method} ${req.path}` !== 'POST /__fake/past-meetings') return undefined;
  try {
    const meeting = body.meeting;
    if (typeof meeting !== 'string' && typeof meeting !== 'number') throw new PastInputError('meeting must be a meeting number or UUID');
    const uuid = optional<string>(body, 'uuid', 'string');
    const startTime = optional<string>(body, 'startTime', 'string');
    const durationMinutes = optional<number>(body, 'durationMinutes', 'number');
    const recording = optional<boolean>(body, 'recording', 'boolean');
    const who = participants(body.participants);
    const instance = ctx.state.addPastInstance(meeting, {
      ...(uuid !== undefined ? { uuid } : {}),
      ...(startTime !== undefined ? { startTime } : {}),
      ...(durationMinutes !== undefined ? { durationMinutes } : {}),
      ...(who !== undefined ? { participants: who } : {}),
      ...(recording !== undefined ? { recording } : {}),
    });
    if (instance.recording) ctx.events.recordingCompleted(instance);
    return json(200, instance);
  } catch (err) {
    return json(400, { error: err instanceof Error ? err.message : String(err) });
  }
}
