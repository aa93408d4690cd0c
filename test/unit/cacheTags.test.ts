import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ACCOUNT_OWNER, tags, tagsOf } from '../../src/zoom/cacheTags.js';
import { configProblems } from '../helpers/config.js';

const ENV = { ZOOM_SANDBOX: '1' };
const stale = (read: string[], bumped: string[]) => read.some((t) => bumped.includes(t));

describe('read cache tags: every answer a change affects shares a tag with it', () => {
  const id = 'KDcuGIm1QgePTO8WbOqwIQ';
  const email = 'Alice@Example.com';

  it('a meeting change with its host by id and email reaches lists named either way, and the meeting', () => {
    const bumped = tagsOf({ kind: 'meeting', meetingId: '85746065432', hostId: id, hostEmail: email });
    expect(stale(tags.meetingList(id), bumped)).toBe(true);
    expect(stale(tags.meetingList(email.toLowerCase()), bumped)).toBe(true);
    expect(stale(tags.meetingList(ACCOUNT_OWNER), bumped)).toBe(true);
    expect(stale(tags.meeting('85746065432'), bumped)).toBe(true);
    expect(stale(tags.meeting('aDYlohsHRtCd4ii1uC2+hA=='), bumped)).toBe(true); // addressed by instance UUID
    expect(stale(tags.meetingList('someone-else'), bumped)).toBe(false);
    expect(stale(tags.meeting('85746065433'), bumped)).toBe(false);
  });

  it("a meeting change (an ended meeting, say) makes its past instances, participants and recording stale, no other meeting's", () => {
    const bumped = tagsOf({ kind: 'meeting', meetingId: '85746065432' });
    expect(stale(tags.pastMeeting('85746065432'), bumped)).toBe(true);
    expect(stale(tags.recordings('85746065432'), bumped)).toBe(true);
    expect(stale(tags.pastMeeting('85746065433'), bumped)).toBe(false);
    expect(stale(tags.recordings('85746065433'), bumped)).toBe(false);
    expect(stale(tags.recordingList(id), tagsOf({ kind: 'user', userId: id }))).toBe(false);
  });

  it("a user change makes the user's settings stale, by id, by email and as the owner, and no one else's", () => {
    const bumped = tagsOf({ kind: 'user', userId: id });
    expect(stale(tags.settings(id), bumped)).toBe(true);
    expect(stale(tags.settings(email.toLowerCase()), bumped)).toBe(true);
    expect(stale(tags.settings(ACCOUNT_OWNER), bumped)).toBe(true);
    expect(stale(tags.settings('someone-else'), bumped)).toBe(false);
  });

  it("a transfer makes every cached meeting and both users' lists stale (a user named one way only stales the other way's class)", () => {
    const bumped = tagsOf({ kind: 'transfer', userId: id, toEmail: 'bob@example.com' });
    for (const m of ['85746065432', 'aDYlohsHRtCd4ii1uC2+hA==']) {
      expect(stale(tags.meeting(m), bumped)).toBe(true);
      expect(stale(tags.pastMeeting(m), bumped)).toBe(true);
      expect(stale(tags.recordings(m), bumped)).toBe(true);
    }
    expect(stale(tags.meetingList(id), bumped)).toBe(true);
    expect(stale(tags.meetingList('bob@example.com'), bumped)).toBe(true);
    expect(stale(tags.recordingList('bob@example.com'), bumped)).toBe(true);
    expect(stale(tags.user(id), bumped)).toBe(false);
  });

  it('a write addressed by instance UUID reaches answers cached by meeting number (and the reverse), not other meetings addressed its own way', () => {
    const uuid = 'aDYlohsHRtCd4ii1uC2+hA==';
    const byUuid = tagsOf({ kind: 'meeting', meetingId: uuid });
    expect(stale(tags.meeting('85746065432'), byUuid)).toBe(true);
    expect(stale(tags.registrants('85746065432'), byUuid)).toBe(true);
    expect(stale(tags.pastMeeting('85746065432'), byUuid)).toBe(true);
    expect(stale(tags.recordings('85746065432'), byUuid)).toBe(true);
    expect(stale(tags.meeting(uuid), byUuid)).toBe(true);
    expect(stale(tags.meeting('Zm9vYmFyYmF6cXV4eHg9PQ=='), byUuid)).toBe(false);
    const byNumber = tagsOf({ kind: 'meeting', meetingId: '85746065432' });
    expect(stale(tags.pastMeeting(uuid), byNumber)).toBe(true);
    expect(stale(tags.recordings(uuid), byNumber)).toBe(true);
    expect(stale(tags.pastMeeting('85746065433'), byNumber)).toBe(false);
    // A create whose answer was lost names no meeting: only the host's lists.
    expect(stale(tags.meeting('85746065432'), tagsOf({ kind: 'meeting', meetingId: '', hostId: id }))).toBe(false);
    expect(stale(tags.meetingList(id), tagsOf({ kind: 'meeting', meetingId: '', hostId: id }))).toBe(true);
  });

  it('a change that does not name the host one way makes every list named that way stale', () => {
    expect(stale(tags.meetingList(email), tagsOf({ kind: 'meeting', meetingId: '85746065432', hostId: id }))).toBe(true);
    expect(stale(tags.meetingList(id), tagsOf({ kind: 'meeting', meetingId: '85746065432', hostEmail: email }))).toBe(true);
    expect(stale(tags.meetingList(id), tagsOf({ kind: 'meeting', meetingId: '85746065432' }))).toBe(true);
  });

  it('a registrant change reaches only that meeting’s registrant lists; a meeting change reaches them too', () => {
    const bumped = tagsOf({ kind: 'registrants', meetingId: '85746065432' });
    expect(stale(tags.registrants('85746065432'), bumped)).toBe(true);
    expect(stale(tags.registrants('85746065433'), bumped)).toBe(false);
    expect(stale(tags.meeting('85746065432'), bumped)).toBe(false);
    expect(stale(tags.registrants('85746065432'), tagsOf({ kind: 'meeting', meetingId: '85746065432' }))).toBe(true);
  });

  it('a user change reaches the user by any name and every users list, and no meeting', () => {
    const bumped = tagsOf({ kind: 'user', userId: id });
    expect(stale(tags.user(id.toUpperCase()), bumped)).toBe(true);
    expect(stale(tags.user(email), bumped)).toBe(true);
    expect(stale(tags.user(ACCOUNT_OWNER), bumped)).toBe(true);
    expect(stale(tags.userLists(), bumped)).toBe(true);
    expect(stale(tags.user('other-id'), bumped)).toBe(false);
    expect(stale(tags.meetingList(id), bumped)).toBe(false);
  });
});

describe('ZOOM_CACHE_TTL_SECONDS', () => {
  it('defaults to 60 s; 0 turns the cache off; anything else is named', () => {
    expect(loadConfig(ENV).zoom.cacheTtlSeconds).toBe(60);
    expect(loadConfig({ ...ENV, ZOOM_CACHE_TTL_SECONDS: '0' }).zoom.cacheTtlSeconds).toBe(0);
    expect(configProblems({ ...ENV, ZOOM_CACHE_TTL_SECONDS: '-1' })).toEqual([
      'ZOOM_CACHE_TTL_SECONDS: expected a whole number from 0 to 86400, got "-1"',
    ]);
    expect(configProblems({ ...ENV, ZOOM_CACHE_TTL_SECONDS: '1m' })).toHaveLength(1);
  });
});
