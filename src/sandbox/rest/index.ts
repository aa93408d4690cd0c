import type { FakeContext, FakeRequest } from '../context.js';
import { REST } from '../errors.js';
import type { Reply } from '../http.js';
import { ROUTE_CATEGORY } from '../rateLimit.js';
import type { RouteName } from '../routes.js';
import { authenticate } from './auth.js';
import { deleteMeeting, getMeeting, updateMeeting } from './meeting.js';
import { createMeeting, listMeetings } from './meetings.js';
import { getInvitation, updateMeetingStatus } from './meetingStatus.js';
import { addRegistrant, listRegistrants, updateRegistrantStatus } from './registrants.js';
import { listAbsentees, listParticipants, listPastInstances } from './past.js';
import { addPanelists, listPanelists, removePanelist } from './panelists.js';
import { getRecordings, listUserRecordings } from './recordings.js';
import type { RestContext } from './restContext.js';
import { addRoleMembers, listRoleMembers, listRoles } from './roles.js';
import { createUser, deleteUser, emailExists, updateUser, updateUserStatus, userSummary } from './userAdmin.js';
import { getUser, listUsers } from './users.js';
import { getUserSettings, updateUserSettings } from './userSettings.js';
import { meZak, userToken } from './zak.js';

const HANDLERS: Partial<Record<RouteName, (rc: RestContext) => Reply>> = {
  'users.list': listUsers,
  'users.get': getUser,
  'users.token': userToken,
  'users.zak': meZak,
  'users.create': createUser,
  'users.update': updateUser,
  'users.delete': deleteUser,
  'users.status': updateUserStatus,
  'users.settings': getUserSettings,
  'users.updateSettings': updateUserSettings,
  'users.summary': userSummary,
  'users.email': emailExists,
  'roles.list': listRoles,
  'roles.members': listRoleMembers,
  'roles.addMembers': addRoleMembers,
  'meetings.list': listMeetings,
  'meetings.create': createMeeting,
  'meetings.get': getMeeting,
  'meetings.update': updateMeeting,
  'meetings.delete': deleteMeeting,
  'meetings.status': updateMeetingStatus,
  'meetings.invitation': getInvitation,
  'meetings.registrants': listRegistrants,
  'meetings.addRegistrant': addRegistrant,
  'meetings.registrantStatus': updateRegistrantStatus,
  'past.instances': listPastInstances,
  'past.participants': listParticipants,
  'recordings.get': getRecordings,
  'recordings.list': listUserRecordings,
  // Webinars share the meetings' handlers: each picks its collection by the route (sessionKind.ts).
  'webinars.list': listMeetings,
  'webinars.create': createMeeting,
  'webinars.get': getMeeting,
  'webinars.update': updateMeeting,
  'webinars.delete': deleteMeeting,
  'webinars.status': updateMeetingStatus,
  'webinars.panelists': listPanelists,
  'webinars.addPanelists': addPanelists,
  'webinars.removePanelist': removePanelist,
  'webinars.registrants': listRegistrants,
  'webinars.addRegistrant': addRegistrant,
  'webinars.registrantStatus': updateRegistrantStatus,
  'webinars.pastInstances': listPastInstances,
  'webinars.pastParticipants': listParticipants,
  'webinars.absentees': listAbsentees,
};

/** `/v2` requests: authenticate, apply the account's rate limit, run the handler. */
export function handleRest(ctx: FakeContext, req: FakeRequest): Reply {
  const handler = HANDLERS[req.match.route];
  const category = ROUTE_CATEGORY[req.match.route];
  if (!handler || !category) return REST.unknownEndpoint();
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const decision = ctx.rateLimiter.check(auth.principal.accountId, category);
  if (!decision.allowed) return decision.reply;
  const reply = handler({ ctx, req, principal: auth.principal });
  return { ...reply, headers: { ...decision.headers, ...reply.headers } };
}
