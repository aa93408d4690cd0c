import type { IncomingHttpHeaders } from 'node:http';

/** What a request presented: `Authorization: Bearer …` first, then `x-api-key`. */
export function presentedCredential(headers: IncomingHttpHeaders, allowApiKeyHeader: boolean): string | undefined {
  const auth = headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m?.[1];
  }
  const key = headers['x-api-key'];
  if (!allowApiKeyHeader || key === undefined) return undefined;
  const value = (Array.isArray(key) ? key[0] : key)?.trim();
  return value || undefined;
}
