import { GatewayError } from '../../errors.js';
import type { ZoomCreateUserBody, ZoomUpdateUserBody } from '../../zoom/types.js';
import type { UserTransfer } from '../../zoom/userAdmin.js';
import { CreateUserAction } from './userAdmin.enum.js';
import type { CreateUserInput, UpdateUserInput, UserTransferInput } from './userAdmin.input.js';
import { isEmailAddress } from '../../identity.js';

// Zoom's limits on user fields (USERS26 `POST /users`, `PATCH /users/{userId}`), checked before
// any Zoom call so bad input costs no request.
const EMAIL_MAX = 128;
const NAME_MAX = 64;
const LONG_MAX = 128;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

type Problem = [field: string, message: string];
const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const chars = (s: string) => Array.from(s).length;

function text(problems: Problem[], field: string, value: string, max: number): string {
  if (chars(value) > max) problems.push([field, `must be at most ${max} characters`]);
  return value;
}

export function toCreateUserBody(input: CreateUserInput): ZoomCreateUserBody {
  const problems: Problem[] = [];
  if (!isEmailAddress(input.email) || input.email.length > EMAIL_MAX)
    problems.push(['email', `must be an email address of at most ${EMAIL_MAX} characters`]);
  const info: ZoomCreateUserBody['user_info'] = { email: input.email, type: input.type };
  if (given(input.firstName)) info.first_name = text(problems, 'firstName', input.firstName, NAME_MAX);
  if (given(input.lastName)) info.last_name = text(problems, 'lastName', input.lastName, NAME_MAX);
  if (given(input.displayName)) info.display_name = text(problems, 'displayName', input.displayName, LONG_MAX);
  if (problems.length > 0) throw invalid('user', problems);
  return { action: input.action ?? CreateUserAction.CREATE, user_info: info };
}

export function toUpdateUserBody(input: UpdateUserInput): ZoomUpdateUserBody {
  const problems: Problem[] = [];
  const body: ZoomUpdateUserBody = {};
  if (given(input.firstName)) body.first_name = text(problems, 'firstName', input.firstName, NAME_MAX);
  if (given(input.lastName)) body.last_name = text(problems, 'lastName', input.lastName, NAME_MAX);
  if (given(input.displayName)) body.display_name = text(problems, 'displayName', input.displayName, LONG_MAX);
  if (given(input.type)) body.type = input.type;
  if (given(input.dept)) body.dept = text(problems, 'dept', input.dept, LONG_MAX);
  if (given(input.jobTitle)) body.job_title = text(problems, 'jobTitle', input.jobTitle, LONG_MAX);
  if (given(input.timezone)) {
    if (!isTimeZone(input.timezone)) problems.push(['timezone', 'must be an IANA time zone such as Europe/Berlin']);
    body.timezone = input.timezone;
  }
  if (given(input.language)) {
    if (!LANGUAGE.test(input.language) || input.language.length > 16) problems.push(['language', 'must be a language tag such as en-US']);
    body.language = input.language;
  }
  if (Object.keys(body).length === 0 && problems.length === 0) problems.push(['', 'must change at least one field']);
  if (problems.length > 0) throw invalid('user', problems);
  return body;
}

export function toTransfer(input: UserTransferInput): UserTransfer {
  if (!isEmailAddress(input.toEmail))
    throw new GatewayError('BAD_USER_INPUT', 'transfer.toEmail must be an email address.', {
      argument: 'transfer.toEmail',
      fields: ['transfer.toEmail'],
    });
  return {
    email: input.toEmail,
    meetings: input.meetings ?? true,
    webinars: input.webinars ?? true,
    recordings: input.recordings ?? true,
    whiteboards: input.whiteboards ?? true,
  };
}

export function isTimeZone(v: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(v);
  } catch {
    return false;
  }
}

function invalid(what: string, problems: Problem[]): GatewayError {
  const fields = problems.map(([f]) => (f ? `input.${f}` : 'input'));
  const message = `Invalid ${what} input: ${problems.map(([f, m]) => `${f || 'input'} ${m}`).join('; ')}.`;
  return new GatewayError('BAD_USER_INPUT', message, { argument: fields[0], fields });
}
