import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ZoomMeetingRecording, ZoomRecordingFile } from '../../zoom/pastTypes.js';
import { Connection } from '../connection.js';
import { DateTime } from '../dateTime.js';

@ObjectType({ simpleResolvers: true, description: 'One file of a cloud recording.' })
export class RecordingFile {
  @Field(() => ID, { nullable: true, description: 'Null for CC and TIMELINE files, which Zoom gives no id.' })
  id!: string | null;

  @Field(() => String, { description: 'MP4, M4A, CHAT, TRANSCRIPT, CSV, CC, TIMELINE, SUMMARY, … as Zoom names it.' })
  fileType!: string;

  @Field(() => String, { nullable: true })
  fileExtension!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. shared_screen_with_speaker_view, audio_only, chat_file.' })
  recordingType!: string | null;

  @Field(() => Float, { nullable: true, description: 'Bytes (may exceed 2^31, so a Float).' })
  sizeBytes!: number | null;

  @Field(() => String, { nullable: true, description: 'Opens the file in Zoom’s web player.' })
  playUrl!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Zoom’s download URL as Zoom gave it, with no token: for a private or passcode-protected recording send `Authorization: Bearer <Zoom access token>`, or append `?access_token=<Zoom access token>`, with a Zoom token of your own that may read it (docs/security.md, "Recording downloads"). The gateway never puts a token in it.',
  })
  downloadUrl!: string | null;

  @Field(() => DateTime, { nullable: true })
  startedAt!: string | null;

  @Field(() => DateTime, { nullable: true })
  endedAt!: string | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  static from(f: ZoomRecordingFile): RecordingFile {
    return {
      id: f.id || null,
      fileType: f.file_type ?? '',
      fileExtension: f.file_extension || null,
      recordingType: f.recording_type || null,
      sizeBytes: f.file_size ?? null,
      playUrl: f.play_url || null,
      downloadUrl: f.download_url ? withoutToken(f.download_url) : null,
      startedAt: f.recording_start || null,
      endedAt: f.recording_end || null,
      status: f.status || null,
    };
  }
}

/**
 * The URL without an `access_token` parameter. Zoom's REST answers carry none, but webhook-style
 * URLs do (a download token), and a URL handed to clients must never carry a credential.
 */
function withoutToken(url: string): string {
  if (!url.includes('access_token')) return url;
  try {
    const u = new URL(url);
    u.searchParams.delete('access_token');
    return u.href;
  } catch {
    return url;
  }
}

@ObjectType({ simpleResolvers: true, description: 'The cloud recording of one meeting instance.' })
export class MeetingRecording {
  @Field(() => ID, { description: 'The meeting number.' })
  meetingId!: string;

  @Field(() => ID, { nullable: true, description: 'The recorded instance.' })
  uuid!: string | null;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => DateTime, { nullable: true })
  startTime!: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes.' })
  duration!: number | null;

  @Field(() => String, { nullable: true, description: 'Zoom’s share page for the whole recording.' })
  shareUrl!: string | null;

  @Field(() => Float, { nullable: true, description: 'Bytes, all files together.' })
  totalSizeBytes!: number | null;

  @Field(() => [RecordingFile])
  files!: RecordingFile[];

  static from(r: ZoomMeetingRecording): MeetingRecording {
    return {
      meetingId: String(r.id ?? ''),
      uuid: r.uuid || null,
      topic: r.topic ?? null,
      startTime: r.start_time || null,
      duration: r.duration ?? null,
      shareUrl: r.share_url || null,
      totalSizeBytes: r.total_size ?? null,
      files: (r.recording_files ?? []).map(RecordingFile.from),
    };
  }
}

@ObjectType({ simpleResolvers: true, description: 'A page of cloud recordings; cursors wrap Zoom next_page_token values.' })
export class MeetingRecordingConnection extends Connection('MeetingRecording', MeetingRecording) {}
