import type { FakeContext, FakeRequest } from '../context.js';
import type { Principal } from './auth.js';

/** What a REST handler sees: the fake, the authenticated caller and the request. */
export interface RestContext {
  ctx: FakeContext;
  req: FakeRequest;
  principal: Principal;
}

export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
