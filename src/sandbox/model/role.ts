/**
 * A role of the account (SPEC23 `GET /roles`). Members are the users whose `role_id` is the
 * role's id, so a user has one role, as in Zoom. NOTE: ids "0" owner, "1" admin, "2" member;
 * custom roles have ids like user ids.
 */
export interface ZoomRole {
  id: string;
  name: string;
  description: string;
  type: 'common' | 'iq';
}
