import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { isEmailAddress } from '../../identity.js';
import { badUserInput } from '../../errors.js';
import { WEBINAR } from '../../zoom/sessionKind.js';
import { addPanelists, listPanelists, removePanelist } from '../../zoom/webinars.js';
import type { GraphQLContext } from '../context.js';
import { failsWith } from '../failures.js';
import { assertCanActOnMeeting } from '../meetings/meetingAccess.js';
import { checkMeetingNumber } from '../meetings/meetingArgs.js';
import { assertMayChangeMeeting } from '../meetings/meetingChange.js';
import { Panelist, PanelistInput, Webinar } from './webinar.type.js';

/** SPEC23: the `panelists` array of "Add panelists" holds at most 30. */
export const MAX_PANELISTS = 30;
/** Zoom panelist ids are base64url-like, as registrant ids. */
const PANELIST_ID = /^[A-Za-z0-9_-]{1,64}$/;

@Resolver(() => Webinar)
export class PanelistsResolver {
  @FieldResolver(() => [Panelist], {
    nullable: true,
    description: 'Who speaks at the webinar, with their own join links. Host or admin only.',
  })
  async panelists(@Root() webinar: Webinar, @Ctx() ctx: GraphQLContext): Promise<Panelist[]> {
    assertCanActOnMeeting(
      ctx.principal,
      { host_id: webinar.hostId, ...(webinar.hostEmail ? { host_email: webinar.hostEmail } : {}) },
      'Reading panelists',
    );
    const panelists = await ctx.loaders.of(WEBINAR).panelists!.load(checkMeetingNumber(webinar.id));
    return panelists.map(Panelist.from);
  }

  @Mutation(() => [Panelist], {
    nullable: true,
    description:
      'Adds up to 30 panelists (Zoom emails each an invitation) and returns all of the webinar’s panelists. Host or admin only. ' +
      failsWith({
        BAD_USER_INPUT:
          'when webinarId, an email or a name is malformed, an email repeats, or more than 30 are given (nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller does not host the webinar (before any change)',
        NOT_FOUND: 'when Zoom has no such webinar',
        ZOOM_API_ERROR: 'when Zoom refuses, e.g. the webinar has as many panelists as the plan allows (zoomCode 3000)',
      }),
  })
  async addWebinarPanelists(
    @Arg('webinarId', () => ID) webinarId: string,
    @Arg('panelists', () => [PanelistInput]) panelists: PanelistInput[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<Panelist[]> {
    const number = checkMeetingNumber(webinarId, 'webinarId');
    const body = checkPanelists(panelists);
    await assertMayChangeMeeting(ctx, number, 'Adding panelists', WEBINAR);
    await addPanelists(ctx.zoom, number, body);
    return (await listPanelists(ctx.zoom, number)).map(Panelist.from);
  }

  @Mutation(() => Boolean, {
    nullable: true,
    description:
      'Removes one panelist. Host or admin only. ' +
      failsWith({
        BAD_USER_INPUT: 'when webinarId or panelistId is malformed (nothing reaches Zoom)',
        FORBIDDEN: 'when a user-role caller does not host the webinar (before any change)',
        NOT_FOUND: 'when Zoom has no such webinar or panelist',
      }),
  })
  async removeWebinarPanelist(
    @Arg('webinarId', () => ID) webinarId: string,
    @Arg('panelistId', () => ID) panelistId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    const number = checkMeetingNumber(webinarId, 'webinarId');
    if (!PANELIST_ID.test(panelistId)) throw badUserInput('panelistId must be a Zoom panelist id.', 'panelistId');
    await assertMayChangeMeeting(ctx, number, 'Removing a panelist', WEBINAR);
    await removePanelist(ctx.zoom, number, panelistId);
    return true;
  }
}

function checkPanelists(list: PanelistInput[]): Array<{ email: string; name: string }> {
  if (list.length === 0 || list.length > MAX_PANELISTS)
    throw badUserInput(`panelists must list 1–${MAX_PANELISTS} people, got ${list.length}.`, 'panelists');
  const out = list.map((p, i) => {
    const email = p.email.trim();
    const name = p.name.trim();
    if (email.length > 128 || !isEmailAddress(email))
      throw badUserInput(`panelists[${i}].email must be an email address of at most 128 characters.`, 'panelists');
    if (name.length === 0 || Array.from(name).length > 64) throw badUserInput(`panelists[${i}].name must be 1–64 characters.`, 'panelists');
    return { email, name };
  });
  if (new Set(out.map((p) => p.email.toLowerCase())).size !== out.length)
    throw badUserInput('panelists must not repeat an email.', 'panelists');
  return out;
}
