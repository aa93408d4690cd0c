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
};

export type AutoRecording =
  | 'CLOUD'
  | 'LOCAL'
  | 'NONE';

/** A cached token: when it expires and what it may do. Never the token itself. */
export type CachedToken = {
  __typename?: 'CachedToken';
  expiresAt: Scalars['DateTime']['output'];
  scopes: Array<Scalars['String']['output']>;
  /** s2s, user, zak or legacy. */
  source: Scalars['String']['output'];
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
  /** `yyyy-MM-ddTHH:mm:ssZ` (UTC), or local `yyyy-MM-ddTHH:mm:ss` in `timezone` (else the account’s). */
  startTime?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  topic?: InputMaybe<Scalars['String']['input']>;
  /** INSTANT, SCHEDULED (Zoom’s default), RECURRING_NO_FIXED_TIME or RECURRING_FIXED_TIME. */
  type?: InputMaybe<MeetingType>;
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
  /** The source this caller's own calls would use: s2s, user, legacy, or null. */
  selectedSource?: Maybe<Scalars['String']['output']>;
  serverToServer: Scalars['Boolean']['output'];
  /** This caller's Zoom user has authorized the user OAuth app. */
  userAuthorized: Scalars['Boolean']['output'];
  userOAuth: Scalars['Boolean']['output'];
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
  joinUrl?: Maybe<Scalars['String']['output']>;
  /** Passcode to join. */
  password?: Maybe<Scalars['String']['output']>;
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
  /** Schedules a meeting for a user (the caller unless admin). Counts toward the host’s 100 per day. */
  createMeeting: Meeting;
  /** Deletes a meeting; NOT_FOUND when Zoom has no such meeting. */
  deleteMeeting: Scalars['Boolean']['output'];
  /** Drops a user's cached ZAK, e.g. after the Meeting SDK reported a failed start or the user signed out everywhere. Admin or the user itself. True when a cached ZAK was dropped. */
  invalidateZak: Scalars['Boolean']['output'];
  /** Signs a Meeting SDK JWT. HOST only for the meeting’s host or an admin. expiresInSeconds: 1800–172800, default 7200. */
  meetingSdkSignature: SdkSignature;
  /** Revokes the caller's own user OAuth authorization at Zoom and forgets its tokens; false when there was none. */
  revokeZoomAuthorization: Scalars['Boolean']['output'];
  /** The host's cached ZAK and, when a Meeting SDK app is configured, a host signature. Host or admin only. */
  startMeetingToken: StartMeetingToken;
  /** Changes the given fields and returns the meeting as Zoom now has it. */
  updateMeeting: Meeting;
};


export type MutationCreateMeetingArgs = {
  input: CreateMeetingInput;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationDeleteMeetingArgs = {
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


export type MutationStartMeetingTokenArgs = {
  meetingId: Scalars['ID']['input'];
};


export type MutationUpdateMeetingArgs = {
  id: Scalars['ID']['input'];
  input: UpdateMeetingInput;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** What is configured and cached for this caller; never secrets. */
  credentials: CredentialStatus;
  /** The caller's own Zoom user. */
  me: User;
  /** A meeting by number or UUID; null when Zoom reports no such meeting. */
  meeting?: Maybe<Meeting>;
  /** A user's meetings (the caller's own unless admin). */
  meetings: MeetingConnection;
  /** A user by id or email; null when Zoom reports no such user. */
  user?: Maybe<User>;
  /** The account's users (admin). */
  users: UserConnection;
};


export type QueryMeetingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<MeetingListType>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<UserStatus>;
};

/** The gateway's cache of Zoom GET answers (ZOOM_CACHE_TTL_SECONDS). */
export type ReadCacheStatus = {
  __typename?: 'ReadCacheStatus';
  /** Zoom GET answers are cached, each visible only to calls made with the credential that fetched it. */
  enabled: Scalars['Boolean']['output'];
  /** How long an answer is served without asking Zoom, unless a change reported to the gateway ends it sooner; 0 when off. */
  ttlSeconds: Scalars['Int']['output'];
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

export type RegistrationApproval =
  | 'AUTOMATIC'
  | 'MANUAL'
  | 'NO_REGISTRATION';

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
  /** Events of one meeting as Zoom reports them; user-role callers only for meetings they host. */
  meetingEvents: MeetingEvent;
  /** Events of every meeting the caller hosts (admins: of the host given). */
  myMeetingEvents: MeetingEvent;
};


export type SubscriptionMeetingEventsArgs = {
  meetingId: Scalars['ID']['input'];
};


export type SubscriptionMyMeetingEventsArgs = {
  hostId?: InputMaybe<Scalars['ID']['input']>;
};

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
  /** `yyyy-MM-ddTHH:mm:ssZ` (UTC), or local `yyyy-MM-ddTHH:mm:ss` in `timezone` (else the account’s). */
  startTime?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  topic?: InputMaybe<Scalars['String']['input']>;
  /** INSTANT, SCHEDULED (Zoom’s default), RECURRING_NO_FIXED_TIME or RECURRING_FIXED_TIME. */
  type?: InputMaybe<MeetingType>;
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
  picUrl?: Maybe<Scalars['String']['output']>;
  /** Personal meeting ID (64-bit, so a string). */
  pmi?: Maybe<Scalars['String']['output']>;
  roleId?: Maybe<Scalars['String']['output']>;
  status?: Maybe<UserStatus>;
  timezone?: Maybe<Scalars['String']['output']>;
  /** 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None. */
  type: Scalars['Int']['output'];
  verified?: Maybe<Scalars['Boolean']['output']>;
  /** Zoom's user id; null for pending users. */
  zoomId?: Maybe<Scalars['ID']['output']>;
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

/** A Zoom user's account status. */
export type UserStatus =
  | 'ACTIVE'
  | 'INACTIVE'
  | 'PENDING';

export type CredentialsQueryVariables = Exact<{ [key: string]: never; }>;


export type CredentialsQuery = { __typename?: 'Query', credentials: { __typename?: 'CredentialStatus', sandbox: boolean, serverToServer: boolean, userOAuth: boolean, meetingSdk: boolean, legacyJwt: boolean, selectedSource?: string | null, cached: Array<{ __typename?: 'CachedToken', source: string, expiresAt: string, scopes: Array<string> }>, readCache: { __typename?: 'ReadCacheStatus', enabled: boolean, ttlSeconds: number } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, email: string, displayName?: string | null, status?: UserStatus | null } };

export type MeetingQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MeetingQuery = { __typename?: 'Query', meeting?: { __typename?: 'Meeting', id: string, uuid?: string | null, topic?: string | null, type?: MeetingType | null, status?: MeetingStatus | null, startTime?: string | null, duration?: number | null, timezone?: string | null, agenda?: string | null, hostId: string, hostEmail?: string | null, joinUrl?: string | null, host?: { __typename?: 'User', id: string, email: string, displayName?: string | null } | null } | null };

export type MeetingSdkSignatureMutationVariables = Exact<{
  meetingNumber: Scalars['ID']['input'];
  role: MeetingRole;
  expiresInSeconds?: InputMaybe<Scalars['Int']['input']>;
}>;


export type MeetingSdkSignatureMutation = { __typename?: 'Mutation', meetingSdkSignature: { __typename?: 'SdkSignature', signature: string, sdkKey: string, meetingNumber: string, role: MeetingRole, issuedAt: string, expiresAt: string } };

export type MeetingsQueryVariables = Exact<{
  userId?: InputMaybe<Scalars['ID']['input']>;
  type?: InputMaybe<MeetingListType>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MeetingsQuery = { __typename?: 'Query', meetings: { __typename?: 'MeetingConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'MeetingEdge', cursor: string, node: { __typename?: 'Meeting', id: string, uuid?: string | null, topic?: string | null, type?: MeetingType | null, startTime?: string | null, duration?: number | null, timezone?: string | null, hostId: string, joinUrl?: string | null } }> } };

export type StartMeetingTokenMutationVariables = Exact<{
  meetingId: Scalars['ID']['input'];
}>;


export type StartMeetingTokenMutation = { __typename?: 'Mutation', startMeetingToken: { __typename?: 'StartMeetingToken', meetingId: string, hostId: string, zak: string, zakExpiresAt: string, signature?: string | null, sdkKey?: string | null, signatureExpiresAt?: string | null } };

export type UserQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UserQuery = { __typename?: 'Query', user?: { __typename?: 'User', id: string, zoomId?: string | null, email: string, firstName?: string | null, lastName?: string | null, displayName?: string | null, type: number, status?: UserStatus | null, pmi?: string | null, timezone?: string | null, createdAt?: string | null } | null };

export type UsersQueryVariables = Exact<{
  status?: InputMaybe<UserStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type UsersQuery = { __typename?: 'Query', users: { __typename?: 'UserConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'UserEdge', cursor: string, node: { __typename?: 'User', id: string, email: string, displayName?: string | null, status?: UserStatus | null } }> } };


export const CredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandbox"}},{"kind":"Field","name":{"kind":"Name","value":"serverToServer"}},{"kind":"Field","name":{"kind":"Name","value":"userOAuth"}},{"kind":"Field","name":{"kind":"Name","value":"meetingSdk"}},{"kind":"Field","name":{"kind":"Name","value":"legacyJwt"}},{"kind":"Field","name":{"kind":"Name","value":"selectedSource"}},{"kind":"Field","name":{"kind":"Name","value":"cached"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readCache"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"ttlSeconds"}}]}}]}}]}}]} as unknown as DocumentNode<CredentialsQuery, CredentialsQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Meeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"agenda"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"hostEmail"}},{"kind":"Field","name":{"kind":"Name","value":"joinUrl"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<MeetingQuery, MeetingQueryVariables>;
export const MeetingSdkSignatureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MeetingSdkSignature"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingRole"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetingSdkSignature"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingNumber"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"expiresInSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"meetingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<MeetingSdkSignatureMutation, MeetingSdkSignatureMutationVariables>;
export const MeetingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Meetings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}},"defaultValue":{"kind":"StringValue","value":"me","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingListType"}},"defaultValue":{"kind":"EnumValue","value":"SCHEDULED"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uuid"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"startTime"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"joinUrl"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeetingsQuery, MeetingsQueryVariables>;
export const StartMeetingTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartMeetingToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startMeetingToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"meetingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"meetingId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetingId"}},{"kind":"Field","name":{"kind":"Name","value":"hostId"}},{"kind":"Field","name":{"kind":"Name","value":"zak"}},{"kind":"Field","name":{"kind":"Name","value":"zakExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"sdkKey"}},{"kind":"Field","name":{"kind":"Name","value":"signatureExpiresAt"}}]}}]}}]} as unknown as DocumentNode<StartMeetingTokenMutation, StartMeetingTokenMutationVariables>;
export const UserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"User"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"zoomId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pmi"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<UserQuery, UserQueryVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserStatus"}},"defaultValue":{"kind":"EnumValue","value":"ACTIVE"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;