import { registerEnumType } from 'type-graphql';

/** The Video SDK JWT `role_type` claim (docs/zoom.md#sdk-jwts-and-the-legacy-jwt-app). */
export enum VideoSdkRole {
  PARTICIPANT = 0,
  HOST = 1,
}

registerEnumType(VideoSdkRole, {
  name: 'VideoSdkRole',
  description: 'PARTICIPANT joins a session (role_type 0); HOST (or co-host) runs it (role_type 1).',
});
