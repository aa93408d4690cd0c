import type { GraphQLContext } from '../context.js';

/**
 * The Zoom user id a `userId` argument names, as ZAKs and grants are kept: an id is taken as
 * given, `me` and emails are looked up (through the request's loader). Undefined when Zoom has
 * no such user, or no id for it (a pending user).
 */
export async function zoomUserIdOf(ctx: GraphQLContext, userId: string): Promise<string | undefined> {
  if (userId === 'me' && ctx.principal.zoomUserId) return ctx.principal.zoomUserId;
  if (userId !== 'me' && !userId.includes('@')) return userId;
  const user = await ctx.loaders.user.load(userId);
  return user?.id || undefined;
}
