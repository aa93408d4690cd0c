import { describe, expect, it } from 'vitest';
import { redactEchoes } from '../../src/logger.js';
import { TokenEndpointError } from '../../src/tokens/oauthClient.js';

describe('redactEchoes: what Zoom repeats from a request never stays in its text', () => {
  it.each([
    // Zoom's own texts (docs/zoom.md#server-to-server-oauth and #user-oauth) are kept as they are.
    ['Invalid Token!', 'Invalid Token!'],
    ['Invalid client_id or client_secret', 'Invalid client_id or client_secret'],
    ['unsupported grant type', 'unsupported grant type'],
    ['Invalid request : account_id is invalid', 'Invalid request : account_id is invalid'],
    ['Token cannot be empty.', 'Token cannot be empty.'],
    ['The code is expired', 'The code is expired'],
    ['Meeting 85746065432 is not found or has expired.', 'Meeting 85746065432 is not found or has expired.'],
    // Echoes: the word after code/token/secret, whatever it looks like, and long token-like runs.
    ['Invalid authorization code cfH6Qx2LmN8pRt4VwY7zAb3CdE5fGh9J', 'Invalid authorization code [redacted]'],
    ['Invalid authorization code oauth-code-93b1f0c2', 'Invalid authorization code [redacted]'],
    ['Invalid authorization code abc', 'Invalid authorization code [redacted]'],
    ['Invalid refresh_token: eyJhbGciOiJIUzUxMiJ9.eyJ2ZXIiOjd9.c2lnbmF0dXJl', 'Invalid refresh_token: [redacted]'],
    ['bad client_secret=sandbox-s2s-secret', 'bad client_secret=[redacted]'],
    ['code_verifier "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk" mismatch', 'code_verifier [redacted] mismatch'],
    ['Invalid Token! Q2xpZW50U2VjcmV0VmFsdWUxMjM0NTY3ODkw', 'Invalid Token! [redacted]'],
    ['grant 0123456789abcdef0123456789abcdef revoked', 'grant [redacted] revoked'],
    ['for aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ= only', 'for [redacted] only'],
  ])('%j → %j', (text, expected) => {
    expect(redactEchoes(text)).toBe(expected);
  });

  it('TokenEndpointError keeps only the redacted reason, in its reason, message and stack', () => {
    const code = 'Zx8pQ2rT6vW9yB3nM5kL7jH1gF4dS0aC';
    const err = new TokenEndpointError(400, 'invalid_grant', `Invalid authorization code ${code}`);
    expect(err.reason).toBe('Invalid authorization code [redacted]');
    expect(`${err.message}\n${err.stack}\n${JSON.stringify(err)}`).not.toContain(code);
  });
});
