import type { FakeContext, FakeRequest } from '../context.js';
import { zoomError } from '../errors.js';
import type { Reply } from '../http.js';
import { bearerOf } from '../rest/auth.js';

const TYPES: Record<string, string> = {
  MP4: 'video/mp4',
  M4A: 'audio/mp4',
  VTT: 'text/vtt',
  TXT: 'text/plain',
  JSON: 'application/json',
  CSV: 'text/csv',
};

/**
 * `GET /rec/download/{key}`: a cloud recording file. The fake treats every recording as private:
 * it wants an access token that may read it (the account's, or the host's own user token), sent
 * as `Authorization: Bearer` or, unlike the REST API, as `?access_token=` (SPEC23 `download_url`;
 * devforum 1844). The body stands in for the file.
 */
export function handleDownload(ctx: FakeContext, req: FakeRequest): Reply {
  const key = req.path.slice('/rec/download/'.length);
  const url = `${ctx.state.baseUrl}/rec/download/${key}`;
  const instance = ctx.state.pastMeetings.find((p) => p.recording?.files.some((f) => f.download_url === url));
  const file = instance?.recording?.files.find((f) => f.download_url === url);
  if (!instance || !file) return zoomError(404, 3301, 'There is no recording for this meeting.');
  const token = req.query.access_token ?? bearerOf(req);
  const record = token === undefined ? undefined : ctx.state.accessTokens.get(token);
  const grant = record?.grantId ? ctx.state.grants.get(record.grantId) : undefined;
  const live = record !== undefined && !record.revoked && !grant?.revoked && record.expiresAt > ctx.clock.now();
  const mayRead = live && (record.kind === 's2s' ? record.accountId === ctx.state.accountId : record.userId === instance.host_id);
  if (!mayRead) return zoomError(401, 124, 'Invalid access token.');
  return {
    status: 200,
    text: `fake ${file.file_type} recording of ${instance.uuid}`,
    contentType: TYPES[file.file_extension] ?? 'application/octet-stream',
  };
}
