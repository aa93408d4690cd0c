import { registerEnumType } from 'type-graphql';

/** `POST /users` `action` (docs/zoom.md#user-administration). */
export enum CreateUserAction {
  CREATE = 'create',
  AUTO_CREATE = 'autoCreate',
  CUST_CREATE = 'custCreate',
  SSO_CREATE = 'ssoCreate',
}

/** `PUT /users/{userId}/status` `action`. */
export enum UserStatusAction {
  ACTIVATE = 'activate',
  DEACTIVATE = 'deactivate',
}

/** `DELETE /users/{userId}` `action`. */
export enum DeleteUserAction {
  DISASSOCIATE = 'disassociate',
  DELETE = 'delete',
}

registerEnumType(CreateUserAction, {
  name: 'CreateUserAction',
  description: 'How Zoom adds the user.',
  valuesConfig: {
    CREATE: { description: 'Zoom emails an invitation; the user is PENDING until it accepts.' },
    AUTO_CREATE: { description: 'An active user at once, for accounts with a managed domain.' },
    CUST_CREATE: { description: 'An active user without a password (API partners); it cannot sign in to Zoom.' },
    SSO_CREATE: { description: 'An active user that signs in through the account’s SSO (pre-provisioning).' },
  },
});
registerEnumType(UserStatusAction, {
  name: 'UserStatusAction',
  valuesConfig: {
    ACTIVATE: { description: 'The user may sign in again.' },
    DEACTIVATE: { description: 'Zoom removes the user’s licenses and blocks sign-in; the user stays in the account.' },
  },
});
registerEnumType(DeleteUserAction, {
  name: 'DeleteUserAction',
  valuesConfig: {
    DISASSOCIATE: { description: 'The user leaves the account and keeps a free Zoom account of its own.' },
    DELETE: { description: 'The user and its data are removed for good.' },
  },
});
