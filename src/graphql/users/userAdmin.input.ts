import { Field, InputType } from 'type-graphql';
import { CreateUserAction } from './userAdmin.enum.js';
import { UserType } from './userType.enum.js';

@InputType({ description: 'Body of createUser.' })
export class CreateUserInput {
  @Field(() => String, { description: 'At most 128 characters.' })
  email!: string;

  @Field(() => UserType)
  type!: UserType;

  @Field(() => String, { nullable: true, description: 'At most 64 characters.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 64 characters.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 128 characters.' })
  displayName?: string | null;

  @Field(() => CreateUserAction, { nullable: true, defaultValue: CreateUserAction.CREATE })
  action?: CreateUserAction | null;
}

@InputType({ description: 'Body of updateUser: only the fields given change; at least one is required.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'At most 64 characters.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 64 characters.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 128 characters.' })
  displayName?: string | null;

  @Field(() => UserType, { nullable: true, description: 'Admins only: a user may not change its own plan.' })
  type?: UserType | null;

  @Field(() => String, { nullable: true, description: 'At most 128 characters.' })
  dept?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 128 characters.' })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin.' })
  timezone?: string | null;

  @Field(() => String, { nullable: true, description: 'A language tag such as en-US.' })
  language?: string | null;
}

@InputType({ description: 'Who receives what a leaving user owned, before Zoom removes it.' })
export class UserTransferInput {
  @Field(() => String, { description: 'An active user of the account; not the leaving user itself.' })
  toEmail!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  meetings?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  webinars?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  recordings?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  whiteboards?: boolean | null;
}
