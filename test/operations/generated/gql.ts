/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddMeetingRegistrant($meetingId: ID!, $input: AddMeetingRegistrantInput!) {\n  addMeetingRegistrant(meetingId: $meetingId, input: $input) {\n    id\n    email\n    firstName\n    lastName\n    joinUrl\n  }\n}": typeof types.AddMeetingRegistrantDocument,
    "query Credentials {\n  credentials {\n    sandbox\n    serverToServer\n    userOAuth\n    meetingSdk\n    legacyJwt\n    selectedSource\n    cached {\n      source\n      expiresAt\n      scopes\n    }\n    readCache {\n      enabled\n      ttlSeconds\n    }\n  }\n}": typeof types.CredentialsDocument,
    "mutation EndMeeting($id: ID!) {\n  endMeeting(id: $id)\n}": typeof types.EndMeetingDocument,
    "query Me {\n  me {\n    id\n    email\n    displayName\n    status\n  }\n}": typeof types.MeDocument,
    "query Meeting($id: ID!) {\n  meeting(id: $id) {\n    id\n    uuid\n    topic\n    type\n    status\n    startTime\n    duration\n    timezone\n    agenda\n    hostId\n    hostEmail\n    joinUrl\n    host {\n      id\n      email\n      displayName\n    }\n  }\n}": typeof types.MeetingDocument,
    "query MeetingDetails($id: ID!) {\n  meeting(id: $id) {\n    id\n    type\n    invitation\n    recurrence {\n      type\n      repeatInterval\n      weeklyDays\n      monthlyDay\n      monthlyWeek\n      monthlyWeekDay\n      endTimes\n      endDateTime\n    }\n    occurrences {\n      occurrenceId\n      startTime\n      duration\n      status\n    }\n  }\n}": typeof types.MeetingDetailsDocument,
    "query MeetingRegistrants($id: ID!, $status: RegistrantStatus = APPROVED, $first: Int = 30, $after: String) {\n  meeting(id: $id) {\n    id\n    registrants(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          firstName\n          lastName\n          status\n          joinUrl\n          createdAt\n        }\n      }\n    }\n  }\n}": typeof types.MeetingRegistrantsDocument,
    "mutation MeetingSdkSignature($meetingNumber: ID!, $role: MeetingRole!, $expiresInSeconds: Int) {\n  meetingSdkSignature(\n    meetingNumber: $meetingNumber\n    role: $role\n    expiresInSeconds: $expiresInSeconds\n  ) {\n    signature\n    sdkKey\n    meetingNumber\n    role\n    issuedAt\n    expiresAt\n  }\n}": typeof types.MeetingSdkSignatureDocument,
    "query Meetings($userId: ID = \"me\", $type: MeetingListType = SCHEDULED, $first: Int = 30, $after: String) {\n  meetings(userId: $userId, type: $type, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        uuid\n        topic\n        type\n        startTime\n        duration\n        timezone\n        hostId\n        joinUrl\n      }\n    }\n  }\n}": typeof types.MeetingsDocument,
    "subscription MyMeetingEvents {\n  myMeetingEvents {\n    meetingId\n    kind\n    sequence\n  }\n}": typeof types.MyMeetingEventsDocument,
    "query MyRecordings($from: LocalDate, $to: LocalDate, $first: Int = 30, $after: String) {\n  me {\n    id\n    recordings(from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        meetingId\n        uuid\n        topic\n        startTime\n        files {\n          fileType\n          sizeBytes\n          downloadUrl\n        }\n      }\n    }\n  }\n}": typeof types.MyRecordingsDocument,
    "query PastMeetings($id: ID!, $instances: Int = 10, $first: Int = 30, $after: String) {\n  meeting(id: $id) {\n    id\n    pastInstances(first: $instances) {\n      uuid\n      meetingId\n      startTime\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          name\n          email\n          joinTime\n          leaveTime\n          durationSeconds\n        }\n      }\n    }\n    recordings {\n      uuid\n      shareUrl\n      totalSizeBytes\n      files {\n        id\n        fileType\n        recordingType\n        sizeBytes\n        playUrl\n        downloadUrl\n        startedAt\n        endedAt\n      }\n    }\n  }\n}": typeof types.PastMeetingsDocument,
    "mutation StartMeetingToken($meetingId: ID!) {\n  startMeetingToken(meetingId: $meetingId) {\n    meetingId\n    hostId\n    zak\n    zakExpiresAt\n    signature\n    sdkKey\n    signatureExpiresAt\n  }\n}": typeof types.StartMeetingTokenDocument,
    "mutation StartWebinarToken($webinarId: ID!) {\n  startWebinarToken(webinarId: $webinarId) {\n    meetingId\n    hostId\n    zak\n    signature\n    sdkKey\n  }\n}": typeof types.StartWebinarTokenDocument,
    "mutation UpdateMeetingRegistrantStatus($meetingId: ID!, $action: RegistrantAction!, $registrantIds: [ID!]!) {\n  updateMeetingRegistrantStatus(\n    meetingId: $meetingId\n    action: $action\n    registrantIds: $registrantIds\n  )\n}": typeof types.UpdateMeetingRegistrantStatusDocument,
    "query User($id: ID!) {\n  user(id: $id) {\n    id\n    zoomId\n    email\n    firstName\n    lastName\n    displayName\n    type\n    status\n    pmi\n    timezone\n    createdAt\n  }\n}": typeof types.UserDocument,
    "query Users($status: UserStatus = ACTIVE, $first: Int = 30, $after: String) {\n  users(status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        displayName\n        status\n      }\n    }\n  }\n}": typeof types.UsersDocument,
    "mutation VideoSdkToken($sessionName: String!, $role: VideoSdkRole, $userIdentity: String, $sessionKey: String, $expiresIn: Int) {\n  videoSdkToken(\n    sessionName: $sessionName\n    role: $role\n    userIdentity: $userIdentity\n    sessionKey: $sessionKey\n    expiresIn: $expiresIn\n  ) {\n    token\n    expiresAt\n  }\n}": typeof types.VideoSdkTokenDocument,
    "query WebinarDashboard($id: ID!) {\n  webinar(id: $id) {\n    id\n    topic\n    type\n    startTime\n    host {\n      email\n    }\n    panelists {\n      id\n      email\n      name\n    }\n    registrants(status: PENDING) {\n      totalCount\n      nodes {\n        id\n        email\n        status\n      }\n    }\n    pastInstances {\n      uuid\n      startTime\n      participants {\n        totalCount\n        nodes {\n          name\n        }\n      }\n      absentees {\n        totalCount\n        nodes {\n          email\n        }\n      }\n    }\n  }\n}": typeof types.WebinarDashboardDocument,
};
const documents: Documents = {
    "mutation AddMeetingRegistrant($meetingId: ID!, $input: AddMeetingRegistrantInput!) {\n  addMeetingRegistrant(meetingId: $meetingId, input: $input) {\n    id\n    email\n    firstName\n    lastName\n    joinUrl\n  }\n}": types.AddMeetingRegistrantDocument,
    "query Credentials {\n  credentials {\n    sandbox\n    serverToServer\n    userOAuth\n    meetingSdk\n    legacyJwt\n    selectedSource\n    cached {\n      source\n      expiresAt\n      scopes\n    }\n    readCache {\n      enabled\n      ttlSeconds\n    }\n  }\n}": types.CredentialsDocument,
    "mutation EndMeeting($id: ID!) {\n  endMeeting(id: $id)\n}": types.EndMeetingDocument,
    "query Me {\n  me {\n    id\n    email\n    displayName\n    status\n  }\n}": types.MeDocument,
    "query Meeting($id: ID!) {\n  meeting(id: $id) {\n    id\n    uuid\n    topic\n    type\n    status\n    startTime\n    duration\n    timezone\n    agenda\n    hostId\n    hostEmail\n    joinUrl\n    host {\n      id\n      email\n      displayName\n    }\n  }\n}": types.MeetingDocument,
    "query MeetingDetails($id: ID!) {\n  meeting(id: $id) {\n    id\n    type\n    invitation\n    recurrence {\n      type\n      repeatInterval\n      weeklyDays\n      monthlyDay\n      monthlyWeek\n      monthlyWeekDay\n      endTimes\n      endDateTime\n    }\n    occurrences {\n      occurrenceId\n      startTime\n      duration\n      status\n    }\n  }\n}": types.MeetingDetailsDocument,
    "query MeetingRegistrants($id: ID!, $status: RegistrantStatus = APPROVED, $first: Int = 30, $after: String) {\n  meeting(id: $id) {\n    id\n    registrants(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          firstName\n          lastName\n          status\n          joinUrl\n          createdAt\n        }\n      }\n    }\n  }\n}": types.MeetingRegistrantsDocument,
    "mutation MeetingSdkSignature($meetingNumber: ID!, $role: MeetingRole!, $expiresInSeconds: Int) {\n  meetingSdkSignature(\n    meetingNumber: $meetingNumber\n    role: $role\n    expiresInSeconds: $expiresInSeconds\n  ) {\n    signature\n    sdkKey\n    meetingNumber\n    role\n    issuedAt\n    expiresAt\n  }\n}": types.MeetingSdkSignatureDocument,
    "query Meetings($userId: ID = \"me\", $type: MeetingListType = SCHEDULED, $first: Int = 30, $after: String) {\n  meetings(userId: $userId, type: $type, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        uuid\n        topic\n        type\n        startTime\n        duration\n        timezone\n        hostId\n        joinUrl\n      }\n    }\n  }\n}": types.MeetingsDocument,
    "subscription MyMeetingEvents {\n  myMeetingEvents {\n    meetingId\n    kind\n    sequence\n  }\n}": types.MyMeetingEventsDocument,
    "query MyRecordings($from: LocalDate, $to: LocalDate, $first: Int = 30, $after: String) {\n  me {\n    id\n    recordings(from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        meetingId\n        uuid\n        topic\n        startTime\n        files {\n          fileType\n          sizeBytes\n          downloadUrl\n        }\n      }\n    }\n  }\n}": types.MyRecordingsDocument,
    "query PastMeetings($id: ID!, $instances: Int = 10, $first: Int = 30, $after: String) {\n  meeting(id: $id) {\n    id\n    pastInstances(first: $instances) {\n      uuid\n      meetingId\n      startTime\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          name\n          email\n          joinTime\n          leaveTime\n          durationSeconds\n        }\n      }\n    }\n    recordings {\n      uuid\n      shareUrl\n      totalSizeBytes\n      files {\n        id\n        fileType\n        recordingType\n        sizeBytes\n        playUrl\n        downloadUrl\n        startedAt\n        endedAt\n      }\n    }\n  }\n}": types.PastMeetingsDocument,
    "mutation StartMeetingToken($meetingId: ID!) {\n  startMeetingToken(meetingId: $meetingId) {\n    meetingId\n    hostId\n    zak\n    zakExpiresAt\n    signature\n    sdkKey\n    signatureExpiresAt\n  }\n}": types.StartMeetingTokenDocument,
    "mutation StartWebinarToken($webinarId: ID!) {\n  startWebinarToken(webinarId: $webinarId) {\n    meetingId\n    hostId\n    zak\n    signature\n    sdkKey\n  }\n}": types.StartWebinarTokenDocument,
    "mutation UpdateMeetingRegistrantStatus($meetingId: ID!, $action: RegistrantAction!, $registrantIds: [ID!]!) {\n  updateMeetingRegistrantStatus(\n    meetingId: $meetingId\n    action: $action\n    registrantIds: $registrantIds\n  )\n}": types.UpdateMeetingRegistrantStatusDocument,
    "query User($id: ID!) {\n  user(id: $id) {\n    id\n    zoomId\n    email\n    firstName\n    lastName\n    displayName\n    type\n    status\n    pmi\n    timezone\n    createdAt\n  }\n}": types.UserDocument,
    "query Users($status: UserStatus = ACTIVE, $first: Int = 30, $after: String) {\n  users(status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        displayName\n        status\n      }\n    }\n  }\n}": types.UsersDocument,
    "mutation VideoSdkToken($sessionName: String!, $role: VideoSdkRole, $userIdentity: String, $sessionKey: String, $expiresIn: Int) {\n  videoSdkToken(\n    sessionName: $sessionName\n    role: $role\n    userIdentity: $userIdentity\n    sessionKey: $sessionKey\n    expiresIn: $expiresIn\n  ) {\n    token\n    expiresAt\n  }\n}": types.VideoSdkTokenDocument,
    "query WebinarDashboard($id: ID!) {\n  webinar(id: $id) {\n    id\n    topic\n    type\n    startTime\n    host {\n      email\n    }\n    panelists {\n      id\n      email\n      name\n    }\n    registrants(status: PENDING) {\n      totalCount\n      nodes {\n        id\n        email\n        status\n      }\n    }\n    pastInstances {\n      uuid\n      startTime\n      participants {\n        totalCount\n        nodes {\n          name\n        }\n      }\n      absentees {\n        totalCount\n        nodes {\n          email\n        }\n      }\n    }\n  }\n}": types.WebinarDashboardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddMeetingRegistrant($meetingId: ID!, $input: AddMeetingRegistrantInput!) {\n  addMeetingRegistrant(meetingId: $meetingId, input: $input) {\n    id\n    email\n    firstName\n    lastName\n    joinUrl\n  }\n}"): (typeof documents)["mutation AddMeetingRegistrant($meetingId: ID!, $input: AddMeetingRegistrantInput!) {\n  addMeetingRegistrant(meetingId: $meetingId, input: $input) {\n    id\n    email\n    firstName\n    lastName\n    joinUrl\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Credentials {\n  credentials {\n    sandbox\n    serverToServer\n    userOAuth\n    meetingSdk\n    legacyJwt\n    selectedSource\n    cached {\n      source\n      expiresAt\n      scopes\n    }\n    readCache {\n      enabled\n      ttlSeconds\n    }\n  }\n}"): (typeof documents)["query Credentials {\n  credentials {\n    sandbox\n    serverToServer\n    userOAuth\n    meetingSdk\n    legacyJwt\n    selectedSource\n    cached {\n      source\n      expiresAt\n      scopes\n    }\n    readCache {\n      enabled\n      ttlSeconds\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndMeeting($id: ID!) {\n  endMeeting(id: $id)\n}"): (typeof documents)["mutation EndMeeting($id: ID!) {\n  endMeeting(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    email\n    displayName\n    status\n  }\n}"): (typeof documents)["query Me {\n  me {\n    id\n    email\n    displayName\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Meeting($id: ID!) {\n  meeting(id: $id) {\n    id\n    uuid\n    topic\n    type\n    status\n    startTime\n    duration\n    timezone\n    agenda\n    hostId\n    hostEmail\n    joinUrl\n    host {\n      id\n      email\n      displayName\n    }\n  }\n}"): (typeof documents)["query Meeting($id: ID!) {\n  meeting(id: $id) {\n    id\n    uuid\n    topic\n    type\n    status\n    startTime\n    duration\n    timezone\n    agenda\n    hostId\n    hostEmail\n    joinUrl\n    host {\n      id\n      email\n      displayName\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MeetingDetails($id: ID!) {\n  meeting(id: $id) {\n    id\n    type\n    invitation\n    recurrence {\n      type\n      repeatInterval\n      weeklyDays\n      monthlyDay\n      monthlyWeek\n      monthlyWeekDay\n      endTimes\n      endDateTime\n    }\n    occurrences {\n      occurrenceId\n      startTime\n      duration\n      status\n    }\n  }\n}"): (typeof documents)["query MeetingDetails($id: ID!) {\n  meeting(id: $id) {\n    id\n    type\n    invitation\n    recurrence {\n      type\n      repeatInterval\n      weeklyDays\n      monthlyDay\n      monthlyWeek\n      monthlyWeekDay\n      endTimes\n      endDateTime\n    }\n    occurrences {\n      occurrenceId\n      startTime\n      duration\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MeetingRegistrants($id: ID!, $status: RegistrantStatus = APPROVED, $first: Int = 30, $after: String) {\n  meeting(id: $id) {\n    id\n    registrants(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          firstName\n          lastName\n          status\n          joinUrl\n          createdAt\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MeetingRegistrants($id: ID!, $status: RegistrantStatus = APPROVED, $first: Int = 30, $after: String) {\n  meeting(id: $id) {\n    id\n    registrants(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          email\n          firstName\n          lastName\n          status\n          joinUrl\n          createdAt\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MeetingSdkSignature($meetingNumber: ID!, $role: MeetingRole!, $expiresInSeconds: Int) {\n  meetingSdkSignature(\n    meetingNumber: $meetingNumber\n    role: $role\n    expiresInSeconds: $expiresInSeconds\n  ) {\n    signature\n    sdkKey\n    meetingNumber\n    role\n    issuedAt\n    expiresAt\n  }\n}"): (typeof documents)["mutation MeetingSdkSignature($meetingNumber: ID!, $role: MeetingRole!, $expiresInSeconds: Int) {\n  meetingSdkSignature(\n    meetingNumber: $meetingNumber\n    role: $role\n    expiresInSeconds: $expiresInSeconds\n  ) {\n    signature\n    sdkKey\n    meetingNumber\n    role\n    issuedAt\n    expiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Meetings($userId: ID = \"me\", $type: MeetingListType = SCHEDULED, $first: Int = 30, $after: String) {\n  meetings(userId: $userId, type: $type, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        uuid\n        topic\n        type\n        startTime\n        duration\n        timezone\n        hostId\n        joinUrl\n      }\n    }\n  }\n}"): (typeof documents)["query Meetings($userId: ID = \"me\", $type: MeetingListType = SCHEDULED, $first: Int = 30, $after: String) {\n  meetings(userId: $userId, type: $type, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        uuid\n        topic\n        type\n        startTime\n        duration\n        timezone\n        hostId\n        joinUrl\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MyMeetingEvents {\n  myMeetingEvents {\n    meetingId\n    kind\n    sequence\n  }\n}"): (typeof documents)["subscription MyMeetingEvents {\n  myMeetingEvents {\n    meetingId\n    kind\n    sequence\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyRecordings($from: LocalDate, $to: LocalDate, $first: Int = 30, $after: String) {\n  me {\n    id\n    recordings(from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        meetingId\n        uuid\n        topic\n        startTime\n        files {\n          fileType\n          sizeBytes\n          downloadUrl\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MyRecordings($from: LocalDate, $to: LocalDate, $first: Int = 30, $after: String) {\n  me {\n    id\n    recordings(from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        meetingId\n        uuid\n        topic\n        startTime\n        files {\n          fileType\n          sizeBytes\n          downloadUrl\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PastMeetings($id: ID!, $instances: Int = 10, $first: Int = 30, $after: String) {\n  meeting(id: $id) {\n    id\n    pastInstances(first: $instances) {\n      uuid\n      meetingId\n      startTime\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          name\n          email\n          joinTime\n          leaveTime\n          durationSeconds\n        }\n      }\n    }\n    recordings {\n      uuid\n      shareUrl\n      totalSizeBytes\n      files {\n        id\n        fileType\n        recordingType\n        sizeBytes\n        playUrl\n        downloadUrl\n        startedAt\n        endedAt\n      }\n    }\n  }\n}"): (typeof documents)["query PastMeetings($id: ID!, $instances: Int = 10, $first: Int = 30, $after: String) {\n  meeting(id: $id) {\n    id\n    pastInstances(first: $instances) {\n      uuid\n      meetingId\n      startTime\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          name\n          email\n          joinTime\n          leaveTime\n          durationSeconds\n        }\n      }\n    }\n    recordings {\n      uuid\n      shareUrl\n      totalSizeBytes\n      files {\n        id\n        fileType\n        recordingType\n        sizeBytes\n        playUrl\n        downloadUrl\n        startedAt\n        endedAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartMeetingToken($meetingId: ID!) {\n  startMeetingToken(meetingId: $meetingId) {\n    meetingId\n    hostId\n    zak\n    zakExpiresAt\n    signature\n    sdkKey\n    signatureExpiresAt\n  }\n}"): (typeof documents)["mutation StartMeetingToken($meetingId: ID!) {\n  startMeetingToken(meetingId: $meetingId) {\n    meetingId\n    hostId\n    zak\n    zakExpiresAt\n    signature\n    sdkKey\n    signatureExpiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartWebinarToken($webinarId: ID!) {\n  startWebinarToken(webinarId: $webinarId) {\n    meetingId\n    hostId\n    zak\n    signature\n    sdkKey\n  }\n}"): (typeof documents)["mutation StartWebinarToken($webinarId: ID!) {\n  startWebinarToken(webinarId: $webinarId) {\n    meetingId\n    hostId\n    zak\n    signature\n    sdkKey\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMeetingRegistrantStatus($meetingId: ID!, $action: RegistrantAction!, $registrantIds: [ID!]!) {\n  updateMeetingRegistrantStatus(\n    meetingId: $meetingId\n    action: $action\n    registrantIds: $registrantIds\n  )\n}"): (typeof documents)["mutation UpdateMeetingRegistrantStatus($meetingId: ID!, $action: RegistrantAction!, $registrantIds: [ID!]!) {\n  updateMeetingRegistrantStatus(\n    meetingId: $meetingId\n    action: $action\n    registrantIds: $registrantIds\n  )\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query User($id: ID!) {\n  user(id: $id) {\n    id\n    zoomId\n    email\n    firstName\n    lastName\n    displayName\n    type\n    status\n    pmi\n    timezone\n    createdAt\n  }\n}"): (typeof documents)["query User($id: ID!) {\n  user(id: $id) {\n    id\n    zoomId\n    email\n    firstName\n    lastName\n    displayName\n    type\n    status\n    pmi\n    timezone\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users($status: UserStatus = ACTIVE, $first: Int = 30, $after: String) {\n  users(status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        displayName\n        status\n      }\n    }\n  }\n}"): (typeof documents)["query Users($status: UserStatus = ACTIVE, $first: Int = 30, $after: String) {\n  users(status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        displayName\n        status\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VideoSdkToken($sessionName: String!, $role: VideoSdkRole, $userIdentity: String, $sessionKey: String, $expiresIn: Int) {\n  videoSdkToken(\n    sessionName: $sessionName\n    role: $role\n    userIdentity: $userIdentity\n    sessionKey: $sessionKey\n    expiresIn: $expiresIn\n  ) {\n    token\n    expiresAt\n  }\n}"): (typeof documents)["mutation VideoSdkToken($sessionName: String!, $role: VideoSdkRole, $userIdentity: String, $sessionKey: String, $expiresIn: Int) {\n  videoSdkToken(\n    sessionName: $sessionName\n    role: $role\n    userIdentity: $userIdentity\n    sessionKey: $sessionKey\n    expiresIn: $expiresIn\n  ) {\n    token\n    expiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WebinarDashboard($id: ID!) {\n  webinar(id: $id) {\n    id\n    topic\n    type\n    startTime\n    host {\n      email\n    }\n    panelists {\n      id\n      email\n      name\n    }\n    registrants(status: PENDING) {\n      totalCount\n      nodes {\n        id\n        email\n        status\n      }\n    }\n    pastInstances {\n      uuid\n      startTime\n      participants {\n        totalCount\n        nodes {\n          name\n        }\n      }\n      absentees {\n        totalCount\n        nodes {\n          email\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query WebinarDashboard($id: ID!) {\n  webinar(id: $id) {\n    id\n    topic\n    type\n    startTime\n    host {\n      email\n    }\n    panelists {\n      id\n      email\n      name\n    }\n    registrants(status: PENDING) {\n      totalCount\n      nodes {\n        id\n        email\n        status\n      }\n    }\n    pastInstances {\n      uuid\n      startTime\n      participants {\n        totalCount\n        nodes {\n          name\n        }\n      }\n      absentees {\n        totalCount\n        nodes {\n          email\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;