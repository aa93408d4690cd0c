import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertAdmin } from '../../auth/policy.js';
import { badUserInput } from '../../errors.js';
import { assignRole, listRoleMembers, listRoles, ROLE_MEMBERS_MAX } from '../../zoom/roles.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { checkPageArgs, paginate } from '../pagination.js';
import { Role } from './role.type.js';
import { User } from './user.type.js';
import { checkRoleId, checkUserId } from './userArgs.js';
import { UserConnection } from './userConnection.type.js';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => [Role], { nullable: true, description: 'The account’s roles with their member counts (admin).' })
  async roles(@Ctx() ctx: GraphQLContext): Promise<Role[]> {
    assertAdmin(ctx.principal, 'Listing roles');
    return (await listRoles(ctx.zoom)).map(Role.from);
  }

  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users who have this role (admin).' })
  async members(
    @Root() role: Role,
    @Arg('first', () => Int, { nullable: true, defaultValue: 30, description: '1–300.' }) firstArg: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserConnection> {
    const first = firstArg ?? 30;
    const start = checkPageArgs(ctx.cursors, first, after, `roles:${role.id}`);
    assertAdmin(ctx.principal, 'Listing role members');
    return paginate(
      ctx.cursors,
      first,
      start,
      async (token, pageSize) => {
        const page = await listRoleMembers(ctx.zoom, role.id, { pageSize, nextPageToken: token });
        return { items: page.members, next: page.next_page_token ?? '', total: page.total_records ?? page.members.length };
      },
      (m) => User.from({ ...m, dept: m.department, role_id: role.id }),
    );
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      `Gives users a role (admin), in place of the role each had; true once Zoom has. At most ${ROLE_MEMBERS_MAX} users, each named once by id or email. ` +
      failsWith({
        BAD_USER_INPUT: `when roleId or a user id is malformed, or userIds is empty, repeats a user or names more than ${ROLE_MEMBERS_MAX} (nothing reaches Zoom); also Zoom’s refusal of the owner and member roles`,
        FORBIDDEN: 'when the caller is not an admin (nothing reaches Zoom)',
        NOT_FOUND: 'when Zoom has no such user',
        ZOOM_API_ERROR: 'with zoomCode 1034 when the role does not exist',
      }),
  })
  async assignRole(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('userIds', () => [ID]) userIds: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    checkRoleId(roleId);
    if (userIds.length === 0 || userIds.length > ROLE_MEMBERS_MAX)
      throw badUserInput(`userIds must name 1 to ${ROLE_MEMBERS_MAX} users.`, 'userIds');
    const seen = new Set<string>();
    for (const id of userIds) {
      checkUserId(id, 'userIds');
      if (id === 'me') throw badUserInput('userIds must name users by id or email, not "me".', 'userIds');
      if (seen.has(id.toLowerCase())) throw badUserInput(`userIds names ${id} twice.`, 'userIds');
      seen.add(id.toLowerCase());
    }
    assertAdmin(ctx.principal, 'Assigning a role');
    await assignRole(ctx.zoom, roleId, userIds);
    return true;
  }
}
