import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { CachedToken, CredentialStatus, ReadCacheStatus } from './credentialStatus.type.js';
import { tokenSource } from './tokenSource.enum.js';

@Resolver(() => CredentialStatus)
export class CredentialsResolver {
  @Query(() => CredentialStatus, { nullable: true, description: 'What is configured and cached for this caller; never secrets.' })
  async credentials(@Ctx() ctx: GraphQLContext): Promise<CredentialStatus> {
    const { config, tokens, tokenCache: cache, clock } = ctx;
    const { selected, credentials, userAuthorized } = await tokens.describe(ctx.principal);
    const records = await Promise.all(credentials.map(async ({ source, key }) => ({ source, record: await cache.peek(key) })));
    const cached = records.flatMap(({ source, record }) =>
      record && record.expiresAt > clock.now()
        ? [Object.assign(new CachedToken(), { source: tokenSource(source), expiresAt: new Date(record.expiresAt), scopes: record.scopes })]
        : [],
    );
    return Object.assign(new CredentialStatus(), {
      sandbox: config.sandbox,
      serverToServer: config.s2s !== null,
      userOAuth: config.userOAuth !== null,
      meetingSdk: config.sdk !== null,
      videoSdk: config.videoSdk !== null,
      legacyJwt: config.legacyJwt !== null,
      selectedSource: selected && tokenSource(selected),
      userAuthorized,
      installUrl: config.userOAuth ? (tokens.installUrl() ?? null) : null,
      cached,
      readCache: Object.assign(new ReadCacheStatus(), {
        enabled: config.zoom.cacheTtlSeconds > 0,
        ttlSeconds: config.zoom.cacheTtlSeconds,
      }),
    });
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      "Revokes the caller's own user OAuth authorization at Zoom and forgets its tokens; false when there was none. " +
      failsWith(
        {
          ZOOM_UNAVAILABLE: "when Zoom's revoke endpoint cannot be reached (nothing is forgotten; retry)",
          STORE_UNAVAILABLE: 'when the grant cannot be read or removed',
        },
        { zoom: false },
      ),
  })
  async revokeZoomAuthorization(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.tokens.revokeOwnAuthorization(ctx.principal);
  }
}
