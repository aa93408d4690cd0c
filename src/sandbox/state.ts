import type { FakeClock } from './clock.js';
import { buildMeeting, type MeetingBuildContext } from './meetingFactory.js';
import { MeetingQuota } from './meetingQuota.js';
import type { ZoomMeeting } from './model/meeting.js';
import type { ZoomPanelist } from './model/panelist.js';
import { kindOfType, MEETINGS, WEBINARS, type SessionKind } from './sessionKind.js';
import type { ZoomRegistrant } from './model/registrant.js';
import type { PastInstance } from './model/past.js';
import type { AccessTokenRecord, AuthCodeRecord, OAuthGrant, PageCursor, RefreshTokenRecord, ZakRecord } from './model/tokens.js';
import type { ZoomUser } from './model/user.js';
import type { ZoomRole } from './model/role.js';
import { defaultUserSettings, type ZoomUserSettings } from './model/userSettings.js';
import { buildPastInstance, guestName, type ParticipantSpec } from './past/build.js';
import { createGrant, issueAccessToken, issueGrantTokens, S2S_SCOPES, type TokenStores } from './oauth/issue.js';
import { Prng } from './random.js';
import type { MeetingPatch } from './rest/meetingValidation.js';
import { BUILT_IN_ROLES, buildUser, DEFAULT_STATUS_MIX, pickStatus, type StatusMix } from './seed.js';

export interface StateInit {
  accountId: string;
  clock: FakeClock;
  baseUrl: string;
  seed: number;
  tokenTtlSeconds: number;
  /** Client used by the `issue*Token` test seams when none is given. */
  defaultClients: { s2s?: string; oauth?: string };
}

/**
 * Everything the fake knows: users, meetings, tokens, grants, ZAKs. Public so tests can set up
 * and assert directly; the arrays may be edited in place (lookups scan them, no stale indexes).
 */
export class FakeZoomState implements TokenStores {
  readonly accountId: string;
  readonly accountNumber: number;
  readonly clock: FakeClock;
  readonly tokenTtlSeconds: number;
  readonly prng: Prng;
  /** Past meetings draw from their own sequence, so adding them never changes the other seeded data. */
  private readonly pastPrng: Prng;
  baseUrl: string;
  readonly users: ZoomUser[] = [];
  readonly meetings: ZoomMeeting[] = [];
  /** Webinars: the meetings' shape with types 5, 6, 9; numbers never shared with a meeting. */
  readonly webinars: ZoomMeeting[] = [];
  /** Webinar panelists, by webinar number. */
  readonly panelists: ZoomPanelist[] = [];
  /** Users whose account lacks the Webinar plan: Zoom refuses their webinar routes (400, code 200). */
  readonly withoutWebinarPlan = new Set<string>();
  readonly registrants: ZoomRegistrant[] = [];
  /** Ended meeting instances with their participants and cloud recordings, oldest first. */
  readonly pastMeetings: PastInstance[] = [];
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly grants = new Map<string, OAuthGrant>();
  readonly authCodes = new Map<string, AuthCodeRecord>();
  readonly zaks = new Map<string, ZakRecord>();
  readonly pageTokens = new Map<string, PageCursor>();
  /** Roles of the account: the built-in owner, admin and member, then custom ones. */
  readonly roles: ZoomRole[] = BUILT_IN_ROLES.map((r) => ({ ...r }));
  /** Settings by user id; a user without an entry has Zoom's defaults. */
  readonly userSettings = new Map<string, ZoomUserSettings>();
  readonly meetingQuota: MeetingQuota;
  /** Invitations (`POST /users` with `create`) today, counted under the account id; the limit is the plan's. */
  readonly inviteQuota: MeetingQuota;
  private readonly defaultClients: StateInit['defaultClients'];
  private nextUserNumber = 1;

  constructor(init: StateInit) {
    this.accountId = init.accountId;
    this.clock = init.clock;
    this.baseUrl = init.baseUrl;
    this.tokenTtlSeconds = init.tokenTtlSeconds;
    this.prng = new Prng(init.seed);
    this.pastPrng = new Prng(init.seed ^ 0x5eed9a57);
    this.accountNumber = this.prng.int(10_000_000, 99_999_999);
    this.meetingQuota = new MeetingQuota(init.clock);
    this.inviteQuota = new MeetingQuota(init.clock, Infinity);
    this.defaultClients = init.defaultClients;
  }

  /** The account owner (role_id "0"): the user an S2S token's `me` stands for. */
  get owner(): ZoomUser {
    const owner = this.users.find((u) => u.role_id === '0');
    if (!owner) throw new Error('the fake account has no owner');
    return owner;
  }

  /** By id or email (case-insensitive). */
  findUser(idOrEmail: string): ZoomUser | undefined {
    const lower = idOrEmail.toLowerCase();
    return this.users.find((u) => u.id === idOrEmail || u.email.toLowerCase() === lower);
  }

  requireUser(idOrEmail: string): ZoomUser {
    const user = this.findUser(idOrEmail);
    if (!user) throw new Error(`no such fake user: ${idOrEmail}`);
    return user;
  }

  /** The user's settings, created with the defaults on first use. */
  settingsOf(user: ZoomUser): ZoomUserSettings {
    let settings = this.userSettings.get(user.id);
    if (!settings) {
      settings = defaultUserSettings();
      this.userSettings.set(user.id, settings);
    }
    return settings;
  }

  findRole(id: string): ZoomRole | undefined {
    return this.roles.find((r) => r.id === id);
  }

  /** By numeric id (number or digit string) or exact UUID. */
  findMeeting(idOrUuid: number | string, kind: SessionKind = MEETINGS): ZoomMeeting | undefined {
    const all = this[kind.collection];
    if (typeof idOrUuid === 'number' || /^\d+$/.test(idOrUuid)) {
      const id = Number(idOrUuid);
      return all.find((m) => m.id === id);
    }
    return all.find((m) => m.uuid === idOrUuid);
  }

  findWebinar(idOrUuid: number | string): ZoomMeeting | undefined {
    return this.findMeeting(idOrUuid, WEBINARS);
  }

  addUser(partial: Partial<ZoomUser> = {}): ZoomUser {
    const user = buildUser(this.seedContext(), this.nextUserNumber++, partial);
    this.users.push(user);
    return user;
  }

  /** Adds `n` members (role "2") with a status mix; default ~80% active, 15% inactive, 5% pending. */
  seedUsers(n: number, options: { statusMix?: StatusMix } = {}): ZoomUser[] {
    const mix = options.statusMix ?? DEFAULT_STATUS_MIX;
    const out: ZoomUser[] = [];
    for (let i = 0; i < n; i++) out.push(this.addUser({ status: pickStatus(this.prng, mix) }));
    return out;
  }

  /** Adds a meeting; `partial` may set any field, including an awkward `uuid` (`/…`, `…//…`). */
  addMeeting(
    hostIdOrEmail: string,
    partial: Partial<ZoomMeeting> = {},
    patch: MeetingPatch = {},
    kind: SessionKind = MEETINGS,
  ): ZoomMeeting {
    const meeting = buildMeeting(this.meetingContext(), this.requireUser(hostIdOrEmail), patch, partial, kind);
    this[kind.collection].push(meeting);
    return meeting;
  }

  /** Adds a webinar (type 5 unless `patch.type` says 6 or 9). */
  addWebinar(hostIdOrEmail: string, partial: Partial<ZoomMeeting> = {}, patch: MeetingPatch = {}): ZoomMeeting {
    return this.addMeeting(hostIdOrEmail, partial, patch, WEBINARS);
  }

  /** Adds a panelist to a webinar; an email already a panelist keeps its entry. */
  addPanelist(webinar: ZoomMeeting, who: { email: string; name: string }): ZoomPanelist {
    const existing = this.panelists.find((p) => p.webinar_id === webinar.id && p.email.toLowerCase() === who.email.toLowerCase());
    if (existing) return existing;
    const panelist: ZoomPanelist = {
      webinar_id: webinar.id,
      id: this.prng.bytes(16).toString('base64url'),
      email: who.email,
      name: who.name,
      join_url: `${this.baseUrl}/w/${webinar.id}?tk=${this.prng.bytes(32).toString('base64url')}`,
    };
    this.panelists.push(panelist);
    return panelist;
  }

  /** `n` scheduled meetings starting on consecutive days from tomorrow. */
  seedMeetings(hostIdOrEmail: string, n: number): ZoomMeeting[] {
    const out: ZoomMeeting[] = [];
    const day = Math.floor(this.clock.now() / 86_400_000) + 1;
    for (let i = 0; i < n; i++) {
      const wallMs = (day + i) * 86_400_000 + this.prng.int(8, 17) * 3_600_000;
      const patch: MeetingPatch = { topic: `Seeded meeting ${i + 1}`, start: { wallMs, isUtc: true }, duration: 30 };
      out.push(this.addMeeting(hostIdOrEmail, {}, patch));
    }
    return out;
  }

  removeMeeting(meeting: ZoomMeeting): void {
    const all = this[kindOfType(meeting.type).collection];
    const i = all.indexOf(meeting);
    if (i !== -1) all.splice(i, 1);
    for (let p = this.panelists.length - 1; p >= 0; p--) if (this.panelists[p]!.webinar_id === meeting.id) this.panelists.splice(p, 1);
    for (let r = this.registrants.length - 1; r >= 0; r--)
      if (this.registrants[r]!.meeting_id === meeting.id) this.registrants.splice(r, 1);
  }

  /**
   * A meeting was held and ended: its instance, who joined (the host always; `participants`
   * account users by id or email, or guests by name; a number adds that many guests) and, with
   * `recording`, its cloud recording. Default: an hour-long instance that started a day ago.
   */
  addPastInstance(
    meetingIdOrUuid: number | string,
    options: {
      uuid?: string;
      startTime?: string;
      durationMinutes?: number;
      participants?: number | Array<string | { name: string; email?: string }>;
      recording?: boolean;
    } = {},
  ): PastInstance {
    const meeting = this.findMeeting(meetingIdOrUuid) ?? this.findWebinar(meetingIdOrUuid);
    if (!meeting) throw new Error(`no such fake meeting or webinar: ${meetingIdOrUuid}`);
    const startMs = options.startTime === undefined ? this.clock.now() - 86_400_000 : Date.parse(options.startTime);
    if (!Number.isFinite(startMs)) throw new Error(`startTime is not a date-time: ${options.startTime}`);
    const durationMinutes = options.durationMinutes ?? 60;
    if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > 24 * 60)
      throw new Error('durationMinutes must be 1–1440');
    const given = options.participants ?? 2;
    const participants: ParticipantSpec[] =
      typeof given === 'number'
        ? Array.from({ length: given }, () => ({ name: guestName(this.pastPrng) }))
        : given.map((p) => (typeof p === 'string' ? { user: this.requireUser(p) } : p));
    const instance = buildPastInstance({ prng: this.pastPrng, baseUrl: this.baseUrl }, meeting, this.requireUser(meeting.host_id), {
      ...(options.uuid ? { uuid: options.uuid } : {}),
      startMs,
      durationMinutes,
      participants,
      recording: options.recording ?? false,
    });
    this.pastMeetings.push(instance);
    this.pastMeetings.sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
    return instance;
  }

  /** An ended instance by UUID, or the latest one of a meeting number. */
  findPastInstance(idOrUuid: string): PastInstance | undefined {
    if (/^\d+$/.test(idOrUuid)) return this.pastMeetings.findLast((p) => p.meeting_id === Number(idOrUuid));
    return this.pastMeetings.find((p) => p.uuid === idOrUuid);
  }

  /**
   * Test seam: a user OAuth grant without going through /oauth/authorize. Like a real new
   * authorization it ends the user's earlier grant for the same client (OAuth error 4741).
   */
  issueUserToken(
    userIdOrEmail: string,
    clientId = this.defaultClients.oauth ?? 'sandbox-oauth-client',
  ): { accessToken: string; refreshToken: string } {
    const grant = createGrant(this, clientId, this.requireUser(userIdOrEmail).id);
    const { access, refresh } = issueGrantTokens(this, grant);
    return { accessToken: access.token, refreshToken: refresh.token };
  }

  /** Test seam: an S2S access token without a call to /oauth/token. */
  issueS2SToken(clientId = this.defaultClients.s2s ?? 'sandbox-s2s-client'): string {
    return issueAccessToken(this, { kind: 's2s', clientId, scopes: S2S_SCOPES }).token;
  }

  /** Whether a ZAK would still start a meeting: issued, unexpired, not signed out. */
  isZakValid(token: string): boolean {
    const zak = this.zaks.get(token);
    return zak !== undefined && !zak.invalidated && zak.expiresAt > this.clock.now();
  }

  private seedContext() {
    return { prng: this.prng, accountId: this.accountId, accountNumber: this.accountNumber, baseUrl: this.baseUrl };
  }

  private meetingContext(): MeetingBuildContext {
    return {
      prng: this.prng,
      clock: this.clock,
      baseUrl: this.baseUrl,
      idTaken: (id) => this.meetings.some((m) => m.id === id) || this.webinars.some((m) => m.id === id),
    };
  }
}
