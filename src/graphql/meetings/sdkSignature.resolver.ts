import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { isAdmin } from '../../auth/principal.js';
import { GatewayError, notFound } from '../../errors.js';
import { checkSdkSignatureRequest } from '../../tokens/sdkSignature.js';
import { getMeeting } from '../../zoom/meetings.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { assertCanActOnMeeting } from './meetingAccess.js';
import { MeetingRole } from './meetingRole.enum.js';
import { SdkSignature } from './sdkSignature.type.js';

@Resolver(() => SdkSignature)
export class SdkSignatureResolver {
  @Mutation(() => SdkSignature, {
    nullable: true,
    description:
      'Signs a Meeting SDK JWT. HOST only for the meeting’s host or an admin. expiresInSeconds: 1800–172800, default 7200. ' +
      failsWith({
        BAD_USER_INPUT: 'when meetingNumber or expiresInSeconds is invalid',
        FORBIDDEN:
          'with reason MEETING_SDK_NOT_CONFIGURED when no Meeting SDK app is configured, or for HOST when a user-role caller does not host the meeting',
        NOT_FOUND: 'for HOST when Zoom has no such meeting',
      }),
  })
  async meetingSdkSignature(
    @Arg('meetingNumber', () => ID) meetingNumber: string,
    @Arg('role', () => MeetingRole) role: MeetingRole,
    @Arg('expiresInSeconds', () => Int, { nullable: true }) expiresInSeconds: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SdkSignature> {
    const request = { meetingNumber: meetingNumber.trim(), role, expiresInSeconds };
    checkSdkSignatureRequest(request);
    const { sdk } = ctx;
    if (!sdk) {
      throw new GatewayError('FORBIDDEN', 'Meeting SDK signatures are not enabled: set ZOOM_SDK_KEY and ZOOM_SDK_SECRET.', {
        reason: 'MEETING_SDK_NOT_CONFIGURED',
      });
    }
    // Joining needs no rights here (Zoom checks the passcode); starting does.
    if (role === MeetingRole.HOST && !isAdmin(ctx.principal)) {
      const meeting = await getMeeting(ctx.zoom, request.meetingNumber);
      if (!meeting) throw notFound(`Meeting ${request.meetingNumber} is not found or has expired.`);
      assertCanActOnMeeting(ctx.principal, meeting, 'Signing as host');
    }
    const signed = await sdk.sign(request);
    return Object.assign(new SdkSignature(), {
      signature: signed.signature,
      sdkKey: signed.sdkKey,
      meetingNumber: signed.meetingNumber,
      role,
      issuedAt: new Date(signed.issuedAt),
      expiresAt: new Date(signed.expiresAt),
    });
  }
}
