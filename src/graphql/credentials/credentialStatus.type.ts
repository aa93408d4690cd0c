import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../dateTime.js';
import { TokenSource } from './tokenSource.enum.js';

@ObjectType({ simpleResolvers: true, description: 'A cached token: when it expires and what it may do. Never the token itself.' })
export class CachedToken {
  @Field(() => TokenSource)
  source!: TokenSource;

  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => [String])
  scopes!: string[];
}

@ObjectType({ simpleResolvers: true, description: "The gateway's cache of Zoom GET answers (ZOOM_CACHE_TTL_SECONDS)." })
export class ReadCacheStatus {
  @Field(() => Boolean, {
    description: 'Zoom GET answers are cached, each visible only to calls made with the credential that fetched it.',
  })
  enabled!: boolean;

  @Field(() => Int, {
    description: 'How long an answer is served without asking Zoom, unless a change reported to the gateway ends it sooner; 0 when off.',
  })
  ttlSeconds!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Which Zoom credentials are configured and cached. Never secrets.' })
export class CredentialStatus {
  @Field(() => Boolean, { description: 'The gateway runs against its built-in fake Zoom.' })
  sandbox!: boolean;

  @Field(() => Boolean)
  serverToServer!: boolean;

  @Field(() => Boolean)
  userOAuth!: boolean;

  @Field(() => Boolean)
  meetingSdk!: boolean;

  @Field(() => Boolean, { description: 'A Video SDK app is configured (videoSdkToken).' })
  videoSdk!: boolean;

  @Field(() => Boolean, { description: 'Legacy JWT app credentials in use (ZOOM_LEGACY_JWT=allow).' })
  legacyJwt!: boolean;

  @Field(() => TokenSource, {
    nullable: true,
    description: "The source this caller's own calls would use (S2S, USER or LEGACY); null when none can serve them.",
  })
  selectedSource!: TokenSource | null;

  @Field(() => Boolean, { description: "This caller's Zoom user has authorized the user OAuth app." })
  userAuthorized!: boolean;

  @Field(() => String, { nullable: true, description: 'Where this caller authorizes the user OAuth app; null when user OAuth is off.' })
  installUrl!: string | null;

  @Field(() => [CachedToken], { description: "Unexpired cached tokens that serve this caller's calls." })
  cached!: CachedToken[];

  @Field(() => ReadCacheStatus)
  readCache!: ReadCacheStatus;
}
