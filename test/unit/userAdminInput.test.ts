import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/zoom/events.js';
import { AutoRecording } from '../../src/graphql/meetings/meetingSettings.enum.js';
import { CreateUserAction } from '../../src/graphql/users/userAdmin.enum.js';
import { toCreateUserBody, toTransfer, toUpdateUserBody } from '../../src/graphql/users/userAdminBody.js';
import { AudioType } from '../../src/graphql/users/userSettings.type.js';
import { toSettingsBody } from '../../src/graphql/users/userSettingsBody.js';
import { UserType } from '../../src/graphql/users/userType.enum.js';

const badInput = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err as { code: string; extensions: Record<string, unknown> };
  }
  throw new Error('expected BAD_USER_INPUT');
};

describe('user administration input → Zoom bodies, checked before any call', () => {
  it('settings: only the fields given (explicit nulls left out), in Zoom’s names and values', () => {
    expect(
      toSettingsBody({
        scheduleMeeting: { joinBeforeHost: false, audioType: AudioType.THIRD_PARTY, hostVideo: null },
        recording: { autoRecording: AutoRecording.NONE },
      }),
    ).toEqual({
      schedule_meeting: { join_before_host: false, audio_type: 'thirdParty' },
      recording: { auto_recording: 'none' },
    });
    expect(toSettingsBody({ inMeeting: { e2eEncryption: true, coHost: false } })).toEqual({
      in_meeting: { e2e_encryption: true, co_host: false },
    });
    for (const empty of [{}, { inMeeting: {} }, { inMeeting: { chat: null }, recording: null }]) {
      expect(badInput(() => toSettingsBody(empty))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: ['input'] } });
    }
  });

  it('create: CREATE by default; every bad field named at once', () => {
    expect(toCreateUserBody({ email: 'a@example.com', type: UserType.LICENSED, displayName: 'A' })).toEqual({
      action: 'create',
      user_info: { email: 'a@example.com', type: 2, display_name: 'A' },
    });
    expect(toCreateUserBody({ email: 'a@example.com', type: UserType.BASIC, action: CreateUserAction.SSO_CREATE }).action).toBe(
      'ssoCreate',
    );
    const err = badInput(() =>
      toCreateUserBody({
        email: `${'x'.repeat(120)}@example.com`,
        type: UserType.BASIC,
        firstName: 'f'.repeat(65),
        lastName: 'l'.repeat(65),
      }),
    );
    expect(err.extensions.fields).toEqual(['input.email', 'input.firstName', 'input.lastName']);
  });

  it('update: changed fields only; nothing to change, a bad zone or language is bad input', () => {
    expect(toUpdateUserBody({ jobTitle: 'CTO', language: 'pt-BR', type: UserType.UNASSIGNED })).toEqual({
      job_title: 'CTO',
      language: 'pt-BR',
      type: 4,
    });
    expect(badInput(() => toUpdateUserBody({ firstName: null })).extensions.fields).toEqual(['input']);
    expect(badInput(() => toUpdateUserBody({ timezone: 'Nowhere/City', language: 'english!' })).extensions.fields).toEqual([
      'input.timezone',
      'input.language',
    ]);
  });

  it('transfer: everything by default, an address required', () => {
    expect(toTransfer({ toEmail: 'b@example.com', recordings: false })).toEqual({
      email: 'b@example.com',
      meetings: true,
      webinars: true,
      recordings: false,
      whiteboards: true,
    });
    expect(badInput(() => toTransfer({ toEmail: 'b@example.com&transfer_meeting=false' })).code).toBe('BAD_USER_INPUT');
  });
});

describe('user.settings_updated webhook', () => {
  it('is a user event that leaves the user in the account, with its time', () => {
    const body = JSON.stringify({
      event: 'user.settings_updated',
      event_ts: 1_700_000_000_000,
      payload: { account_id: 'a', object: { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: 'x@example.com', settings: {} } },
    });
    const parsed = parseEvent(Buffer.from(body));
    expect(parsed).toMatchObject({
      ok: true,
      label: 'user.settings_updated',
      event: {
        type: 'user',
        event: 'user.settings_updated',
        userId: 'KDcuGIm1QgePTO8WbOqwIQ',
        email: 'x@example.com',
        gone: false,
        eventTs: 1_700_000_000_000,
      },
    });
  });
});
