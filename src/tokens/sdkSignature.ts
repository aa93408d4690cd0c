import { SignJWT } from 'jose';
import { badUserInput } from '../errors.js';
import type { Clock } from '../clock.js';

/** NOTE: Zoom accepts Meeting SDK JWTs living 1800–172800 s; the sample defaults to 2 h (docs/zoom.md#sdk-jwts-and-the-legacy-jwt-app). */
export const SDK_SIGNATURE_MIN_SECONDS = 1800;
export const SDK_SIGNATURE_MAX_SECONDS = 172_800;
export const SDK_SIGNATURE_DEFAULT_SECONDS = 7200;
/** `iat` this far in the past, so a Zoom clock slightly behind ours does not reject a new JWT. */
const IAT_BACKDATE_SECONDS = 30;
const MEETING_NUMBER = /^\d{9,11}$/;

export interface SdkApp {
  key: string;
  secret: string;
}

export interface SdkSignatureRequest {
  meetingNumber: string;
  /** 0 = join as participant, 1 = start as host. */
  role: number;
  expiresInSeconds?: number | null;
}

export interface SignedSdkSignature {
  signature: string;
  sdkKey: string;
  meetingNumber: string;
  role: 0 | 1;
  /** ms epoch */
  issuedAt: number;
  /** ms epoch */
  expiresAt: number;
}

/** Checks a signature request; throws BAD_USER_INPUT naming the argument. Pure, no I/O. */
export function checkSdkSignatureRequest(req: SdkSignatureRequest): { role: 0 | 1; expiresIn: number } {
  if (!MEETING_NUMBER.test(req.meetingNumber)) {
    throw badUserInput('meetingNumber must be a Zoom meeting number of 9 to 11 digits.', 'meetingNumber');
  }
  if (req.role !== 0 && req.role !== 1) throw badUserInput('role must be 0 (participant) or 1 (host).', 'role');
  const expiresIn = req.expiresInSeconds ?? SDK_SIGNATURE_DEFAULT_SECONDS;
  if (!Number.isInteger(expiresIn) || expiresIn < SDK_SIGNATURE_MIN_SECONDS || expiresIn > SDK_SIGNATURE_MAX_SECONDS) {
    throw badUserInput(
      `expiresInSeconds must be from ${SDK_SIGNATURE_MIN_SECONDS} to ${SDK_SIGNATURE_MAX_SECONDS} (30 minutes to 48 hours), got ${expiresIn}.`,
      'expiresInSeconds',
    );
  }
  return { role: req.role, expiresIn };
}

/** Signs Meeting SDK JWTs (HS256 with the SDK secret) as Zoom's auth endpoint sample does. */
export class SdkSigner {
  private readonly secret: Uint8Array;

  constructor(
    private readonly app: SdkApp,
    private readonly clock: Clock,
  ) {
    this.secret = new TextEncoder().encode(app.secret);
  }

  get sdkKey(): string {
    return this.app.key;
  }

  async sign(req: SdkSignatureRequest): Promise<SignedSdkSignature> {
    const { role, expiresIn } = checkSdkSignatureRequest(req);
    const iat = Math.floor(this.clock.now() / 1000) - IAT_BACKDATE_SECONDS;
    const exp = iat + expiresIn;
    // NOTE: `appKey` and `sdkKey` both carry the SDK key; `tokenExp` repeats `exp` (docs/zoom.md#sdk-jwts-and-the-legacy-jwt-app).
    const signature = await new SignJWT({ appKey: this.app.key, sdkKey: this.app.key, mn: req.meetingNumber, role, tokenExp: exp })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.secret);
    return { signature, sdkKey: this.app.key, meetingNumber: req.meetingNumber, role, issuedAt: iat * 1000, expiresAt: exp * 1000 };
  }
}
