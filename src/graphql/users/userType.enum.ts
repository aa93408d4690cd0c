import { registerEnumType } from 'type-graphql';

/** Zoom's user `type` (users API: 1, 2, 4, 99; docs/zoom.md#users). */
export enum UserType {
  BASIC = 1,
  LICENSED = 2,
  UNASSIGNED = 4,
  NONE = 99,
}

registerEnumType(UserType, {
  name: 'UserType',
  description: "A Zoom user's plan type.",
  valuesConfig: {
    BASIC: { description: 'Basic (1).' },
    LICENSED: { description: 'Licensed (2).' },
    UNASSIGNED: { description: 'Unassigned without Meetings Basic (4).' },
    NONE: { description: 'None (99): only for users created with ssoCreate; Zoom no longer sets it.' },
  },
});
