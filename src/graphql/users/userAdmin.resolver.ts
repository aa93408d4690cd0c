import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { assertAdmin, assertCanActFor } from '../../auth/policy.js';
import { isAdmin } from '../../auth/principal.js';
import { badUserInput, forbidden, notFound } from '../../errors.js';
import { createUser, deleteUser, getUserSummary, isEmailInUse, setUserStatus, updateUser } from '../../zoom/userAdmin.js';
import { getUser } from '../../zoom/users.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { User } from './user.type.js';
import { DeleteUserAction, UserStatusAction } from './userAdmin.enum.js';
import { CreateUserInput, UpdateUserInput, UserTransferInput } from './userAdmin.input.js';
import { toCreateUserBody, toTransfer, toUpdateUserBody } from './userAdminBody.js';
import { isEmailAddress } from '../../identity.js';
import { checkUserId } from './userArgs.js';
import { zoomUserIdOf } from './zoomUserId.js';
import { UserSummary } from './userSummary.type.js';

/** The user as Zoom holds it right after a write (the write made the read cache drop it). */
async function reread(ctx: GraphQLContext, userId: string): Promise<User> {
  const user = await getUser(ctx.zoom, userId);
  if (!user) throw notFound(`User does not exist: ${userId}.`);
  return User.from(user);
}

@Resolver(() => User)
export class UserAdminResolver {
  @Query(() => UserSummary, { nullable: true, description: 'How many users the account has, by plan and status (admin).' })
  async userSummary(@Ctx() ctx: GraphQLContext): Promise<UserSummary> {
    assertAdmin(ctx.principal, 'The user summary');
    return UserSummary.from(await getUserSummary(ctx.zoom));
  }

  @Query(() => Boolean, { nullable: true, description: 'Whether a Zoom user (of any account) has this email already (admin).' })
  async emailInUse(@Arg('email', () => String) email: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    if (!isEmailAddress(email)) throw badUserInput('email must be an email address.', 'email');
    assertAdmin(ctx.principal, 'Checking an email');
    return isEmailInUse(ctx.zoom, email);
  }

  @Mutation(() => User, {
    nullable: true,
    description:
      'Adds a user to the account (admin) and returns it as Zoom now has it: with CREATE the user is PENDING until it accepts the emailed invitation. ' +
      failsWith({
        BAD_USER_INPUT: 'when input is invalid (naming every bad field in `fields`; nothing reaches Zoom)',
        FORBIDDEN: 'when the caller is not an admin (nothing reaches Zoom)',
        ZOOM_API_ERROR: 'with zoomCode 1005 when the email is in use, or Zoom’s own reason (e.g. 200 without the privilege)',
      }),
  })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    const body = toCreateUserBody(input);
    assertAdmin(ctx.principal, 'Adding a user');
    const created = await createUser(ctx.zoom, body);
    // A pending user has no id Zoom takes in a path yet everywhere; the email always works.
    const user = await getUser(ctx.zoom, created.email ?? body.user_info.email);
    return User.from(user ?? { ...created, status: body.action === 'create' ? 'pending' : 'active' });
  }

  @Mutation(() => User, {
    nullable: true,
    description:
      'Changes the given profile fields and returns the user as Zoom now has it. Admins change anyone; a user changes itself, but not its type. ' +
      failsWith({
        BAD_USER_INPUT: 'when id or input is invalid, or input changes nothing (nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller names another user or its own type (nothing reaches Zoom)',
        NOT_FOUND: 'when Zoom has no such user',
        ZOOM_API_ERROR: 'with Zoom’s code for a change it refuses (e.g. 200 for an impossible type change)',
      }),
  })
  async updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    checkUserId(id, 'id');
    const body = toUpdateUserBody(input);
    assertCanActFor(ctx.principal, id);
    if (body.type !== undefined && !isAdmin(ctx.principal)) throw forbidden('Changing a user’s type requires the admin role.');
    await updateUser(ctx.zoom, id, body);
    return reread(ctx, id);
  }

  @Mutation(() => User, {
    nullable: true,
    description:
      'Activates or deactivates a user (admin) and returns it as Zoom now has it: it moves between users(status: ACTIVE) and users(status: INACTIVE) at once. ' +
      failsWith({
        BAD_USER_INPUT: 'when id is malformed',
        FORBIDDEN: 'when the caller is not an admin (nothing reaches Zoom)',
        NOT_FOUND: 'when Zoom has no such user',
        ZOOM_API_ERROR: 'with zoomCode 200 for owners, admins and Zoom Rooms, which Zoom does not (de)activate this way',
      }),
  })
  async setUserStatus(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => UserStatusAction) action: UserStatusAction,
    @Ctx() ctx: GraphQLContext,
  ): Promise<User> {
    checkUserId(id, 'id');
    assertAdmin(ctx.principal, 'Changing a user’s status');
    // Its ZAKs and grant go once Zoom has applied it, as on user.deactivated, without waiting for that webhook.
    const leaving = action === UserStatusAction.DEACTIVATE ? await zoomUserIdOf(ctx, id) : undefined;
    await setUserStatus(ctx.zoom, id, action);
    if (leaving) await ctx.forgetUser(leaving);
    return reread(ctx, id);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Removes a user from the account (admin); true once Zoom has. With transfer, its meetings, webinars, recordings and whiteboards go to another user first. ' +
      failsWith({
        BAD_USER_INPUT: 'when id or transfer.toEmail is malformed, or Zoom refuses the transfer (e.g. to the user’s own address)',
        FORBIDDEN: 'when the caller is not an admin (nothing reaches Zoom)',
        NOT_FOUND: 'when Zoom has no such user',
        ZOOM_API_ERROR: 'with Zoom’s code when it keeps the user: 200 (e.g. the account owner), 1117 (an admin cannot be disassociated)',
      }),
  })
  async deleteUser(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('action', () => DeleteUserAction, { nullable: true, defaultValue: DeleteUserAction.DISASSOCIATE })
    actionArg?: DeleteUserAction | null,
    @Arg('transfer', () => UserTransferInput, { nullable: true }) transferArg?: UserTransferInput | null,
  ): Promise<boolean> {
    checkUserId(id, 'id');
    if (id === 'me') throw badUserInput('id must name the user to remove, not "me".', 'id');
    const transfer = transferArg ? toTransfer(transferArg) : undefined;
    assertAdmin(ctx.principal, 'Removing a user');
    // Its ZAKs and grant go at once, as on user.deleted / user.disassociated; looked up first,
    // since Zoom no longer answers for a removed user.
    const leaving = await zoomUserIdOf(ctx, id);
    await deleteUser(ctx.zoom, id, actionArg ?? DeleteUserAction.DISASSOCIATE, transfer);
    if (leaving) await ctx.forgetUser(leaving);
    return true;
  }
}
