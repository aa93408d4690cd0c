import { registerEnumType } from 'type-graphql';

export enum UserStatus {
  ACTIVE = 'active',
  INACTIVE = 'inactive',
  PENDING = 'pending',
}

registerEnumType(UserStatus, { name: 'UserStatus', description: "A Zoom user's account status." });
