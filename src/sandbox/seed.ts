import { toZoomIso } from './clock.js';
import { pmi as newPmi, userId as newUserId } from './ids.js';
import type { ZoomUser, UserStatus } from './model/user.js';
import type { Prng } from './random.js';

const FIRST = [
  'Jill',
  'Omar',
  'Ana',
  'Kenji',
  'Priya',
  'Lars',
  'Chloe',
  'Mateo',
  'Amara',
  'Wei',
  'Noah',
  'Sofia',
  'Ivan',
  'Leila',
  'Tomas',
  'Yuki',
  'Grace',
  'Diego',
  'Fatima',
  'Ben',
];
const LAST = [
  'Chill',
  'Haddad',
  'Silva',
  'Sato',
  'Patel',
  'Berg',
  'Martin',
  'Garcia',
  'Okafor',
  'Zhang',
  'Smith',
  'Rossi',
  'Petrov',
  'Karimi',
  'Novak',
  'Tanaka',
  'Hopper',
  'Lopez',
  'Ali',
  'Cohen',
];
const DEPTS = ['Engineering', 'Sales', 'Marketing', 'Support', 'Finance', 'Operations', ''];
const JOBS = ['Engineer', 'Account Executive', 'Designer', 'Support Agent', 'Analyst', ''];
const TIMEZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Australia/Sydney',
  'America/Sao_Paulo',
];
const CLIENTS = ['5.17.11.34827(mac)', '6.0.2.33403(win)', '5.16.10.26186(android)', '6.1.0.35904(iphone)'];

export interface StatusMix {
  active: number;
  inactive: number;
  pending: number;
}

export const DEFAULT_STATUS_MIX: StatusMix = { active: 0.8, inactive: 0.15, pending: 0.05 };

export const ROLE_NAMES: Record<string, string> = { '0': 'Owner', '1': 'Admin', '2': 'Member' };

/** The roles every account has (SPEC23 `GET /roles`: ids "0", "1", "2"). */
export const BUILT_IN_ROLES = [
  { id: '0', name: 'Owner', description: 'Account owner, with full privileges', type: 'common' },
  { id: '1', name: 'Admin', description: 'Account admin', type: 'common' },
  { id: '2', name: 'Member', description: 'Account member', type: 'common' },
] as const;

/** Seeded timestamps start here so the same seed yields the same users on any day. */
const SEED_EPOCH = Date.UTC(2021, 0, 4, 9, 0, 0);

export interface UserSeedContext {
  prng: Prng;
  accountId: string;
  accountNumber: number;
  baseUrl: string;
}

export function pickStatus(prng: Prng, mix: StatusMix): UserStatus {
  const total = mix.active + mix.inactive + mix.pending;
  const r = prng.next() * total;
  if (r < mix.active) return 'active';
  return r < mix.active + mix.inactive ? 'inactive' : 'pending';
}

/** A complete user with deterministic data; `partial` wins over generated fields. */
export function buildUser(ctx: UserSeedContext, n: number, partial: Partial<ZoomUser> = {}): ZoomUser {
  const { prng } = ctx;
  const first = prng.pick(FIRST);
  const last = prng.pick(LAST);
  const id = partial.id ?? newUserId(prng);
  const pmi = partial.pmi ?? newPmi(prng);
  const status = partial.status ?? 'active';
  const roleId = partial.role_id ?? '2';
  const createdMs = SEED_EPOCH + prng.int(0, 900) * 86_400_000 + prng.int(0, 86_399) * 1000;
  const loginMs = createdMs + prng.int(1, 400) * 86_400_000;
  const user: ZoomUser = {
    id,
    first_name: first,
    last_name: last,
    display_name: `${first} ${last}`,
    email: `user${n}@example.com`,
    type: prng.next() < 0.7 ? 2 : 1,
    role_name: ROLE_NAMES[roleId] ?? 'Member',
    role_id: roleId,
    pmi,
    use_pmi: false,
    personal_meeting_url: `${ctx.baseUrl}/j/${pmi}`,
    timezone: prng.pick(TIMEZONES),
    verified: status === 'pending' ? 0 : 1,
    dept: prng.pick(DEPTS),
    created_at: toZoomIso(createdMs),
    user_created_at: toZoomIso(createdMs),
    language: 'en-US',
    status,
    account_id: ctx.accountId,
    account_number: ctx.accountNumber,
    cluster: 'us05',
    jid: `${id.toLowerCase()}@xmpp.zoom.us`,
    cms_user_id: '',
    group_ids: [],
    im_group_ids: [],
    login_types: [100],
    phone_numbers: [],
    job_title: prng.pick(JOBS),
    company: 'Example Corp',
    location: '',
    cost_center: '',
    pronouns_option: 3,
    zoom_one_type: 0,
    host_key: prng.digits(6),
  };
  if (status !== 'pending') {
    user.last_login_time = toZoomIso(loginMs);
    user.last_client_version = prng.pick(CLIENTS);
    user.pic_url = `${ctx.baseUrl}/p/${id}`;
  }
  const merged = { ...user, ...partial };
  if (partial.role_id !== undefined && partial.role_name === undefined) {
    merged.role_name = ROLE_NAMES[partial.role_id] ?? 'Member';
  }
  return merged;
}
