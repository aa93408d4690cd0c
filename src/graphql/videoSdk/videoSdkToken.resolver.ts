import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { assertOwnIdentity } from '../../auth/policy.js';
import { isAdmin } from '../../auth/principal.js';
import { forbidden, GatewayError } from '../../errors.js';
import { checkVideoSdkTokenRequest } from '../../tokens/videoSdkToken.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { VideoSdkRole } from './videoSdkRole.enum.js';
import { VideoSdkToken } from './videoSdkToken.type.js';

@Resolver(() => VideoSdkToken)
export class VideoSdkTokenResolver {
  @Mutation(() => VideoSdkToken, {
    nullable: true,
    description:
      'Signs a Video SDK JWT for one session. HOST only for admins; a user-role caller may name only itself as userIdentity. ' +
      'sessionName ≤ 200 characters, userIdentity ≤ 35, sessionKey ≤ 36, expiresIn 1800–172800 s (default 7200). ' +
      failsWith(
        {
          BAD_USER_INPUT: 'when an argument is empty, too long or out of bounds',
          FORBIDDEN:
            'for HOST without the admin role, another caller as userIdentity, or no Video SDK app configured (reason VIDEO_SDK_NOT_CONFIGURED)',
        },
        { zoom: false },
      ),
  })
  async videoSdkToken(
    @Arg('sessionName', () => String) sessionName: string,
    @Arg('role', () => VideoSdkRole, { nullable: true, defaultValue: VideoSdkRole.PARTICIPANT }) roleArg: VideoSdkRole | null,
    @Arg('userIdentity', () => String, { nullable: true }) userIdentity: string | null,
    @Arg('sessionKey', () => String, { nullable: true }) sessionKey: string | null,
    @Arg('expiresIn', () => Int, { nullable: true, description: 'Lifetime in seconds (exp − iat; iat is 30 s before signing).' })
    expiresIn: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<VideoSdkToken> {
    const role = roleArg ?? VideoSdkRole.PARTICIPANT;
    const request = { sessionName, role, userIdentity, sessionKey, expiresInSeconds: expiresIn };
    checkVideoSdkTokenRequest(request);
    const { videoSdk } = ctx;
    if (!videoSdk) {
      throw new GatewayError('FORBIDDEN', 'Video SDK tokens are not enabled: set ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET.', {
        reason: 'VIDEO_SDK_NOT_CONFIGURED',
      });
    }
    // Zoom knows no owner of a session: whoever holds a host token runs it (ends it, removes
    // people). So the gateway's admins (the backends that set sessions up) hand out HOST.
    if (role === VideoSdkRole.HOST && !isAdmin(ctx.principal))
      throw forbidden('Signing a Video SDK token as HOST requires the admin role.');
    if (userIdentity != null) assertOwnIdentity(ctx.principal, userIdentity, 'userIdentity');
    const signed = await videoSdk.sign(request);
    return Object.assign(new VideoSdkToken(), { token: signed.token, expiresAt: new Date(signed.expiresAt) });
  }
}
