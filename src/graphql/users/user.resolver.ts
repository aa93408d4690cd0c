import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { assertAdmin, assertCanActFor } from '../../auth/policy.js';
import { notFound } from '../../errors.js';
import { listUsers } from '../../zoom/users.js';
import type { GraphQLContext } from '../context.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { User } from './user.type.js';
import { UserConnection } from './userConnection.type.js';
import { checkRoleId, checkUserId } from './userArgs.js';
import { UserStatus } from './userStatus.enum.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: "The caller's own Zoom user." })
  async me(@Ctx() ctx: GraphQLContext): Promise<User> {
    const user = await ctx.loaders.user.load('me');
    if (!user) throw notFound("The caller's Zoom user does not exist.");
    return User.from(user);
  }

  @Query(() => User, { nullable: true, description: 'A user by id or email; null when Zoom reports no such user.' })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    checkUserId(id, 'id');
    assertCanActFor(ctx.principal, id);
    const user = await ctx.loaders.user.load(id);
    return user ? User.from(user) : null;
  }

  @Query(() => UserConnection, { nullable: true, description: "The account's users (admin)." })
  async users(
    @Arg('status', () => UserStatus, { nullable: true, defaultValue: UserStatus.ACTIVE }) statusArg: UserStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
    @Arg('roleId', () => String, {
      nullable: true,
      description: 'Only users with this role: Zoom’s role id ("0" owner, "1" admin, "2" member, or a custom role’s id).',
    })
    roleId?: string | null,
  ): Promise<UserConnection> {
    // An explicit null means the default, as the contract's nullable arguments promise.
    const status = statusArg ?? UserStatus.ACTIVE;
    const first = firstArg ?? 30;
    if (roleId) checkRoleId(roleId);
    const start = checkPageArgs(ctx.cursors, first, after, roleId ? `users:${status}:${roleId}` : `users:${status}`);
    assertAdmin(ctx.principal, 'Listing users');
    return paginate(
      ctx.cursors,
      first,
      start,
      async (token, pageSize) => {
        const page = await listUsers(ctx.zoom, { status, ...(roleId ? { roleId } : {}), pageSize, nextPageToken: token });
        return { items: page.users, next: page.next_page_token ?? '', total: page.total_records ?? page.users.length };
      },
      User.from,
    );
  }
}
