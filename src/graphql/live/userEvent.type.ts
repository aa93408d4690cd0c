import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { LiveEvent } from '../../live/liveEvent.js';
import { DateTime } from '../dateTime.js';

@ObjectType({ simpleResolvers: true, description: 'One Zoom event about a user of the account, delivered to a subscription once.' })
export class UserEvent {
  @Field(() => String, {
    description:
      'Zoom’s event name: user.created, user.updated, user.activated, user.deactivated, user.deleted, user.disassociated or user.settings_updated.',
  })
  type!: string;

  @Field(() => ID, { nullable: true })
  userId!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => DateTime, { description: 'When Zoom says the event happened (its event_ts).' })
  occurredAt!: string;

  @Field(() => Int, { description: 'Increases by one per user event of the account, across every replica: a jump is a missed event.' })
  sequence!: number;

  static from(e: LiveEvent): UserEvent {
    return Object.assign(new UserEvent(), {
      type: e.user?.type ?? 'user.updated',
      userId: e.user?.userId ?? null,
      email: e.user?.email ?? null,
      occurredAt: new Date(e.occurredAt).toISOString(),
      sequence: e.sequence,
    });
  }
}
