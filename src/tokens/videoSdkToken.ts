import { SignJWT } from 'jose';
import type { Clock } from '../clock.js';
import { badUserInput } from '../errors.js';

/*
 * Video SDK JWT bounds, as Zoom documents them (developers.zoom.us/docs/video-sdk/auth/, "Payload";
 * zoom/videosdk-auth-endpoint-sample src/index.js validates the same):
 * - `tpc`, the session name: required, at most 200 characters of letters, digits, spaces and
 *   ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ , \ ; Zoom lowercases it.
 * - `role_type`: 1 = host (or co-host), 0 = participant; a number.
 * - `exp`: at least 1800 s and at most 48 h after `iat`; the sample defaults to 2 h.
 * - `user_identity`: at most 35 characters (the sample; the docs now call it `user_key`, ≤ 36).
 * - `session_key`: at most 36 characters.
 * - `version`: 1.
 */
export const VIDEO_SDK_MIN_SECONDS = 1800;
export const VIDEO_SDK_MAX_SECONDS = 172_800;
export const VIDEO_SDK_DEFAULT_SECONDS = 7200;
export const SESSION_NAME_MAX = 200;
export const USER_IDENTITY_MAX = 35;
export const SESSION_KEY_MAX = 36;
/** `iat` this far in the past, so a Zoom clock slightly behind ours does not reject a new JWT (as for Meeting SDK JWTs). */
const IAT_BACKDATE_SECONDS = 30;
const SESSION_NAME = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,\\]+$/;
/** Printable ASCII: the claims are identifiers, and a control character is never meant. */
const PRINTABLE = /^[\x20-\x7e]+$/;

export interface VideoSdkApp {
  key: string;
  secret: string;
}

export interface VideoSdkTokenRequest {
  sessionName: string;
  /** 0 = participant, 1 = host. */
  role: number;
  userIdentity?: string | null;
  sessionKey?: string | null;
  expiresInSeconds?: number | null;
}

export interface SignedVideoSdkToken {
  token: string;
  /** ms epoch */
  issuedAt: number;
  /** ms epoch */
  expiresAt: number;
}

interface CheckedRequest {
  sessionName: string;
  role: 0 | 1;
  userIdentity: string | undefined;
  sessionKey: string | undefined;
  expiresIn: number;
}

/** Checks a token request against Zoom's bounds; throws BAD_USER_INPUT naming the argument. Pure, no I/O. */
export function checkVideoSdkTokenRequest(req: VideoSdkTokenRequest): CheckedRequest {
  const { sessionName } = req;
  if (sessionName.length === 0 || sessionName.length > SESSION_NAME_MAX || sessionName.trim() === '') {
    throw badUserInput(`sessionName must be 1 to ${SESSION_NAME_MAX} characters, not only spaces.`, 'sessionName');
  }
  if (!SESSION_NAME.test(sessionName)) {
    throw badUserInput(
      'sessionName may hold letters, digits, spaces and the symbols ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ , \\ only.',
      'sessionName',
    );
  }
  if (req.role !== 0 && req.role !== 1) throw badUserInput('role must be PARTICIPANT (0) or HOST (1).', 'role');
  const userIdentity = optionalText(req.userIdentity, 'userIdentity', USER_IDENTITY_MAX);
  const sessionKey = optionalText(req.sessionKey, 'sessionKey', SESSION_KEY_MAX);
  const expiresIn = req.expiresInSeconds ?? VIDEO_SDK_DEFAULT_SECONDS;
  if (!Number.isInteger(expiresIn) || expiresIn < VIDEO_SDK_MIN_SECONDS || expiresIn > VIDEO_SDK_MAX_SECONDS) {
    throw badUserInput(
      `expiresIn must be from ${VIDEO_SDK_MIN_SECONDS} to ${VIDEO_SDK_MAX_SECONDS} seconds (30 minutes to 48 hours), got ${expiresIn}.`,
      'expiresIn',
    );
  }
  return { sessionName, role: req.role, userIdentity, sessionKey, expiresIn };
}

function optionalText(value: string | null | undefined, argument: string, max: number): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length === 0 || value.length > max || !PRINTABLE.test(value)) {
    throw badUserInput(`${argument} must be 1 to ${max} printable ASCII characters.`, argument);
  }
  return value;
}

/** Signs Video SDK JWTs (HS256 with the Video SDK secret) with the claims Zoom's auth endpoint sample sets. */
export class VideoSdkSigner {
  private readonly secret: Uint8Array;

  constructor(
    private readonly app: VideoSdkApp,
    private readonly clock: Clock,
  ) {
    this.secret = new TextEncoder().encode(app.secret);
  }

  async sign(req: VideoSdkTokenRequest): Promise<SignedVideoSdkToken> {
    const { sessionName, role, userIdentity, sessionKey, expiresIn } = checkVideoSdkTokenRequest(req);
    const iat = Math.floor(this.clock.now() / 1000) - IAT_BACKDATE_SECONDS;
    const exp = iat + expiresIn;
    const claims = {
      app_key: this.app.key,
      tpc: sessionName,
      role_type: role,
      version: 1,
      ...(userIdentity === undefined ? {} : { user_identity: userIdentity }),
      ...(sessionKey === undefined ? {} : { session_key: sessionKey }),
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.secret);
    return { token, issuedAt: iat * 1000, expiresAt: exp * 1000 };
  }
}
