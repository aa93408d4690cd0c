import { json, type Reply } from './http.js';

export interface FieldError {
  field: string;
  message: string;
}

/** REST error body `{code, message}` (docs/zoom.md#errors-and-rate-limits, DOCS26 errors). */
export function zoomError(status: number, code: number, message: string, extra?: object): Reply {
  return json(status, { code, message, ...extra });
}

/** NOTE: validation errors are code 300 "Validation Failed." with `errors[]` (docs/zoom.md#errors-and-rate-limits). */
export function validationFailed(errors: FieldError[]): Reply {
  return zoomError(400, 300, 'Validation Failed.', { errors });
}

export function invalidField(field: string, message = 'Invalid field.'): Reply {
  return validationFailed([{ field, message }]);
}

/** OAuth endpoint error body `{reason, error}` (docs/zoom.md#server-to-server-oauth). */
export function oauthError(status: number, error: string, reason: string): Reply {
  return json(status, { reason, error });
}

export const OAUTH = {
  invalidClient: () => oauthError(400, 'invalid_client', 'Invalid client_id or client_secret'),
  unsupportedGrant: () => oauthError(400, 'unsupported_grant_type', 'unsupported grant type'),
  invalidToken: () => oauthError(400, 'invalid_grant', 'Invalid Token!'),
  invalidCode: (code: string) => oauthError(400, 'invalid_grant', `Invalid authorization code ${code}`),
  // NOTE: UNCONFIRMED — docs/zoom.md#server-to-server-oauth only knows a wrong account_id gives a 400.
  invalidAccount: () => oauthError(400, 'invalid_request', 'Invalid request : account_id is invalid'),
} as const;

export const REST = {
  invalidToken: () => zoomError(401, 124, 'Invalid access token.'),
  expiredToken: () => zoomError(401, 124, 'Access token is expired.'),
  // NOTE: tokens in the query string are refused since Feb 2023 (docs/zoom.md#user-oauth).
  queryToken: () => zoomError(401, 124, 'Invalid access token, this access token is not supported as query parameter string.'),
  // NOTE: 403 with code 4711 is UNCONFIRMED; the message is DOCS26 using-zoom-apis (docs/zoom.md#user-oauth).
  forbidden: () => zoomError(403, 4711, 'The Authenticated user has not permitted access to the targeted resource.'),
  userNotFound: (userId: string) => zoomError(404, 1001, `User does not exist: ${userId}.`),
  meetingNotFound: (id: string) => zoomError(404, 3001, `Meeting ${id} is not found or has expired.`),
  notHost: () => zoomError(400, 3003, 'You are not the meeting host.'),
  notHostShort: () => zoomError(400, 3003, "You're not the meeting host."),
  unknownEndpoint: () => zoomError(404, 2300, 'This API endpoint is not recognized.'),
  badJson: () => zoomError(400, 300, 'Request Body should be a valid JSON object.'),
} as const;
