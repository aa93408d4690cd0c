import { describe, expect, it } from 'vitest';
import { issuerScope } from '../../src/tokens/issuer.js';

describe("issuerScope: the OAuth server in a credential's store key", () => {
  it("is empty for Zoom's own server, so keys stored before it existed still match", () => {
    expect(issuerScope('https://zoom.us')).toBe('');
    expect(issuerScope('https://zoom.us/')).toBe('');
  });

  it('names any other server by origin: a fake Zoom on another port is another credential', () => {
    expect(issuerScope('http://127.0.0.1:41234')).toBe('@http://127.0.0.1:41234');
    expect(issuerScope('http://127.0.0.1:41235/')).toBe('@http://127.0.0.1:41235');
    expect(issuerScope('https://zoomgov.com')).toBe('@https://zoomgov.com');
  });
});
