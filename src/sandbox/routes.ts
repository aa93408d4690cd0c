export type RouteName =
  | 'oauth.token'
  | 'oauth.authorize'
  | 'oauth.revoke'
  | 'users.list'
  | 'users.get'
  | 'users.token'
  | 'users.zak'
  | 'users.create'
  | 'users.update'
  | 'users.delete'
  | 'users.status'
  | 'users.settings'
  | 'users.updateSettings'
  | 'users.summary'
  | 'users.email'
  | 'roles.list'
  | 'roles.members'
  | 'roles.addMembers'
  | 'meetings.list'
  | 'meetings.create'
  | 'meetings.get'
  | 'meetings.update'
  | 'meetings.delete'
  | 'meetings.status'
  | 'meetings.invitation'
  | 'meetings.registrants'
  | 'meetings.addRegistrant'
  | 'meetings.registrantStatus'
  | 'past.instances'
  | 'webinars.list'
  | 'webinars.create'
  | 'webinars.get'
  | 'webinars.update'
  | 'webinars.delete'
  | 'webinars.status'
  | 'webinars.panelists'
  | 'webinars.addPanelists'
  | 'webinars.removePanelist'
  | 'webinars.registrants'
  | 'webinars.addRegistrant'
  | 'webinars.registrantStatus'
  | 'webinars.pastInstances'
  | 'webinars.pastParticipants'
  | 'webinars.absentees'
  | 'past.participants'
  | 'recordings.get'
  | 'recordings.list'
  | 'recordings.download'
  | 'admin'
  | 'unknown';

export const ROUTE_NAMES: readonly RouteName[] = [
  'oauth.token',
  'oauth.authorize',
  'oauth.revoke',
  'users.list',
  'users.get',
  'users.token',
  'users.zak',
  'users.create',
  'users.update',
  'users.delete',
  'users.status',
  'users.settings',
  'users.updateSettings',
  'users.summary',
  'users.email',
  'roles.list',
  'roles.members',
  'roles.addMembers',
  'meetings.list',
  'meetings.create',
  'meetings.get',
  'meetings.update',
  'meetings.delete',
  'meetings.status',
  'meetings.invitation',
  'meetings.registrants',
  'meetings.addRegistrant',
  'meetings.registrantStatus',
  'past.instances',
  'past.participants',
  'recordings.get',
  'recordings.list',
  'recordings.download',
  'admin',
  'unknown',
  'webinars.list',
  'webinars.create',
  'webinars.get',
  'webinars.update',
  'webinars.delete',
  'webinars.status',
  'webinars.panelists',
  'webinars.addPanelists',
  'webinars.removePanelist',
  'webinars.registrants',
  'webinars.addRegistrant',
  'webinars.registrantStatus',
  'webinars.pastInstances',
  'webinars.pastParticipants',
  'webinars.absentees',
];

export interface RouteMatch {
  route: RouteName;
  /** Raw (still percent-encoded) path parameter: `userId` or `meetingId`. */
  param?: string;
  /** A second path parameter, e.g. `panelistId`. */
  sub?: string;
}

/**
 * Classifies a request by method and raw path. Path parameters stay encoded here because
 * meeting UUIDs need Zoom's decode-once-or-twice rule (see rest/meetingId.ts).
 */
export function matchRoute(method: string, rawPath: string): RouteMatch {
  if (rawPath.startsWith('/__fake/')) return { route: 'admin' };
  if (rawPath === '/oauth/token') return { route: 'oauth.token' };
  if (rawPath === '/oauth/authorize') return { route: 'oauth.authorize' };
  if (rawPath === '/oauth/revoke') return { route: 'oauth.revoke' };
  if (rawPath.startsWith('/rec/download/') && method === 'GET') return { route: 'recordings.download' };
  if (!rawPath.startsWith('/v2/')) return { route: 'unknown' };
  const seg = rawPath.slice('/v2/'.length).split('/');
  const [a, b, c, d] = seg;
  const n = seg.length;
  if (a === 'users') {
    if (n === 1 && method === 'GET') return { route: 'users.list' };
    if (n === 1 && method === 'POST') return { route: 'users.create' };
    // `summary` and `email` are routes of their own, ahead of a user called so.
    if (n === 2 && b === 'summary' && method === 'GET') return { route: 'users.summary' };
    if (n === 2 && b === 'email' && method === 'GET') return { route: 'users.email' };
    if (n === 2 && b && method === 'GET') return { route: 'users.get', param: b };
    if (n === 2 && b && method === 'PATCH') return { route: 'users.update', param: b };
    if (n === 2 && b && method === 'DELETE') return { route: 'users.delete', param: b };
    if (n === 3 && b && c === 'status' && method === 'PUT') return { route: 'users.status', param: b };
    if (n === 3 && b && c === 'settings' && method === 'GET') return { route: 'users.settings', param: b };
    if (n === 3 && b && c === 'settings' && method === 'PATCH') return { route: 'users.updateSettings', param: b };
    if (n === 3 && b === 'me' && c === 'zak' && method === 'GET') return { route: 'users.zak' };
    if (n === 3 && b && c === 'token' && method === 'GET') return { route: 'users.token', param: b };
    if (n === 3 && b && c === 'meetings' && method === 'GET') return { route: 'meetings.list', param: b };
    if (n === 3 && b && c === 'meetings' && method === 'POST') return { route: 'meetings.create', param: b };
    if (n === 3 && b && c === 'recordings' && method === 'GET') return { route: 'recordings.list', param: b };
    if (n === 3 && b && c === 'webinars' && method === 'GET') return { route: 'webinars.list', param: b };
    if (n === 3 && b && c === 'webinars' && method === 'POST') return { route: 'webinars.create', param: b };
  }
  if (a === 'webinars' || a === 'past_webinars') return matchWebinarRoute(method, seg);
  if (a === 'roles') {
    if (n === 1 && method === 'GET') return { route: 'roles.list' };
    if (n === 3 && b && c === 'members' && method === 'GET') return { route: 'roles.members', param: b };
    if (n === 3 && b && c === 'members' && method === 'POST') return { route: 'roles.addMembers', param: b };
  }
  if (a === 'past_meetings' && n === 3 && b && method === 'GET') {
    if (c === 'instances') return { route: 'past.instances', param: b };
    if (c === 'participants') return { route: 'past.participants', param: b };
  }
  if (a === 'meetings' && n === 3 && b && c === 'recordings' && method === 'GET') return { route: 'recordings.get', param: b };
  if (a === 'meetings' && n === 2 && b && d === undefined) {
    if (method === 'GET') return { route: 'meetings.get', param: b };
    if (method === 'PATCH') return { route: 'meetings.update', param: b };
    if (method === 'DELETE') return { route: 'meetings.delete', param: b };
  }
  if (a === 'meetings' && b && n === 3) {
    if (c === 'status' && method === 'PUT') return { route: 'meetings.status', param: b };
    if (c === 'invitation' && method === 'GET') return { route: 'meetings.invitation', param: b };
    if (c === 'registrants' && method === 'GET') return { route: 'meetings.registrants', param: b };
    if (c === 'registrants' && method === 'POST') return { route: 'meetings.addRegistrant', param: b };
  }
  if (a === 'meetings' && b && n === 4 && c === 'registrants' && d === 'status' && method === 'PUT')
    return { route: 'meetings.registrantStatus', param: b };
  return { route: 'unknown' };
}

/** `/webinars/…` and `/past_webinars/…` (SPEC23): the meeting routes' shapes plus panelists and absentees. */
function matchWebinarRoute(method: string, seg: string[]): RouteMatch {
  const [a, b, c, d] = seg;
  const n = seg.length;
  if (!b) return { route: 'unknown' };
  if (a === 'past_webinars') {
    if (n !== 3 || method !== 'GET') return { route: 'unknown' };
    if (c === 'instances') return { route: 'webinars.pastInstances', param: b };
    if (c === 'participants') return { route: 'webinars.pastParticipants', param: b };
    if (c === 'absentees') return { route: 'webinars.absentees', param: b };
    return { route: 'unknown' };
  }
  if (n === 2) {
    if (method === 'GET') return { route: 'webinars.get', param: b };
    if (method === 'PATCH') return { route: 'webinars.update', param: b };
    if (method === 'DELETE') return { route: 'webinars.delete', param: b };
  }
  if (n === 3 && c === 'status' && method === 'PUT') return { route: 'webinars.status', param: b };
  if (n === 3 && c === 'panelists' && method === 'GET') return { route: 'webinars.panelists', param: b };
  if (n === 3 && c === 'panelists' && method === 'POST') return { route: 'webinars.addPanelists', param: b };
  if (n === 4 && c === 'panelists' && d && method === 'DELETE') return { route: 'webinars.removePanelist', param: b, sub: d };
  if (n === 3 && c === 'registrants' && method === 'GET') return { route: 'webinars.registrants', param: b };
  if (n === 3 && c === 'registrants' && method === 'POST') return { route: 'webinars.addRegistrant', param: b };
  if (n === 4 && c === 'registrants' && d === 'status' && method === 'PUT') return { route: 'webinars.registrantStatus', param: b };
  return { route: 'unknown' };
}
