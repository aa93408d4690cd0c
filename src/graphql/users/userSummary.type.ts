import { Field, Int, ObjectType } from 'type-graphql';
import type { ZoomUserSummary } from '../../zoom/types.js';

@ObjectType({ simpleResolvers: true, description: 'How many users the account has, by plan and status (Zoom’s user summary).' })
export class UserSummary {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  licensed!: number;

  @Field(() => Int)
  basic!: number;

  @Field(() => Int, { description: 'Invited users who have not accepted yet.' })
  pending!: number;

  @Field(() => Int)
  onPrem!: number;

  @Field(() => Int, { description: 'Zoom Rooms users.' })
  rooms!: number;

  @Field(() => Int)
  joinOnly!: number;

  static from(s: ZoomUserSummary): UserSummary {
    return {
      total: s.total_users_count ?? 0,
      licensed: s.licensed_users_count ?? 0,
      basic: s.basic_users_count ?? 0,
      pending: s.pending_users_count ?? 0,
      onPrem: s.on_prem_users_count ?? 0,
      rooms: s.room_users_count ?? 0,
      joinOnly: s.join_only_users_count ?? 0,
    };
  }
}
