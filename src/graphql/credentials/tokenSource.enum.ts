import { registerEnumType } from 'type-graphql';
import type { TokenSourceKind } from '../../tokens/tokenRecord.js';

export enum TokenSource {
  S2S = 's2s',
  USER = 'user',
  ZAK = 'zak',
  LEGACY = 'legacy',
}

/** Exhaustive: a new kind of token source does not compile until it has a GraphQL name. */
const BY_KIND: Record<TokenSourceKind, TokenSource> = {
  s2s: TokenSource.S2S,
  user: TokenSource.USER,
  zak: TokenSource.ZAK,
  legacy: TokenSource.LEGACY,
};

export const tokenSource = (kind: TokenSourceKind): TokenSource => BY_KIND[kind];

registerEnumType(TokenSource, {
  name: 'TokenSource',
  description: 'Which kind of Zoom credential a token is.',
  valuesConfig: {
    S2S: { description: "The account's Server-to-Server OAuth token." },
    USER: { description: "The caller's own user OAuth token (after /oauth/install)." },
    ZAK: { description: "A host's ZAK (startMeetingToken)." },
    LEGACY: { description: 'A legacy JWT app token (ZOOM_LEGACY_JWT=allow).' },
  },
});
