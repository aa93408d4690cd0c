import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../dateTime.js';
import type { ZoomUser } from '../../zoom/types.js';
import { known } from '../meetings/known.js';
import { UserStatus } from './userStatus.enum.js';
import { UserType } from './userType.enum.js';

@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: 'A Zoom user.' })
export class User {
  @Field(() => ID, { description: "Zoom's user id; for pending users (Zoom gives them no id yet) the email." })
  id!: string;

  @Field(() => ID, { nullable: true, description: "Zoom's user id; null for pending users." })
  zoomId!: string | null;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => UserType, {
    nullable: true,
    description: 'Null for a type this schema does not know (such as On-prem, 3, in older Zoom documents).',
  })
  type!: UserType | null;

  @Field(() => UserStatus, { nullable: true })
  status!: UserStatus | null;

  @Field(() => String, { nullable: true, description: 'Personal meeting ID (64-bit, so a string).' })
  pmi!: string | null;

  @Field(() => String, { nullable: true })
  timezone!: string | null;

  @Field(() => Boolean, { nullable: true })
  verified!: boolean | null;

  @Field(() => String, { nullable: true })
  dept!: string | null;

  @Field(() => String, { nullable: true })
  roleId!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;

  @Field(() => String, { nullable: true })
  picUrl!: string | null;

  @Field(() => DateTime, { nullable: true })
  /** Zoom's date-time string; the DateTime scalar checks and normalises it when selected. */
  createdAt!: string | null;

  @Field(() => DateTime, { nullable: true })
  lastLoginTime!: string | null;

  /** A plain object of User's shape (no resolver needs the class): one allocation per user. */
  static from(u: ZoomUser): User {
    return {
      id: u.id ?? u.email,
      zoomId: u.id ?? null,
      email: u.email,
      firstName: u.first_name ?? null,
      lastName: u.last_name ?? null,
      displayName: u.display_name ?? null,
      type: known(UserType, u.type),
      status: (u.status as UserStatus | undefined) ?? null,
      pmi: u.pmi !== undefined ? String(u.pmi) : null,
      timezone: u.timezone ?? null,
      verified: u.verified === undefined ? null : u.verified === 1,
      dept: u.dept || null,
      roleId: u.role_id ?? null,
      language: u.language ?? null,
      picUrl: u.pic_url ?? null,
      createdAt: u.user_created_at || u.created_at || null,
      lastLoginTime: u.last_login_time || null,
    };
  }
}
