import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { assertCanActFor, isSelf } from '../../auth/policy.js';
import { notFound } from '../../errors.js';
import { getUserSettings, updateUserSettings } from '../../zoom/userSettings.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { User } from './user.type.js';
import { checkUserId } from './userArgs.js';
import { UserSettingsInput } from './userSettings.input.js';
import { UserSettings } from './userSettings.type.js';
import { toSettingsBody } from './userSettingsBody.js';

@Resolver(() => User)
export class UserSettingsResolver {
  @FieldResolver(() => UserSettings, {
    nullable: true,
    description: 'The user’s meeting defaults: an admin sees anyone’s, a user its own.',
  })
  async settings(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<UserSettings | null> {
    const self = isSelf(ctx.principal, user.id) || isSelf(ctx.principal, user.email);
    const userId = self ? 'me' : user.id;
    if (!self) assertCanActFor(ctx.principal, userId);
    const settings = await getUserSettings(ctx.zoom, userId);
    return settings ? UserSettings.from(settings) : null;
  }

  @Mutation(() => UserSettings, {
    nullable: true,
    description:
      'Changes the given settings only (Zoom keeps every other) and returns the settings as Zoom now has them. Admins change anyone’s; a user its own. ' +
      failsWith({
        BAD_USER_INPUT: 'when id is malformed or input changes nothing (nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller names another user (nothing reaches Zoom)',
        NOT_FOUND: 'when Zoom has no such user',
        ZOOM_API_ERROR: 'with Zoom’s code for a setting the user’s plan does not allow (e.g. 1108), or 1120 for an expired invitation',
      }),
  })
  async updateUserSettings(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UserSettingsInput) input: UserSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserSettings> {
    checkUserId(id, 'id');
    const body = toSettingsBody(input);
    assertCanActFor(ctx.principal, id);
    await updateUserSettings(ctx.zoom, id, body);
    const settings = await getUserSettings(ctx.zoom, id);
    if (!settings) throw notFound(`User does not exist: ${id}.`);
    return UserSettings.from(settings);
  }
}
