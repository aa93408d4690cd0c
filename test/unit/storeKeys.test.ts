import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backendKeys, storeKeys } from '../../src/store/keys.js';

const sha = (s: string) => createHash('sha256').update(s).digest('base64url');

// Existing stores hold data under these exact strings: a builder that changes one loses it.
describe('store keys', () => {
  it('build the credential keys stores already hold', () => {
    expect(storeKeys.s2sToken('acct', 'client', '')).toBe('s2s:acct:client');
    expect(storeKeys.s2sToken('acct', 'client', '@http://127.0.0.1:9')).toBe('s2s:acct:client@http://127.0.0.1:9');
    expect(storeKeys.legacyToken('key')).toBe('legacy:key');
    expect(storeKeys.userGrant('client', 'u1', '@http://127.0.0.1:9')).toBe('user:client:u1@http://127.0.0.1:9');
    expect(storeKeys.userLink('p1')).toBe('link:p1');
    expect(storeKeys.zak('u1', 7200)).toBe('zak:u1:7200');
    expect(storeKeys.zak('u1', 300, '@x')).toBe('zak:u1:300@x');
    expect(storeKeys.oauthState('s1')).toBe('oauthstate:s1');
    expect(storeKeys.persistedQuery('ab'.repeat(32))).toBe(`apq:${'ab'.repeat(32)}`);
    expect(storeKeys.pending('webhook', 'id1')).toBe('pending:webhook:id1');
    expect(storeKeys.webhookRecovery('id1', 2)).toBe('webhook:recover:id1:2');
  });

  it('hash what may be personal, as before', () => {
    expect(storeKeys.webhookDelivery('event', '["meeting.created",1]')).toBe(`webhook:event:${sha('["meeting.created",1]')}`);
    expect(storeKeys.webhookDelivery('request', 'r1')).toBe(`webhook:request:${sha('r1')}`);
    expect(storeKeys.zoomRead('s2s:a:c', 'GET', 'http://z/v2/users', 'v1')).toBe(`zread:${sha('s2s:a:c\nGET http://z/v2/users\nv1')}`);
    expect(storeKeys.zoomReadVersion('user:a@b.c')).toBe(`zreadver:${sha('user:a@b.c').slice(0, 32)}`);
  });

  it('build the backend keys and connection names', () => {
    expect(backendKeys.lock('zgg', 's2s:a:c')).toBe('zgg:lock:s2s:a:c');
    expect(backendKeys.claim('zgg', 'webhook:event:x')).toBe('zgg:claim:webhook:event:x');
    expect(backendKeys.claimPattern('zgg')).toBe('zgg:claim:%');
    expect(backendKeys.pending('zgg', 'webhook')).toBe('zgg:pending:webhook');
    expect(backendKeys.pacerSlot(backendKeys.pacer('zgg', 'acct'), 'medium')).toBe('zgg:pace:acct:medium');
    expect(backendKeys.redisClientName('zgg')).toBe('zgg:zgg');
    expect(backendKeys.redisPacerClientName('zgg')).toBe('zgg:zgg:pacer');
  });
});
