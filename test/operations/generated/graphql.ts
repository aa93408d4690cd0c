/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: string; output: string; }
};

/** Body of addMeetingRegistrant. */
export type AddMeetingRegistrantInput = {
  /** At most 128 characters. */
  email: Scalars['String']['input'];
  /** 1–64 characters. */
  firstName: Scalars['String']['input'];
  /** At most 64 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
};

/** How participants of the user’s meetings join the audio by default. */
export type AudioType =
  | 'BOTH'
  | 'TELEPHONY'
  | 'THIRD_PARTY'
  | 'VOIP';

export type AutoRecording =
  | 'CLOUD'
  | 'LOCAL'
  | 'NONE';

/** A cached token: when it expires and what it may do. Never the token itself. */
export type CachedToken = {
  __typename?: 'CachedToken';
  expiresAt: Scalars['DateTime']['output'];
  scopes: Array<Scalars['String']['output']>;
  source: TokenSource;
};

/** Body of createMeeting. */
export type CreateMeetingInput = {
  /** At most 2000 characters. */
  agenda?: InputMaybe<Scalars['String']['input']>;
  /** Minutes, 1 or more. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** 1–10 characters of a-z A-Z 0-9 @ - _ *. */
  password?: InputMaybe<Scalars['String']['input']>;
  recurrence?: InputMaybe<RecurrenceInput>;
  settings?: InputMaybe<MeetingSettingsInput>;
  /** When the meeting starts, with Z or an offset (2030-05-01T09:30:00+02:00), in whole seconds. Zoom gets the instant in UTC; `timezone` (else the account’s) is the zone Zoom shows it in. */
  startTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  topic?: InputMaybe<Scalars['String']['input']>;
  /** INSTANT, SCHEDULED (Zoom’s default), RECURRING_NO_FIXED_TIME or RECURRING_FIXED_TIME. */
  type?: InputMaybe<MeetingType>;
};

/** How Zoom adds the user. */
export type CreateUserAction =
  /** An active user at once, for accounts with a managed domain. */
  | 'AUTO_CREATE'
  /** Zoom emails an invitation; the user is PENDING until it accepts. */
  | 'CREATE'
  /** An active user without a password (API partners); it cannot sign in to Zoom. */
  | 'CUST_CREATE'
  /** An active user that signs in through the account’s SSO (pre-provisioning). */
  | 'SSO_CREATE';

/** Body of createUser. */
export type CreateUserInput = {
  action?: InputMaybe<CreateUserAction>;
  /** At most 128 characters. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** At most 128 characters. */
  email: Scalars['String']['input'];
  /** At most 64 characters. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** At most 64 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  type: UserType;
};

/** Body of createWebinar. */
export type CreateWebinarInput = {
  /** At most 2000 characters. */
  agenda?: InputMaybe<Scalars['String']['input']>;
  /** Whether attendees register, and who approves them. */
  approvalType?: InputMaybe<RegistrationApproval>;
  /** Minutes, 1 or more. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** For RECURRING_FIXED_TIME webinars. */
  recurrence?: InputMaybe<RecurrenceInput>;
  /** When the webinar starts, with Z or an offset, in whole seconds. */
  startTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  topic: Scalars['String']['input'];
  type?: InputMaybe<WebinarType>;
};

/** Which Zoom credentials are configured and cached. Never secrets. */
export type CredentialStatus = {
  __typename?: 'CredentialStatus';
  /** Unexpired cached tokens that serve this caller's calls. */
  cached: Array<CachedToken>;
  /** Where this caller authorizes the user OAuth app; null when user OAuth is off. */
  installUrl?: Maybe<Scalars['String']['output']>;
  /** Legacy JWT app credentials in use (ZOOM_LEGACY_JWT=allow). */
  legacyJwt: Scalars['Boolean']['output'];
  meetingSdk: Scalars['Boolean']['output'];
  readCache: ReadCacheStatus;
  /** The gateway runs against its built-in fake Zoom. */
  sandbox: Scalars['Boolean']['output'];
  /** The source this caller's own calls would use (S2S, USER or LEGACY); null when none can serve them. */
  selectedSource?: Maybe<TokenSource>;
  serverToServer: Scalars['Boolean']['output'];
  /** This caller's Zoom user has authorized the user OAuth app. */
  userAuthorized: Scalars['Boolean']['output'];
  userOAuth: Scalars['Boolean']['output'];
  /** A Video SDK app is configured (videoSdkToken). */
  videoSdk: Scalars['Boolean']['output'];
};

export type DeleteUserAction =
  /** The user and its data are removed for good. */
  | 'DELETE'
  /** The user leaves the account and keeps a free Zoom account of its own. */
  | 'DISASSOCIATE';

/** What the user’s meetings allow once they run. */
export type InMeetingSettings = {
  __typename?: 'InMeetingSettings';
  breakoutRoom?: Maybe<Scalars['Boolean']['output']>;
  chat?: Maybe<Scalars['Boolean']['output']>;
  coHost?: Maybe<Scalars['Boolean']['output']>;
  e2eEncryption?: Maybe<Scalars['Boolean']['output']>;
  polling?: Maybe<Scalars['Boolean']['output']>;
  privateChat?: Maybe<Scalars['Boolean']['output']>;
  screenSharing?: Maybe<Scalars['Boolean']['output']>;
  waitingRoom?: Maybe<Scalars['Boolean']['output']>;
};

export type InMeetingSettingsInput = {
  breakoutRoom?: InputMaybe<Scalars['Boolean']['input']>;
  chat?: InputMaybe<Scalars['Boolean']['input']>;
  coHost?: InputMaybe<Scalars['Boolean']['input']>;
  e2eEncryption?: InputMaybe<Scalars['Boolean']['input']>;
  polling?: InputMaybe<Scalars['Boolean']['input']>;
  privateChat?: InputMaybe<Scalars['Boolean']['input']>;
  screenSharing?: InputMaybe<Scalars['Boolean']['input']>;
  waitingRoom?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Zoom meeting. List results carry fewer fields than a single meeting. */
export type Meeting = {
  __typename?: 'Meeting';
  /** In lists Zoom truncates the agenda to 250 characters. */
  agenda?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Minutes. */
  duration?: Maybe<Scalars['Int']['output']>;
  /** Looked up once per distinct host in a request. */
  host?: Maybe<User>;
  hostEmail?: Maybe<Scalars['String']['output']>;
  hostId: Scalars['ID']['output'];
  /** Meeting number: 9–11 digits, 64-bit, so an ID (string) — never store it in a 32-bit int. */
  id: Scalars['ID']['output'];
  /** The invitation text Zoom would send (join link and passcode included). Host or admin only. */
  invitation?: Maybe<Scalars['String']['output']>;
  joinUrl?: Maybe<Scalars['String']['output']>;
  /** Occurrences of a recurring meeting with a fixed time (type 8), deleted ones included with their status; null for other types. */
  occurrences?: Maybe<Array<MeetingOccurrence>>;
  /** Passcode to join. */
  password?: Maybe<Scalars['String']['output']>;
  /** Ended instances of this meeting, latest first (`first`: 1–300, default 10). Host or admin only. */
  pastInstances?: Maybe<Array<PastMeeting>>;
  /** The cloud recording of the latest recorded instance; null when there is none. Host or admin only. */
  recordings?: Maybe<MeetingRecording>;
  /** How a recurring meeting (type 3 or 8) repeats; null for other types. On a list item it costs one GET of the meeting, shared with occurrences. */
  recurrence?: Maybe<MeetingRecurrence>;
  /** People registered for the meeting, by status. Host or admin only. Errors when the meeting takes no registration (settings.approvalType NO_REGISTRATION, or a recurring meeting with no fixed time). */
  registrants?: Maybe<MeetingRegistrantConnection>;
  settings?: Maybe<MeetingSettings>;
  /** Absent for instant meetings. */
  startTime?: Maybe<Scalars['DateTime']['output']>;
  status?: Maybe<MeetingStatus>;
  timezone?: Maybe<Scalars['String']['output']>;
  topic?: Maybe<Scalars['String']['output']>;
  type?: Maybe<MeetingType>;
  /** UUID of this meeting instance. */
  uuid?: Maybe<Scalars['String']['output']>;
};


/** A Zoom meeting. List results carry fewer fields than a single meeting. */
export type MeetingPastInstancesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A Zoom meeting. List results carry fewer fields than a single meeting. */
export type MeetingRegistrantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<RegistrantStatus>;
};

/** How participants join the audio. */
export type MeetingAudio =
  | 'BOTH'
  | 'TELEPHONY'
  | 'THIRD_PARTY'
  | 'VOIP';

/** A page of meetings; cursors wrap Zoom next_page_token values. */
export type MeetingConnection = {
  __typename?: 'MeetingConnection';
  edges: Array<MeetingEdge>;
  nodes: Array<Meeting>;
  pageInfo: PageInfo;
  /** Total across all pages, as Zoom reports it. */
  totalCount: Scalars['Int']['output'];
};

export type MeetingEdge = {
  __typename?: 'MeetingEdge';
  cursor: Scalars['String']['output'];
  node: Meeting;
};

/** One Zoom event about a meeting, delivered to a subscription once. */
export type MeetingEvent = {
  __typename?: 'MeetingEvent';
  /** STARTED: the start time; ENDED: the end time. */
  at?: Maybe<Scalars['DateTime']['output']>;
  /** The host’s Zoom user id, when the event names it. */
  hostId?: Maybe<Scalars['ID']['output']>;
  kind: MeetingEventKind;
  meetingId: Scalars['ID']['output'];
  /** When Zoom says the event happened (its event_ts). */
  occurredAt: Scalars['DateTime']['output'];
  /** PARTICIPANT_JOINED and PARTICIPANT_LEFT only. */
  participant?: Maybe<MeetingParticipant>;
  /** Increases by one per event of this meeting, across every replica: a jump is a missed event. */
  sequence: Scalars['Int']['output'];
  topic?: Maybe<Scalars['String']['output']>;
};

/** From Zoom’s meeting.started, meeting.ended, meeting.updated, meeting.deleted, meeting.participant_joined and meeting.participant_left events. */
export type MeetingEventKind =
  | 'DELETED'
  | 'ENDED'
  | 'PARTICIPANT_JOINED'
  | 'PARTICIPANT_LEFT'
  | 'STARTED'
  | 'UPDATED';

/** Which of a user’s meetings to list. */
export type MeetingListType =
  | 'LIVE'
  | 'PREVIOUS_MEETINGS'
  | 'SCHEDULED'
  | 'UPCOMING'
  | 'UPCOMING_MEETINGS';

/** One occurrence of a recurring meeting with a fixed time. */
export type MeetingOccurrence = {
  __typename?: 'MeetingOccurrence';
  /** Minutes. */
  duration?: Maybe<Scalars['Int']['output']>;
  /** Zoom’s occurrence_id (unique within its meeting only): pass it to updateMeeting/deleteMeeting to change only this occurrence. */
  occurrenceId: Scalars['ID']['output'];
  startTime?: Maybe<Scalars['DateTime']['output']>;
  status?: Maybe<OccurrenceStatus>;
};

/** Who joined or left, as Zoom’s event names them. */
export type MeetingParticipant = {
  __typename?: 'MeetingParticipant';
  email?: Maybe<Scalars['String']['output']>;
  joinTime?: Maybe<Scalars['DateTime']['output']>;
  /** Why the participant left, in Zoom’s words. */
  leaveReason?: Maybe<Scalars['String']['output']>;
  leaveTime?: Maybe<Scalars['DateTime']['output']>;
  /** The display name in the meeting. */
  name: Scalars['String']['output'];
  /** Zoom’s participant id within this meeting instance (`user_id` in the event). */
  participantId?: Maybe<Scalars['String']['output']>;
  /** Zoom’s participant UUID, stable across rejoins of one instance. */
  participantUuid?: Maybe<Scalars['String']['output']>;
  /** The Zoom user id; null for guests and users of other accounts. */
  userId?: Maybe<Scalars['ID']['output']>;
};

/** The cloud recording of one meeting instance. */
export type MeetingRecording = {
  __typename?: 'MeetingRecording';
  /** Minutes. */
  duration?: Maybe<Scalars['Int']['output']>;
  files: Array<RecordingFile>;
  /** The meeting number. */
  meetingId: Scalars['ID']['output'];
  /** Zoom’s share page for the whole recording. */
  shareUrl?: Maybe<Scalars['String']['output']>;
  startTime?: Maybe<Scalars['DateTime']['output']>;
  topic?: Maybe<Scalars['String']['output']>;
  /** Bytes, all files together. */
  totalSizeBytes?: Maybe<Scalars['Float']['output']>;
  /** The recorded instance. */
  uuid?: Maybe<Scalars['ID']['output']>;
};

/** A page of cloud recordings; cursors wrap Zoom next_page_token values. */
export type MeetingRecordingConnection = {
  __typename?: 'MeetingRecordingConnection';
  edges: Array<MeetingRecordingEdge>;
  nodes: Array<MeetingRecording>;
  pageInfo: PageInfo;
  /** Total across all pages, as Zoom reports it. */
  totalCount: Scalars['Int']['output'];
};

export type MeetingRecordingEdge = {
  __typename?: 'MeetingRecordingEdge';
  cursor: Scalars['String']['output'];
  node: MeetingRecording;
};

/** How a recurring meeting repeats (Zoom’s `recurrence`). */
export type MeetingRecurrence = {
  __typename?: 'MeetingRecurrence';
  endDateTime?: Maybe<Scalars['DateTime']['output']>;
  endTimes?: Maybe<Scalars['Int']['output']>;
  monthlyDay?: Maybe<Scalars['Int']['output']>;
  /** -1 (last) or 1–4. */
  monthlyWeek?: Maybe<Scalars['Int']['output']>;
  /** 1 = Sunday … 7 = Saturday. */
  monthlyWeekDay?: Maybe<Scalars['Int']['output']>;
  /** Every n days, weeks or months. */
  repeatInterval?: Maybe<Scalars['Int']['output']>;
  type?: Maybe<RecurrenceType>;
  /** WEEKLY: days of the week, 1 = Sunday … 7 = Saturday. */
  weeklyDays?: Maybe<Array<Scalars['Int']['output']>>;
};

/** Someone registered for a meeting. */
export type MeetingRegistrant = {
  __typename?: 'MeetingRegistrant';
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  email: Scalars['String']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The registrant’s own join link: it admits them by name. Only the meeting’s host and admins see it; Zoom emails it to the registrant. */
  joinUrl?: Maybe<Scalars['String']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
  /** Null on addMeetingRegistrant’s answer: Zoom’s reply does not say. */
  status?: Maybe<RegistrantStatus>;
};

/** A page of registrants; cursors wrap Zoom next_page_token values. */
export type MeetingRegistrantConnection = {
  __typename?: 'MeetingRegistrantConnection';
  edges: Array<MeetingRegistrantEdge>;
  nodes: Array<MeetingRegistrant>;
  pageInfo: PageInfo;
  /** Total across all pages, as Zoom reports it. */
  totalCount: Scalars['Int']['output'];
};

export type MeetingRegistrantEdge = {
  __typename?: 'MeetingRegistrantEdge';
  cursor: Scalars['String']['output'];
  node: MeetingRegistrant;
};

/** PARTICIPANT joins (role 0); HOST starts the meeting (role 1). */
export type MeetingRole =
  | 'HOST'
  | 'PARTICIPANT';

/** The meeting settings the gateway exposes (a subset of Zoom’s). */
export type MeetingSettings = {
  __typename?: 'MeetingSettings';
  /** Semicolon-separated emails or user ids. */
  alternativeHosts?: Maybe<Scalars['String']['output']>;
  approvalType?: Maybe<RegistrationApproval>;
  audio?: Maybe<MeetingAudio>;
  autoRecording?: Maybe<AutoRecording>;
  hostVideo?: Maybe<Scalars['Boolean']['output']>;
  /** Minutes before the start participants may join: 0, 5 or 10. */
  jbhTime?: Maybe<Scalars['Int']['output']>;
  joinBeforeHost?: Maybe<Scalars['Boolean']['output']>;
  muteUponEntry?: Maybe<Scalars['Boolean']['output']>;
  participantVideo?: Maybe<Scalars['Boolean']['output']>;
  waitingRoom?: Maybe<Scalars['Boolean']['output']>;
};

/** Settings of create/update meeting; unset fields keep Zoom’s value. */
export type MeetingSettingsInput = {
  /** Semicolon-separated emails or user ids. */
  alternativeHosts?: InputMaybe<Scalars['String']['input']>;
  approvalType?: InputMaybe<RegistrationApproval>;
  audio?: InputMaybe<MeetingAudio>;
  autoRecording?: InputMaybe<AutoRecording>;
  hostVideo?: InputMaybe<Scalars['Boolean']['input']>;
  /** 0, 5 or 10 minutes. */
  jbhTime?: InputMaybe<Scalars['Int']['input']>;
  joinBeforeHost?: InputMaybe<Scalars['Boolean']['input']>;
  muteUponEntry?: InputMaybe<Scalars['Boolean']['input']>;
  participantVideo?: InputMaybe<Scalars['Boolean']['input']>;
  waitingRoom?: InputMaybe<Scalars['Boolean']['input']>;
};

export type MeetingStatus =
  | 'STARTED'
  | 'WAITING';

/** Zoom meeting type. PERSONAL_MEETING_ROOM is read-only: Zoom creates only the others. */
export type MeetingType =
  | 'INSTANT'
  | 'PERSONAL_MEETING_ROOM'
  | 'RECURRING_FIXED_TIME'
  | 'RECURRING_NO_FIXED_TIME'
  | 'SCHEDULED';

export type Mutation = {
  __typename?: 'Mutation';
  /** Registers someone for a meeting that takes registration. The host and admins may register anyone; another user only its own email, and does not see the join link (Zoom emails it). Zoom allows 3 a day per email and meeting. Errors (extensions.code): BAD_USER_INPUT when the id, email or name is malformed (nothing reaches Zoom); FORBIDDEN when a user-role caller that does not host the meeting registers another email; NOT_FOUND when Zoom has no such meeting, or it takes no registration; ZOOM_RATE_LIMITED when the email has registered 3 times today. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  addMeetingRegistrant?: Maybe<MeetingRegistrant>;
  /** Adds up to 30 panelists (Zoom emails each an invitation) and returns all of the webinar’s panelists. Host or admin only. Errors (extensions.code): BAD_USER_INPUT when webinarId, an email or a name is malformed, an email repeats, or more than 30 are given (nothing reaches Zoom); FORBIDDEN when a user-role caller does not host the webinar (before any change); NOT_FOUND when Zoom has no such webinar; ZOOM_API_ERROR when Zoom refuses, e.g. the webinar has as many panelists as the plan allows (zoomCode 3000). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  addWebinarPanelists?: Maybe<Array<Panelist>>;
  /** Registers someone for a webinar that takes registration: the host and admins anyone, another user only its own email. Errors (extensions.code): BAD_USER_INPUT when the id, email or name is malformed (nothing reaches Zoom); FORBIDDEN when a user-role caller that does not host the webinar registers another email; NOT_FOUND when Zoom has no such webinar, or it takes no registration; ZOOM_RATE_LIMITED when the email has registered 3 times today. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  addWebinarRegistrant?: Maybe<MeetingRegistrant>;
  /** Gives users a role (admin), in place of the role each had; true once Zoom has. At most 30 users, each named once by id or email. Errors (extensions.code): BAD_USER_INPUT when roleId or a user id is malformed, or userIds is empty, repeats a user or names more than 30 (nothing reaches Zoom); also Zoom’s refusal of the owner and member roles; FORBIDDEN when the caller is not an admin (nothing reaches Zoom); NOT_FOUND when Zoom has no such user; ZOOM_API_ERROR with zoomCode 1034 when the role does not exist. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  assignRole?: Maybe<Scalars['Boolean']['output']>;
  /** Schedules a meeting for a user (the caller unless admin). Counts toward the host’s 100 per day. Errors (extensions.code): BAD_USER_INPUT when userId or input is invalid (naming every bad field in `fields`; nothing reaches Zoom); FORBIDDEN when a user-role caller schedules for another user; NOT_FOUND when Zoom has no such user; ZOOM_RATE_LIMITED also when the host has used up its daily creates (retryAfterSeconds). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  createMeeting?: Maybe<Meeting>;
  /** Adds a user to the account (admin) and returns it as Zoom now has it: with CREATE the user is PENDING until it accepts the emailed invitation. Errors (extensions.code): BAD_USER_INPUT when input is invalid (naming every bad field in `fields`; nothing reaches Zoom); FORBIDDEN when the caller is not an admin (nothing reaches Zoom); ZOOM_API_ERROR with zoomCode 1005 when the email is in use, or Zoom’s own reason (e.g. 200 without the privilege). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  createUser?: Maybe<User>;
  /** Schedules a webinar for a user (the caller unless admin). Counts toward the host’s 100 creates and updates per day. Errors (extensions.code): BAD_USER_INPUT when userId or input is invalid (naming every bad field in `fields`; nothing reaches Zoom); FORBIDDEN when a user-role caller schedules for another user; NOT_FOUND when Zoom has no such user; ZOOM_API_ERROR when the host has no Webinar plan (zoomCode 200, Zoom’s reason in the message). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  createWebinar?: Maybe<Webinar>;
  /** Deletes a meeting, or with occurrenceId one occurrence of it; true once Zoom has deleted it. Errors (extensions.code): BAD_USER_INPUT when id or occurrenceId is malformed; FORBIDDEN when a user-role caller does not host the meeting (before any change); NOT_FOUND when Zoom has no such meeting or occurrence. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  deleteMeeting?: Maybe<Scalars['Boolean']['output']>;
  /** Removes a user from the account (admin); true once Zoom has. With transfer, its meetings, webinars, recordings and whiteboards go to another user first. Errors (extensions.code): BAD_USER_INPUT when id or transfer.toEmail is malformed, or Zoom refuses the transfer (e.g. to the user’s own address); FORBIDDEN when the caller is not an admin (nothing reaches Zoom); NOT_FOUND when Zoom has no such user; ZOOM_API_ERROR with Zoom’s code when it keeps the user: 200 (e.g. the account owner), 1117 (an admin cannot be disassociated). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  deleteUser?: Maybe<Scalars['Boolean']['output']>;
  /** Deletes a webinar, or with occurrenceId one occurrence of it. Errors (extensions.code): BAD_USER_INPUT when id or occurrenceId is malformed; FORBIDDEN when a user-role caller does not host the webinar (before any change); NOT_FOUND when Zoom has no such webinar; ZOOM_API_ERROR when Zoom refuses, e.g. the host has no Webinar plan (zoomCode 200). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  deleteWebinar?: Maybe<Scalars['Boolean']['output']>;
  /** Ends a live meeting for every participant. Host or admin only. Errors (extensions.code): BAD_USER_INPUT when id is not a meeting number (nothing reaches Zoom); FORBIDDEN when a user-role caller does not host the meeting (before any change); NOT_FOUND when Zoom has no such meeting; ZOOM_API_ERROR when Zoom refuses, e.g. the meeting is not live. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  endMeeting?: Maybe<Scalars['Boolean']['output']>;
  /** Ends a live webinar for everyone. Errors (extensions.code): BAD_USER_INPUT when id is not a webinar number (nothing reaches Zoom); FORBIDDEN when a user-role caller does not host the webinar (before any change); NOT_FOUND when Zoom has no such webinar; ZOOM_API_ERROR when Zoom refuses, e.g. the host has no Webinar plan (zoomCode 200). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  endWebinar?: Maybe<Scalars['Boolean']['output']>;
  /** Drops a user's cached ZAK, e.g. after the Meeting SDK reported a failed start or the user signed out everywhere. Admin or the user itself. True when a cached ZAK was dropped. Errors (extensions.code): BAD_USER_INPUT when userId is not me, a Zoom user id or an email; FORBIDDEN when a user-role caller names another user; NOT_FOUND when Zoom has no user with that email. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  invalidateZak?: Maybe<Scalars['Boolean']['output']>;
  /** Signs a Meeting SDK JWT. HOST only for the meeting’s host or an admin. expiresInSeconds: 1800–172800, default 7200. Errors (extensions.code): BAD_USER_INPUT when meetingNumber or expiresInSeconds is invalid; FORBIDDEN with reason MEETING_SDK_NOT_CONFIGURED when no Meeting SDK app is configured, or for HOST when a user-role caller does not host the meeting; NOT_FOUND for HOST when Zoom has no such meeting. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  meetingSdkSignature?: Maybe<SdkSignature>;
  /** Removes one panelist. Host or admin only. Errors (extensions.code): BAD_USER_INPUT when webinarId or panelistId is malformed (nothing reaches Zoom); FORBIDDEN when a user-role caller does not host the webinar (before any change); NOT_FOUND when Zoom has no such webinar or panelist. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  removeWebinarPanelist?: Maybe<Scalars['Boolean']['output']>;
  /** Revokes the caller's own user OAuth authorization at Zoom and forgets its tokens; false when there was none. Errors (extensions.code): ZOOM_UNAVAILABLE when Zoom's revoke endpoint cannot be reached (nothing is forgotten; retry); STORE_UNAVAILABLE when the grant cannot be read or removed. */
  revokeZoomAuthorization?: Maybe<Scalars['Boolean']['output']>;
  /** Activates or deactivates a user (admin) and returns it as Zoom now has it: it moves between users(status: ACTIVE) and users(status: INACTIVE) at once. Errors (extensions.code): BAD_USER_INPUT when id is malformed; FORBIDDEN when the caller is not an admin (nothing reaches Zoom); NOT_FOUND when Zoom has no such user; ZOOM_API_ERROR with zoomCode 200 for owners, admins and Zoom Rooms, which Zoom does not (de)activate this way. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  setUserStatus?: Maybe<User>;
  /** The host's cached ZAK and, when a Meeting SDK app is configured, a host signature. Host or admin only. Errors (extensions.code): BAD_USER_INPUT when meetingId is not a meeting number or UUID; FORBIDDEN when a user-role caller does not host the meeting (no ZAK is fetched); NOT_FOUND when Zoom has no such meeting. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  startMeetingToken?: Maybe<StartMeetingToken>;
  /** What the Meeting SDK needs to start the webinar as its host: the host's cached ZAK and, when a Meeting SDK app is configured, a host signature for the webinar number. Host or admin only. Errors (extensions.code): BAD_USER_INPUT when webinarId is not a webinar number or UUID; FORBIDDEN when a user-role caller does not host the webinar (no ZAK is fetched); NOT_FOUND when Zoom has no such webinar. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  startWebinarToken?: Maybe<StartMeetingToken>;
  /** Changes the given fields and returns the meeting as Zoom now has it. With occurrenceId only that occurrence changes, and only its agenda, startTime, duration and settings. Errors (extensions.code): BAD_USER_INPUT when id or input is invalid, or input changes nothing (nothing reaches Zoom); FORBIDDEN when a user-role caller does not host the meeting (before any change); NOT_FOUND when Zoom has no such meeting or occurrence. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  updateMeeting?: Maybe<Meeting>;
  /** Approves, denies or cancels up to 30 registrations at once. Host or admin only; Zoom allows 10 status changes a day per registrant. Errors (extensions.code): BAD_USER_INPUT when an id is malformed or repeated, or more than 30 are given (nothing reaches Zoom), or the meeting takes no registration; FORBIDDEN when a user-role caller does not host the meeting; NOT_FOUND when Zoom has no such meeting or registrant. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, ZOOM_API_ERROR, STORE_UNAVAILABLE. */
  updateMeetingRegistrantStatus?: Maybe<Scalars['Boolean']['output']>;
  /** Changes the given profile fields and returns the user as Zoom now has it. Admins change anyone; a user changes itself, but not its type. Errors (extensions.code): BAD_USER_INPUT when id or input is invalid, or input changes nothing (nothing reaches Zoom); FORBIDDEN when a user-role caller names another user or its own type (nothing reaches Zoom); NOT_FOUND when Zoom has no such user; ZOOM_API_ERROR with Zoom’s code for a change it refuses (e.g. 200 for an impossible type change). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  updateUser?: Maybe<User>;
  /** Changes the given settings only (Zoom keeps every other) and returns the settings as Zoom now has them. Admins change anyone’s; a user its own. Errors (extensions.code): BAD_USER_INPUT when id is malformed or input changes nothing (nothing reaches Zoom); FORBIDDEN when a user-role caller names another user (nothing reaches Zoom); NOT_FOUND when Zoom has no such user; ZOOM_API_ERROR with Zoom’s code for a setting the user’s plan does not allow (e.g. 1108), or 1120 for an expired invitation. Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  updateUserSettings?: Maybe<UserSettings>;
  /** Changes the given fields and returns the webinar as Zoom now has it. With occurrenceId only that occurrence changes (agenda, startTime, duration). Errors (extensions.code): BAD_USER_INPUT when id or input is invalid, or input changes nothing (nothing reaches Zoom); FORBIDDEN when a user-role caller does not host the webinar (before any change); NOT_FOUND when Zoom has no such webinar; ZOOM_API_ERROR when Zoom refuses, e.g. the host has no Webinar plan (zoomCode 200). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  updateWebinar?: Maybe<Webinar>;
  /** Approves, denies or cancels up to 30 registrations at once. Host or admin only. Errors (extensions.code): BAD_USER_INPUT when an id is malformed or repeated, or more than 30 are given (nothing reaches Zoom); FORBIDDEN when a user-role caller does not host the webinar (before any change); NOT_FOUND when Zoom has no such webinar; ZOOM_API_ERROR when Zoom refuses, e.g. the host has no Webinar plan (zoomCode 200). Also, from Zoom or the token store: ZOOM_AUTHORIZATION_REQUIRED, ZOOM_RATE_LIMITED, ZOOM_UNAVAILABLE, STORE_UNAVAILABLE. */
  updateWebinarRegistrantStatus?: Maybe<Scalars['Boolean']['output']>;
  /** Signs a Video SDK JWT for one session. HOST only for admins; a user-role caller may name only itself as userIdentity. sessionName ≤ 200 characters, userIdentity ≤ 35, sessionKey ≤ 36, expiresIn 1800–172800 s (default 7200). Errors (extensions.code): BAD_USER_INPUT when an argument is empty, too long or out of bounds; FORBIDDEN for HOST without the admin role, another caller as userIdentity, or no Video SDK app configured (reason VIDEO_SDK_NOT_CONFIGURED). */
  videoSdkToken?: Maybe<VideoSdkToken>;
};


export type MutationAddMeetingRegistrantArgs = {
  input: AddMeetingRegistrantInput;
  meetingId: Scalars['ID']['input'];
};


export type MutationAddWebinarPanelistsArgs = {
  panelists: Array<PanelistInput>;
  webinarId: Scalars['ID']['input'];
};


export type MutationAddWebinarRegistrantArgs = {
  input: AddMeetingRegistrantInput;
  webinarId: Scalars['ID']['input'];
};


export type MutationAssignRoleArgs = {
  roleId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};


export type MutationCreateMeetingArgs = {
  input: CreateMeetingInput;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationCreateWebinarArgs = {
  input: CreateWebinarInput;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationDeleteMeetingArgs = {
  id: Scalars['ID']['input'];
  occurrenceId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationDeleteUserArgs = {
  action?: InputMaybe<DeleteUserAction>;
  id: Scalars['ID']['input'];
  transfer?: InputMaybe<UserTransferInput>;
};


export type MutationDeleteWebinarArgs = {
  id: Scalars['ID']['input'];
  occurrenceId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationEndMeetingArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEndWebinarArgs = {
  id: Scalars['ID']['input'];
};


export type MutationInvalidateZakArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationMeetingSdkSignatureArgs = {
  expiresInSeconds?: InputMaybe<Scalars['Int']['input']>;
  meetingNumber: Scalars['ID']['input'];
  role: MeetingRole;
};


export type MutationRemoveWebinarPanelistArgs = {
  panelistId: Scalars['ID']['input'];
  webinarId: Scalars['ID']['input'];
};


export type MutationSetUserStatusArgs = {
  action: UserStatusAction;
  id: Scalars['ID']['input'];
};


export type MutationStartMeetingTokenArgs = {
  meetingId: Scalars['ID']['input'];
};


export type MutationStartWebinarTokenArgs = {
  webinarId: Scalars['ID']['input'];
};


export type MutationUpdateMeetingArgs = {
  id: Scalars['ID']['input'];
  input: UpdateMeetingInput;
  occurrenceId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationUpdateMeetingRegistrantStatusArgs = {
  action: RegistrantAction;
  meetingId: Scalars['ID']['input'];
  registrantIds: Array<Scalars['ID']['input']>;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationUpdateUserSettingsArgs = {
  id: Scalars['ID']['input'];
  input: UserSettingsInput;
};


export type MutationUpdateWebinarArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWebinarInput;
  occurrenceId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationUpdateWebinarRegistrantStatusArgs = {
  action: RegistrantAction;
  registrantIds: Array<Scalars['ID']['input']>;
  webinarId: Scalars['ID']['input'];
};


export type MutationVideoSdkTokenArgs = {
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<VideoSdkRole>;
  sessionKey?: InputMaybe<Scalars['String']['input']>;
  sessionName: Scalars['String']['input'];
  userIdentity?: InputMaybe<Scalars['String']['input']>;
};

export type OccurrenceStatus =
  | 'AVAILABLE'
  | 'DELETED';

/** Relay page information. Connections page forward only (first/after). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  /** True after a cursor (items came before it), false on the first page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Someone who speaks at a webinar, with video and screen sharing. */
export type Panelist = {
  __typename?: 'Panelist';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The panelist’s own link; treat it as a credential. */
  joinUrl?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
};

/** A panelist to add: Zoom emails the invitation. */
export type PanelistInput = {
  /** At most 128 characters. */
  email: Scalars['String']['input'];
  /** 1–64 characters. */
  name: Scalars['String']['input'];
};

/** Someone who joined an ended meeting instance (Zoom’s participants report). */
export type Participant = {
  __typename?: 'Participant';
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** Null when Zoom shows none (participants outside the host’s account). */
  email?: Maybe<Scalars['String']['output']>;
  /** The participant's Zoom user id when signed in to Zoom; null for guests. The same in every instance the user joined: not a key for one row (Apollo Client: `keyFields: false`). */
  id?: Maybe<Scalars['ID']['output']>;
  joinTime?: Maybe<Scalars['DateTime']['output']>;
  leaveTime?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Zoom's id of this participant, valid for this meeting only. */
  userId?: Maybe<Scalars['ID']['output']>;
};

/** A page of participants; cursors wrap Zoom next_page_token values. */
export type ParticipantConnection = {
  __typename?: 'ParticipantConnection';
  edges: Array<ParticipantEdge>;
  nodes: Array<Participant>;
  pageInfo: PageInfo;
  /** Total across all pages, as Zoom reports it. */
  totalCount: Scalars['Int']['output'];
};

export type ParticipantEdge = {
  __typename?: 'ParticipantEdge';
  cursor: Scalars['String']['output'];
  node: Participant;
};

/** An ended instance of a meeting. */
export type PastMeeting = {
  __typename?: 'PastMeeting';
  /** The meeting number it was an instance of. */
  meetingId: Scalars['ID']['output'];
  /** Who joined this instance (Zoom’s participants report; paid plans). Host or admin only. */
  participants?: Maybe<ParticipantConnection>;
  startTime?: Maybe<Scalars['DateTime']['output']>;
  /** The instance UUID (Zoom gives each held instance its own). */
  uuid: Scalars['ID']['output'];
};


/** An ended instance of a meeting. */
export type PastMeetingParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An ended instance of a webinar. */
export type PastWebinar = {
  __typename?: 'PastWebinar';
  /** Who was registered and approved but did not join this instance. Host or admin only. */
  absentees?: Maybe<MeetingRegistrantConnection>;
  /** Who joined this instance. Host or admin only. */
  participants?: Maybe<ParticipantConnection>;
  startTime?: Maybe<Scalars['DateTime']['output']>;
  /** The instance UUID. */
  uuid: Scalars['ID']['output'];
};


/** An ended instance of a webinar. */
export type PastWebinarAbsenteesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An ended instance of a webinar. */
export type PastWebinarParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** What is configured and cached for this caller; never secrets. */
  credentials?: Maybe<CredentialStatus>;
  /** Whether a Zoom user (of any account) has this email already (admin). */
  emailInUse?: Maybe<Scalars['Boolean']['output']>;
  /** The caller's own Zoom user. */
  me?: Maybe<User>;
  /** A meeting by number or UUID; null when Zoom reports no such meeting. */
  meeting?: Maybe<Meeting>;
  /** A user's meetings (the caller's own unless admin). */
  meetings?: Maybe<MeetingConnection>;
  /** The account’s roles with their member counts (admin). */
  roles?: Maybe<Array<Role>>;
  /** A user by id or email; null when Zoom reports no such user. */
  user?: Maybe<User>;
  /** How many users the account has, by plan and status (admin). */
  userSummary?: Maybe<UserSummary>;
  /** The account's users (admin). */
  users?: Maybe<UserConnection>;
  /** A webinar by number or UUID; null when Zoom reports no such webinar. Host or admin only. */
  webinar?: Maybe<Webinar>;
  /** A user's webinars (the caller's own unless admin). */
  webinars?: Maybe<WebinarConnection>;
};


export type QueryEmailInUseArgs = {
  email: Scalars['String']['input'];
};


export type QueryMeetingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  to?: InputMaybe<Scalars['LocalDate']['input']>;
  type?: InputMaybe<MeetingListType>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  roleId?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<UserStatus>;
};


export type QueryWebinarArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebinarsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** The gateway's cache of Zoom GET answers (ZOOM_CACHE_TTL_SECONDS). */
export type ReadCacheStatus = {
  __typename?: 'ReadCacheStatus';
  /** Zoom GET answers are cached, each visible only to calls made with the credential that fetched it. */
  enabled: Scalars['Boolean']['output'];
  /** How long an answer is served without asking Zoom, unless a change reported to the gateway ends it sooner; 0 when off. */
  ttlSeconds: Scalars['Int']['output'];
};

/** One file of a cloud recording. */
export type RecordingFile = {
  __typename?: 'RecordingFile';
  /** Zoom’s download URL as Zoom gave it, with no token: for a private or passcode-protected recording send `Authorization: Bearer <Zoom access token>`, or append `?access_token=<Zoom access token>`, with a Zoom token of your own that may read it (docs/security.md, "Recording downloads"). The gateway never puts a token in it. */
  downloadUrl?: Maybe<Scalars['String']['output']>;
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  fileExtension?: Maybe<Scalars['String']['output']>;
  /** MP4, M4A, CHAT, TRANSCRIPT, CSV, CC, TIMELINE, SUMMARY, … as Zoom names it. */
  fileType: Scalars['String']['output'];
  /** Null for CC and TIMELINE files, which Zoom gives no id. */
  id?: Maybe<Scalars['ID']['output']>;
  /** Opens the file in Zoom’s web player. */
  playUrl?: Maybe<Scalars['String']['output']>;
  /** e.g. shared_screen_with_speaker_view, audio_only, chat_file. */
  recordingType?: Maybe<Scalars['String']['output']>;
  /** Bytes (may exceed 2^31, so a Float). */
  sizeBytes?: Maybe<Scalars['Float']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status?: Maybe<Scalars['String']['output']>;
};

export type RecordingSettings = {
  __typename?: 'RecordingSettings';
  /** Null for a value this schema does not know. */
  autoRecording?: Maybe<AutoRecording>;
  cloudRecording?: Maybe<Scalars['Boolean']['output']>;
  localRecording?: Maybe<Scalars['Boolean']['output']>;
};

export type RecordingSettingsInput = {
  autoRecording?: InputMaybe<AutoRecording>;
  cloudRecording?: InputMaybe<Scalars['Boolean']['input']>;
  localRecording?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Recurrence of a RECURRING_FIXED_TIME meeting. */
export type RecurrenceInput = {
  /** Last occurrence; not with endTimes. */
  endDateTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** 1–365 occurrences; not with endDateTime. */
  endTimes?: InputMaybe<Scalars['Int']['input']>;
  /** MONTHLY: day of the month, 1–31. */
  monthlyDay?: InputMaybe<Scalars['Int']['input']>;
  /** MONTHLY: week of the month, -1 (last) or 1–4; with monthlyWeekDay. */
  monthlyWeek?: InputMaybe<Scalars['Int']['input']>;
  /** MONTHLY: 1 = Sunday … 7 = Saturday; with monthlyWeek. */
  monthlyWeekDay?: InputMaybe<Scalars['Int']['input']>;
  /** Every n days (≤ 90), weeks (≤ 12) or months (≤ 3). */
  repeatInterval?: InputMaybe<Scalars['Int']['input']>;
  type: RecurrenceType;
  /** WEEKLY: days of the week, 1 = Sunday … 7 = Saturday. */
  weeklyDays?: InputMaybe<Array<Scalars['Int']['input']>>;
};

export type RecurrenceType =
  | 'DAILY'
  | 'MONTHLY'
  | 'WEEKLY';

/** CANCEL withdraws an approved registration. */
export type RegistrantAction =
  | 'APPROVE'
  | 'CANCEL'
  | 'DENY';

/** A cancelled registration lists as DENIED. */
export type RegistrantStatus =
  | 'APPROVED'
  | 'DENIED'
  | 'PENDING';

export type RegistrationApproval =
  | 'AUTOMATIC'
  | 'MANUAL'
  | 'NO_REGISTRATION';

/** A role of the account: "0" owner, "1" admin, "2" member, or a custom role. */
export type Role = {
  __typename?: 'Role';
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The users who have this role (admin). */
  members?: Maybe<UserConnection>;
  name: Scalars['String']['output'];
  totalMembers?: Maybe<Scalars['Int']['output']>;
};


/** A role of the account: "0" owner, "1" admin, "2" member, or a custom role. */
export type RoleMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Defaults for the meetings the user schedules. */
export type ScheduleMeetingSettings = {
  __typename?: 'ScheduleMeetingSettings';
  /** Null for a value this schema does not know. */
  audioType?: Maybe<AudioType>;
  hostVideo?: Maybe<Scalars['Boolean']['output']>;
  joinBeforeHost?: Maybe<Scalars['Boolean']['output']>;
  participantsVideo?: Maybe<Scalars['Boolean']['output']>;
  requirePasswordForScheduledMeetings?: Maybe<Scalars['Boolean']['output']>;
  usePmiForScheduledMeetings?: Maybe<Scalars['Boolean']['output']>;
};

export type ScheduleMeetingSettingsInput = {
  audioType?: InputMaybe<AudioType>;
  hostVideo?: InputMaybe<Scalars['Boolean']['input']>;
  joinBeforeHost?: InputMaybe<Scalars['Boolean']['input']>;
  participantsVideo?: InputMaybe<Scalars['Boolean']['input']>;
  requirePasswordForScheduledMeetings?: InputMaybe<Scalars['Boolean']['input']>;
  usePmiForScheduledMeetings?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Meeting SDK JWT (HS256, signed with the SDK secret) and the key to pass with it. */
export type SdkSignature = {
  __typename?: 'SdkSignature';
  expiresAt: Scalars['DateTime']['output'];
  /** The JWT `iat`: 30 s before signing, to absorb clock skew. */
  issuedAt: Scalars['DateTime']['output'];
  meetingNumber: Scalars['ID']['output'];
  role: MeetingRole;
  sdkKey: Scalars['String']['output'];
  signature: Scalars['String']['output'];
};

/** Everything the Meeting SDK needs to start a meeting as its host. */
export type StartMeetingToken = {
  __typename?: 'StartMeetingToken';
  hostId: Scalars['ID']['output'];
  meetingId: Scalars['ID']['output'];
  sdkKey?: Maybe<Scalars['String']['output']>;
  /** Meeting SDK JWT with role 1; null when no Meeting SDK app is configured. */
  signature?: Maybe<Scalars['String']['output']>;
  signatureExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The host's ZAK. Treat it as a credential. */
  zak: Scalars['String']['output'];
  zakExpiresAt: Scalars['DateTime']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Zoom’s user.* events for the whole account (admin), in order, once each, from whichever replica Zoom reached. */
  accountUserEvents?: Maybe<UserEvent>;
  /** Events of one meeting as Zoom reports them; user-role callers only for meetings they host. */
  meetingEvents: MeetingEvent;
  /** Events of every meeting the caller hosts (admins: of the host given). */
  myMeetingEvents: MeetingEvent;
  /** Events of one webinar as Zoom reports them (webinar.*), with the meeting events’ guarantees; user-role callers only for webinars they host. */
  webinarEvents: MeetingEvent;
};


export type SubscriptionMeetingEventsArgs = {
  meetingId: Scalars['ID']['input'];
};


export type SubscriptionMyMeetingEventsArgs = {
  hostId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionWebinarEventsArgs = {
  webinarId: Scalars['ID']['input'];
};

/** Which kind of Zoom credential a token is. */
export type TokenSource =
  /** A legacy JWT app token (ZOOM_LEGACY_JWT=allow). */
  | 'LEGACY'
  /** The account's Server-to-Server OAuth token. */
  | 'S2S'
  /** The caller's own user OAuth token (after /oauth/install). */
  | 'USER'
  /** A host's ZAK (startMeetingToken). */
  | 'ZAK';

/** Body of updateMeeting: only the fields given change; at least one is required. */
export type UpdateMeetingInput = {
  /** At most 2000 characters. */
  agenda?: InputMaybe<Scalars['String']['input']>;
  /** Minutes, 1 or more. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** 1–10 characters of a-z A-Z 0-9 @ - _ *. */
  password?: InputMaybe<Scalars['String']['input']>;
  recurrence?: InputMaybe<RecurrenceInput>;
  settings?: InputMaybe<MeetingSettingsInput>;
  /** When the meeting starts, with Z or an offset (2030-05-01T09:30:00+02:00), in whole seconds. Zoom gets the instant in UTC; `timezone` (else the account’s) is the zone Zoom shows it in. */
  startTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  topic?: InputMaybe<Scalars['String']['input']>;
  /** INSTANT, SCHEDULED (Zoom’s default), RECURRING_NO_FIXED_TIME or RECURRING_FIXED_TIME. */
  type?: InputMaybe<MeetingType>;
};

/** Body of updateUser: only the fields given change; at least one is required. */
export type UpdateUserInput = {
  /** At most 128 characters. */
  dept?: InputMaybe<Scalars['String']['input']>;
  /** At most 128 characters. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** At most 64 characters. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** At most 128 characters. */
  jobTitle?: InputMaybe<Scalars['String']['input']>;
  /** A language tag such as en-US. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** At most 64 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** Admins only: a user may not change its own plan. */
  type?: InputMaybe<UserType>;
};

/** Body of updateWebinar: only the fields given change; at least one is required. */
export type UpdateWebinarInput = {
  /** At most 2000 characters. */
  agenda?: InputMaybe<Scalars['String']['input']>;
  /** Minutes, 1 or more. */
  duration?: InputMaybe<Scalars['Int']['input']>;
  /** For RECURRING_FIXED_TIME webinars. */
  recurrence?: InputMaybe<RecurrenceInput>;
  /** When the webinar starts, with Z or an offset, in whole seconds. */
  startTime?: InputMaybe<Scalars['DateTime']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** A Zoom user. */
export type User = {
  __typename?: 'User';
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  dept?: Maybe<Scalars['String']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  email: Scalars['String']['output'];
  firstName?: Maybe<Scalars['String']['output']>;
  /** Zoom's user id; for pending users (Zoom gives them no id yet) the email. */
  id: Scalars['ID']['output'];
  language?: Maybe<Scalars['String']['output']>;
  lastLoginTime?: Maybe<Scalars['DateTime']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
  /** This user's meetings, as `meetings(userId:)` lists them: the caller's own, or anyone's for an admin. */
  meetings: MeetingConnection;
  picUrl?: Maybe<Scalars['String']['output']>;
  /** Personal meeting ID (64-bit, so a string). */
  pmi?: Maybe<Scalars['String']['output']>;
  /** The user's cloud recordings of meetings that started from `from` to `to` (UTC days, both included, at most one month apart: Zoom's limit); neither means today. The user itself or an admin. */
  recordings?: Maybe<MeetingRecordingConnection>;
  roleId?: Maybe<Scalars['String']['output']>;
  /** The user’s meeting defaults: an admin sees anyone’s, a user its own. */
  settings?: Maybe<UserSettings>;
  status?: Maybe<UserStatus>;
  timezone?: Maybe<Scalars['String']['output']>;
  /** Null for a type this schema does not know (such as On-prem, 3, in older Zoom documents). */
  type?: Maybe<UserType>;
  verified?: Maybe<Scalars['Boolean']['output']>;
  /** This user's webinars, as `webinars(userId:)` lists them. */
  webinars?: Maybe<WebinarConnection>;
  /** Zoom's user id; null for pending users. */
  zoomId?: Maybe<Scalars['ID']['output']>;
};


/** A Zoom user. */
export type UserMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<MeetingListType>;
};


/** A Zoom user. */
export type UserRecordingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};


/** A Zoom user. */
export type UserWebinarsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Zoom users; cursors wrap Zoom next_page_token values. */
export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  nodes: Array<User>;
  pageInfo: PageInfo;
  /** Total across all pages, as Zoom reports it. */
  totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** One Zoom event about a user of the account, delivered to a subscription once. */
export type UserEvent = {
  __typename?: 'UserEvent';
  email?: Maybe<Scalars['String']['output']>;
  /** When Zoom says the event happened (its event_ts). */
  occurredAt: Scalars['DateTime']['output'];
  /** Increases by one per user event of the account, across every replica: a jump is a missed event. */
  sequence: Scalars['Int']['output'];
  /** Zoom’s event name: user.created, user.updated, user.activated, user.deactivated, user.deleted, user.disassociated or user.settings_updated. */
  type: Scalars['String']['output'];
  /** The user as Zoom has it now; null once it has left the account. */
  user?: Maybe<User>;
  userId?: Maybe<Scalars['ID']['output']>;
};

/** A typed part of Zoom’s user settings; Zoom has many more, which this schema leaves out. */
export type UserSettings = {
  __typename?: 'UserSettings';
  inMeeting?: Maybe<InMeetingSettings>;
  recording?: Maybe<RecordingSettings>;
  scheduleMeeting?: Maybe<ScheduleMeetingSettings>;
};

/** Body of updateUserSettings: only the fields given change; at least one is required. */
export type UserSettingsInput = {
  inMeeting?: InputMaybe<InMeetingSettingsInput>;
  recording?: InputMaybe<RecordingSettingsInput>;
  scheduleMeeting?: InputMaybe<ScheduleMeetingSettingsInput>;
};

/** A Zoom user's account status. */
export type UserStatus =
  | 'ACTIVE'
  | 'INACTIVE'
  | 'PENDING';

export type UserStatusAction =
  /** The user may sign in again. */
  | 'ACTIVATE'
  /** Zoom removes the user’s licenses and blocks sign-in; the user stays in the account. */
  | 'DEACTIVATE';

/** How many users the account has, by plan and status (Zoom’s user summary). */
export type UserSummary = {
  __typename?: 'UserSummary';
  basic: Scalars['Int']['output'];
  joinOnly: Scalars['Int']['output'];
  licensed: Scalars['Int']['output'];
  onPrem: Scalars['Int']['output'];
  /** Invited users who have not accepted yet. */
  pending: Scalars['Int']['output'];
  /** Zoom Rooms users. */
  rooms: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** Who receives what a leaving user owned, before Zoom removes it. */
export type UserTransferInput = {
  meetings?: InputMaybe<Scalars['Boolean']['input']>;
  recordings?: InputMaybe<Scalars['Boolean']['input']>;
  /** An active user of the account; not the leaving user itself. */
  toEmail: Scalars['String']['input'];
  webinars?: InputMaybe<Scalars['Boolean']['input']>;
  whiteboards?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Zoom user's plan type. */
export type UserType =
  /** Basic (1). */
  | 'BASIC'
  /** Licensed (2). */
  | 'LICENSED'
  /** None (99): only for users created with ssoCreate; Zoom no longer sets it. */
  | 'NONE'
  /** Unassigned without Meetings Basic (4). */
  | 'UNASSIGNED';

/** PARTICIPANT joins a session (role_type 0); HOST (or co-host) runs it (role_type 1). */
export type VideoSdkRole =
  | 'HOST'
  | 'PARTICIPANT';

/** A Video SDK JWT (HS256, signed with the Video SDK secret) to pass to the SDK’s join call. */
export type VideoSdkToken = {
  __typename?: 'VideoSdkToken';
  /** The JWT `exp`. */
  expiresAt: Scalars['DateTime']['output'];
  token: Scalars['String']['output'];
};

/** A Zoom webinar. List results carry fewer fields than a single webinar. */
export type Webinar = {
  __typename?: 'Webinar';
  agenda?: Maybe<Scalars['String']['output']>;
  /** Minutes. */
  duration?: Maybe<Scalars['Int']['output']>;
  /** Looked up once per distinct host in a request. */
  host?: Maybe<User>;
  hostId: Scalars['ID']['output'];
  /** Webinar number: 64-bit, so an ID (string). */
  id: Scalars['ID']['output'];
  joinUrl?: Maybe<Scalars['String']['output']>;
  /** Occurrences of a recurring webinar with a fixed time. */
  occurrences?: Maybe<Array<MeetingOccurrence>>;
  /** Who speaks at the webinar, with their own join links. Host or admin only. */
  panelists?: Maybe<Array<Panelist>>;
  /** Ended instances of this webinar, latest first (`first`: 1–300, default 10). Host or admin only. */
  pastInstances?: Maybe<Array<PastWebinar>>;
  /** How a recurring webinar repeats; on a list item it costs one GET of the webinar. */
  recurrence?: Maybe<MeetingRecurrence>;
  /** People registered for the webinar, by status. Host or admin only. */
  registrants?: Maybe<MeetingRegistrantConnection>;
  startTime?: Maybe<Scalars['DateTime']['output']>;
  timezone?: Maybe<Scalars['String']['output']>;
  topic?: Maybe<Scalars['String']['output']>;
  type?: Maybe<WebinarType>;
  /** UUID of this webinar instance. */
  uuid?: Maybe<Scalars['ID']['output']>;
};


/** A Zoom webinar. List results carry fewer fields than a single webinar. */
export type WebinarPastInstancesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A Zoom webinar. List results carry fewer fields than a single webinar. */
export type WebinarRegistrantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<RegistrantStatus>;
};

/** A page of webinars; cursors wrap Zoom next_page_token values. */
export type WebinarConnection = {
  __typename?: 'WebinarConnection';
  edges: Array<WebinarEdge>;
  nodes: Array<Webinar>;
  pageInfo: PageInfo;
  /** Total across all pages, as Zoom reports it. */
  totalCount: Scalars['Int']['output'];
};

export type WebinarEdge = {
  __typename?: 'WebinarEdge';
  cursor: Scalars['String']['output'];
  node: Webinar;
};

/** Zoom webinar type: one webinar, or recurring with or without a fixed time. */
export type WebinarType =
  | 'RECURRING_FIXED_TIME'
  | 'RECURRING_NO_FIXED_TIME'
  | 'WEBINAR';

export type AddMeetingRegistrantMutationVariables = Exact<{
  meetingId: Scalars['ID']['input'];
  input: AddMeetingRegistrantInput;
}>;


export type AddMeetingRegistrantMutation = { __typename?: 'Mutation', addMeetingRegistrant?: { __typename?: 'MeetingRegistrant', id: string, email: string, firstName: string, lastName?: string | null, joinUrl?: string | null } | null };

export type CredentialsQueryVariables = Exact<{ [key: string]: never; }>;


export type CredentialsQuery = { __typename?: 'Query', credentials?: { __typename?: 'CredentialStatus', sandbox: boolean, serverToServer: boolean, userOAuth: boolean, meetingSdk: boolean, legacyJwt: boolean, selectedSource?: TokenSource | null, cached: Array<{ __typename?: 'CachedToken', source: TokenSource, expiresAt: string, scopes: Array<string> }>, readCache: { __typename?: 'ReadCacheStatus', enabled: boolean, ttlSeconds: number } } | null };

export type EndMeetingMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EndMeetingMutation = { __typename?: 'Mutation', endMeeting?: boolean | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, email: string, displayName?: string | null, status?: UserStatus | null } | null };

export type MeetingQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MeetingQuery = { __typename?: 'Query', meeting?: { __typename?: 'Meeting', id: string, uuid?: string | null, topic?: string | null, type?: MeetingType | null, status?: MeetingStatus | null, startTime?: string | null, duration?: number | null, timezone?: string | null, agenda?: string | null, hostId: string, hostEmail?: string | null, joinUrl?: string | null, host?: { __typename?: 'User', id: string, email: string, displayName?: string | null } | null } | null };

export type MeetingDetailsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MeetingDetailsQuery = { __typename?: 'Query', meeting?: { __typename?: 'Meeting', id: string, type?: MeetingType | null, invitation?: string | null, recurrence?: { __typename?: 'MeetingRecurrence', type?: RecurrenceType | null, repeatInterval?: number | null, weeklyDays?: Array<number> | null, monthlyDay?: number | null, monthlyWeek?: number | null, monthlyWeekDay?: number | null, endTimes?: number | null, endDateTime?: string | null } | null, occurrences?: Array<{ __typename?: 'MeetingOccurrence', occurrenceId: string, startTime?: string | null, duration?: number | null, status?: OccurrenceStatus | null }> | null } | null };

export type MeetingRegistrantsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  status?: InputMaybe<RegistrantStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MeetingRegistrantsQuery = { __typename?: 'Query', meeting?: { __typename?: 'Meeting', id: string, registrants?: { __typename?: 'MeetingRegistrantConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'MeetingRegistrantEdge', cursor: string, node: { __typename?: 'MeetingRegistrant', id: string, email: string, firstName: string, lastName?: string | null, status?: RegistrantStatus | null, joinUrl?: string | null, createdAt?: string | null } }> } | null } | null };

export type MeetingSdkSignatureMutationVariables = Exact<{
  meetingNumber: Scalars['ID']['input'];
  role: MeetingRole;
  expiresInSeconds?: InputMaybe<Scalars['Int']['input']>;
}>;


export type MeetingSdkSignatureMutation = { __typename?: 'Mutation', meetingSdkSignature?: { __typename?: 'SdkSignature', signature: string, sdkKey: string, meetingNumber: string, role: MeetingRole, issuedAt: string, expiresAt: string } | null };

export type MeetingsQueryVariables = Exact<{
  userId?: InputMaybe<Scalars['ID']['input']>;
  type?: InputMaybe<MeetingListType>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MeetingsQuery = { __typename?: 'Query', meetings?: { __typename?: 'MeetingConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename?: 'MeetingEdge', cursor: string, node: { __typename?: 'Meeting', id: string, uuid?: string | null, topic?: string | null, type?: MeetingType | null, startTime?: string | null, duration?: number | null, timezone?: string | null, hostId: string, joinUrl?: string | null } }> } | null };

export type MyMeetingEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MyMeetingEventsSubscription = { __typename?: 'Subscription', myMeetingEvents: { __typename?: 'MeetingEvent', meetingId: string, kind: MeetingEventKind, sequence: number } };

export type MyRecordingsQueryVariables = Exact<{
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  to?: InputMaybe<Scalars['LocalDate']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyRecordingsQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, recordings?: { __typename?: 'MeetingRecordingConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'MeetingRecording', meetingId: string, uuid?: string | null, topic?: string | null, startTime?: string | null, files: Array<{ __typename?: 'RecordingFile', fileType: string, sizeBytes?: number | null, downloadUrl?: string | null }> }> } | null } | null };

export type PastMeetingsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  instances?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PastMeetingsQuery = { __typename?: 'Query', meeting?: { __typename?: 'Meeting', id: string, pastInstances?: Array<{ __typename?: 'PastMeeting', uuid: string, meetingId: string, startTime?: string | null, participants?: { __typename?: 'ParticipantConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Participant', id?: string | null, name: string, email?: string | null, joinTime?: string | null, leaveTime?: string | null, durationSeconds?: number | null }> } | null }> | null, recordings?: { __typename?: 'MeetingRecording', uuid?: string | null, shareUrl?: string | null, totalSizeBytes?: number | null, files: Array<{ __typename?: 'RecordingFile', id?: string | null, fileType: string, recordingType?: string | null, sizeBytes?: number | null, playUrl?: string | null, downloadUrl?: string | null, startedAt?: string | null, endedAt?: string | null }> } | null } | null };

export type StartMeetingTokenMutationVariables = Exact<{
  meetingId: Scalars['ID']['input'];
}>;


export type StartMeetingTokenMutation = { __typename?: 'Mutation', startMeetingToken?: { __typename?: 'StartMeetingToken', meetingId: string, hostId: string, zak: string, zakExpiresAt: string, signature?: string | null, sdkKey?: string | null, signatureExpiresAt?: string | null } | null };

export type StartWebinarTokenMutationVariables = Exact<{
  webinarId: Scalars['ID']['input'];
}>;


export type StartWebinarTokenMutation = { __typename?: 'Mutation', startWebinarToken?: { __typename?: 'StartMeetingToken', meetingId: string, hostId: string, zak: string, signature?: string | null, sdkKey?: string | null } | null };

export type UpdateMeetingRegistrantStatusMutationVariables = Exact<{
  meetingId: Scalars['ID']['input'];
  action: RegistrantAction;
  registrantIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type UpdateMeetingRegistrantStatusMutation = { __typename?: 'Mutation', updateMeetingRegistrantStatus?: boolean | null };

export type UserQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UserQuery = { __typename?: 'Query', user?: { __typename?: 'User', id: string, zoomId?: string | null, email: string, firstName?: string | null, lastName?: string | null, displayName?: string | null, type?: UserType | null, status?: UserStatus | null, pmi?: string | null, timezone?: string | null, createdAt?: string | null } | null };

export type UsersQueryVariables = Exact<{
  status?: InputMaybe<UserStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type UsersQuery = { __typename?: 'Query', users?: { __typename?: 'UserConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename?: 'UserEdge', cursor: string, node: { __typename?: 'User', id: string, email: string, displayName?: string | null, status?: UserStatus | null } }> } | null };

export type VideoSdkTokenMutationVariables = Exact<{
  sessionName: Scalars['String']['input'];
  role?: InputMaybe<VideoSdkRole>;
  userIdentity?: InputMaybe<Scalars['String']['input']>;
  sessionKey?: InputMaybe<Scalars['String']['input']>;
  expiresIn?: InputMaybe<Scalars['Int']['input']>;
}>;


export type VideoSdkTokenMutation = { __typename?: 'Mutation', videoSdkToken?: { __typename?: 'VideoSdkToken', token: string, expiresAt: string } | null };

export type WebinarDashboardQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebinarDashboardQuery = { __typename?: 'Query', webinar?: { __typename?: 'Webinar', id: string, topic?: string | null, type?: WebinarType | null, startTime?: string | null, host?: { __typename?: 'User', email: string } | null, panelists?: Array<{ __typename?: 'Panelist', id: string, email: string, name: string }> | null, registrants?: { __typename?: 'MeetingRegistrantConnection', totalCount: number, nodes: Array<{ __typename?: 'MeetingRegistrant', id: string, email: string, status?: RegistrantStatus | null }> } | null, pastInstances?: Array<{ __typename?: 'PastWebinar', uuid: string, startTime?: string | null, participants?: { __typename?: 'ParticipantConnection', totalCount: number, nodes: Array<{ __typename?: 'Participant', name: string }> } | null, absentees?: { __typename?: 'MeetingRegistrantConnection', totalCount: number, nodes: Array<{ __typename?: 'MeetingRegistrant', email: string }> } | null }> | null } | null };


export const AddMeetingRegistrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMeetingRegistrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMeetingRegistrantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMeetingRegistrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"joinUrl"}}]}}]}}]} as unknown as DocumentNode<AddMeetingRegistrantMutation, AddMeetingRegistrantMutationVariables>;
export const CredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"serverToServer"}},{"kind":"Field","name":{"kind":"Name","value":"userOAuth"}},{"kind":"Field","name":{"kind":"Name","value":"meetingSdk"}},{"kind":"Field","name":{"kind":"Name","value":"legacyJwt"}},{"kind":"Field","name":{"kind":"Name","value":"selectedSource"}},{"kind":"Field","name":{"kind":"Name","value":"cached"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readCache"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"ttlSeconds"}}]}}]}}]}}]} as unknown as DocumentNode<CredentialsQuery, CredentialsQueryVariables>;
export const EndMeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndMeeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<EndMeetingMutation, EndMeetingMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Meeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"agenda"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"hostEmail"}},{"kind":"Field","name":{"kind":"Name","value":"joinUrl"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<MeetingQuery, MeetingQueryVariables>;
export const MeetingDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeetingDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"repeatInterval"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyDays"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyDay"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyWeek"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyWeekDay"}},{"kind":"Field","name":{"kind":"Name","value":"endTimes"}},{"kind":"Field","name":{"kind":"Name","value":"endDateTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occurrences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"occurrenceId"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<MeetingDetailsQuery, MeetingDetailsQueryVariables>;
export const MeetingRegistrantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeetingRegistrants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RegistrantStatus"}},"defaultValue":{"kind":"EnumValue","value":"APPROVED"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"registrants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"joinUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeetingRegistrantsQuery, MeetingRegistrantsQueryVariables>;
export const MeetingSdkSignatureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MeetingSdkSignature"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingRole"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetingSdkSignature"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingNumber"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"expiresInSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"meetingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MeetingSdkSignatureMutation, MeetingSdkSignatureMutationVariables>;
export const MeetingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Meetings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}},"defaultValue":{"kind":"StringValue","value":"me","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingListType"}},"defaultValue":{"kind":"EnumValue","value":"SCHEDULED"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"joinUrl"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeetingsQuery, MeetingsQueryVariables>;
export const MyMeetingEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MyMeetingEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myMeetingEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetingId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}}]}}]}}]} as unknown as DocumentNode<MyMeetingEventsSubscription, MyMeetingEventsSubscriptionVariables>;
export const MyRecordingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyRecordings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recordings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetingId"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyRecordingsQuery, MyRecordingsQueryVariables>;
export const PastMeetingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PastMeetings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"instances"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pastInstances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"instances"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"meetingId"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"joinTime"}},{"kind":"Field","name":{"kind":"Name","value":"leaveTime"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recordings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"shareUrl"}},{"kind":"Field","name":{"kind":"Name","value":"totalSizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileType"}},{"kind":"Field","name":{"kind":"Name","value":"recordingType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"playUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PastMeetingsQuery, PastMeetingsQueryVariables>;
export const StartMeetingTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartMeetingToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startMeetingToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetingId"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"zak"}},{"kind":"Field","name":{"kind":"Name","value":"zakExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"signatureExpiresAt"}}]}}]}}]} as unknown as DocumentNode<StartMeetingTokenMutation, StartMeetingTokenMutationVariables>;
export const StartWebinarTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartWebinarToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"webinarId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startWebinarToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"webinarId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"webinarId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetingId"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"zak"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}}]}}]}}]} as unknown as DocumentNode<StartWebinarTokenMutation, StartWebinarTokenMutationVariables>;
export const UpdateMeetingRegistrantStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMeetingRegistrantStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegistrantAction"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"registrantIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMeetingRegistrantStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"registrantIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"registrantIds"}}}]}]}}]} as unknown as DocumentNode<UpdateMeetingRegistrantStatusMutation, UpdateMeetingRegistrantStatusMutationVariables>;
export const UserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"User"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"zoomId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pmi"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<UserQuery, UserQueryVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserStatus"}},"defaultValue":{"kind":"EnumValue","value":"ACTIVE"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const VideoSdkTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VideoSdkToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VideoSdkRole"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIdentity"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"videoSdkToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionName"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIdentity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIdentity"}}},{"kind":"Argument","name":{"kind":"Name","value":"sessionKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<VideoSdkTokenMutation, VideoSdkTokenMutationVariables>;
export const WebinarDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebinarDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webinar"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"panelists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registrants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pastInstances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"absentees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebinarDashboardQuery, WebinarDashboardQueryVariables>;