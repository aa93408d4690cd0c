import { badUserInput } from '../../errors.js';
import { isMeetingId } from '../../zoom/meetingId.js';

/** A meeting number (9–11 digits) or instance UUID, checked before any Zoom call. */
export function checkMeetingId(id: string, argument = 'id'): string {
  const trimmed = id.trim();
  if (!isMeetingId(trimmed)) throw badUserInput(`${argument} must be a meeting number (9–11 digits) or a meeting UUID.`, argument);
  return trimmed;
}
