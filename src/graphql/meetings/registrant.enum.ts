import { registerEnumType } from 'type-graphql';

/** Zoom's registrant `status` (SPEC23 List meeting registrants). */
export enum RegistrantStatus {
  APPROVED = 'approved',
  PENDING = 'pending',
  DENIED = 'denied',
}

/** The `action` of `PUT /meetings/{meetingId}/registrants/status`. */
export enum RegistrantAction {
  APPROVE = 'approve',
  DENY = 'deny',
  CANCEL = 'cancel',
}

registerEnumType(RegistrantStatus, { name: 'RegistrantStatus', description: 'A cancelled registration lists as DENIED.' });
registerEnumType(RegistrantAction, { name: 'RegistrantAction', description: 'CANCEL withdraws an approved registration.' });
