import type { TokenRecord, TokenSourceKind } from './tokenRecord.js';

/** A handle on one credential identity: how a Zoom call gets (and gives back) its token. */
export interface Credential {
  readonly source: TokenSourceKind;
  /** Store key of the credential identity; safe to log. */
  readonly key: string;
  get(): Promise<TokenRecord>;
  /** Zoom rejected this token (401/124): forget it unless a newer one already replaced it. */
  invalidate(rejected: TokenRecord): Promise<void>;
}
