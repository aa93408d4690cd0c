import { describe, expect, it } from 'vitest';
import type { GraphQLContext } from '../../src/graphql/context.js';
import { Meeting } from '../../src/graphql/meetings/meeting.type.js';
import { MeetingPastResolver } from '../../src/graphql/past/meetingPast.resolver.js';
import { PastMeetingResolver } from '../../src/graphql/past/pastMeeting.resolver.js';
import { PastMeeting } from '../../src/graphql/past/pastMeeting.type.js';
import { UserRecordingsResolver } from '../../src/graphql/past/userRecordings.resolver.js';
import { User } from '../../src/graphql/users/user.type.js';
import { CursorCodec } from '../../src/graphql/cursor.js';

// The field resolvers check the caller themselves, whatever path led to their parent: a
// user-role caller handed someone else's meeting or user never reaches Zoom (no loader is touched).
const untouchable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('Zoom must not be called');
    },
  },
);
const ctx = {
  principal: { id: 'alice-app', zoomUserId: 'aliceId', roles: ['user'] },
  loaders: { user: untouchable, past: untouchable },
  zoom: untouchable,
  cursors: new CursorCodec([new Uint8Array(32)], 300),
} as unknown as GraphQLContext;

const bobs = Meeting.from({ id: 81234567890, host_id: 'bobId', host_email: 'bob@example.com' });
const forbidden = expect.objectContaining({ code: 'FORBIDDEN' });

describe('past-meeting fields refuse another host’s data on their own', () => {
  it('pastInstances, recordings, participants and a user’s recordings', async () => {
    await expect(new MeetingPastResolver().pastInstances(bobs, 10, ctx)).rejects.toEqual(forbidden);
    await expect(new MeetingPastResolver().recordings(bobs, ctx)).rejects.toEqual(forbidden);
    const instance = PastMeeting.from({ uuid: 'aDYlohsHRtCd4ii1uC2+hA==' }, bobs);
    await expect(new PastMeetingResolver().participants(instance, 30, null, ctx)).rejects.toEqual(forbidden);
    const bob = User.from({ id: 'bobId', email: 'bob@example.com', type: 2 });
    await expect(new UserRecordingsResolver().recordings(bob, null, null, 30, null, ctx)).rejects.toEqual(forbidden);
  });
});
