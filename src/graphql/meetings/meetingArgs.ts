import { badUserInput } from '../../errors.js';
import type { MeetingFieldsInput } from './meeting.input.js';
import { isMeetingId, isMeetingNumber } from '../../zoom/meetingId.js';

/** A meeting number (9–11 digits) or instance UUID, checked before any Zoom call. */
export function checkMeetingId(id: string, argument = 'id'): string {
  const trimmed = id.trim();
  if (!isMeetingId(trimmed)) throw badUserInput(`${argument} must be a meeting number (9–11 digits) or a meeting UUID.`, argument);
  return trimmed;
}

/** A meeting number (9–11 digits): registrant and status routes take no instance UUID (SPEC23 int64). */
export function checkMeetingNumber(id: string, argument = 'id'): string {
  const trimmed = id.trim();
  if (!isMeetingNumber(trimmed)) throw badUserInput(`${argument} must be a meeting number (9–11 digits).`, argument);
  return trimmed;
}

/** Zoom occurrence ids are digit strings (the occurrence's start in epoch milliseconds). */
const OCCURRENCE_ID = /^\d{1,20}$/;
/** NOTE: "Support change of agenda, start_time, duration, settings" (SPEC23 PATCH `occurrence_id`). */
const PER_OCCURRENCE = new Set(['agenda', 'startTime', 'duration', 'settings']);

/** An `occurrenceId` argument, and with an update input, only the fields Zoom changes per occurrence. */
export function checkOccurrence(id: string | null | undefined, input?: MeetingFieldsInput): string | undefined {
  if (id === null || id === undefined) return undefined;
  if (!OCCURRENCE_ID.test(id.trim())) throw badUserInput('occurrenceId must be a meeting occurrence id (digits).', 'occurrenceId');
  const other = Object.entries(input ?? {}).find(([k, v]) => v !== null && v !== undefined && !PER_OCCURRENCE.has(k));
  if (other)
    throw badUserInput(
      `input.${other[0]} cannot change for one occurrence: only agenda, startTime, duration and settings can.`,
      `input.${other[0]}`,
    );
  return id.trim();
}
