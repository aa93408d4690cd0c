import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  concatAST,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  parse,
  printSchema,
  visit,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { createResolversMap } from 'type-graphql';
import { assertCanActFor } from '../auth/policy.js';
import { badUserInput } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { assertCanActOnMeeting } from './meetings/meetingAccess.js';
import { checkMeetingId } from './meetings/meetingArgs.js';
import { Meeting } from './meetings/meeting.type.js';
import { buildGatewaySchema } from './schema.js';
import { User } from './users/user.type.js';
import { checkUserId } from './users/userArgs.js';
import { Webinar } from './webinars/webinar.type.js';
import { WEBINAR } from '../zoom/sessionKind.js';

/**
 * The Federation 2 version the subgraph declares, and what it imports: only `@key`, which the
 * entities' types carry (`@Directive('@key(fields: "id")')`). 2.3 composes with Apollo Router,
 * Hive Gateway and Cosmo alike.
 */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

type Representation = Record<string, unknown>;

/** A representation's key, as the entity's root field would take it as an argument. */
function keyOf(representation: Representation): string {
  const { id } = representation;
  if (typeof id !== 'string')
    throw badUserInput(`A ${String(representation.__typename)} representation needs its key, "id", as a string.`, 'representations');
  return id;
}

/**
 * How a router's entity references become entities: through the request's DataLoaders (one
 * Zoom call per distinct entity, however many references name it), under the policy of the
 * root fields `user(id:)`, `meeting(id:)` and `webinar(id:)`. An error (another user's entity for the user
 * role, a malformed key) is the reference's own, at its path; null when Zoom has no such entity.
 */
const referenceResolvers = {
  User: {
    async __resolveReference(reference: Representation, ctx: GraphQLContext): Promise<User | null> {
      const id = checkUserId(keyOf(reference), 'representations');
      assertCanActFor(ctx.principal, id);
      const user = await ctx.loaders.user.load(id);
      return user ? User.from(user) : null;
    },
  },
  Meeting: {
    async __resolveReference(reference: Representation, ctx: GraphQLContext): Promise<Meeting | null> {
      const id = checkMeetingId(keyOf(reference), 'representations');
      const meeting = await ctx.loaders.meeting.load(id);
      if (!meeting) return null;
      assertCanActOnMeeting(ctx.principal, meeting, 'Reading this meeting');
      return Meeting.from(meeting);
    },
  },
  Webinar: {
    async __resolveReference(reference: Representation, ctx: GraphQLContext): Promise<Webinar | null> {
      const id = checkMeetingId(keyOf(reference), 'representations');
      const webinar = await ctx.loaders.of(WEBINAR).meeting.load(id);
      if (!webinar) return null;
      assertCanActOnMeeting(ctx.principal, webinar, 'Reading this webinar');
      return Webinar.from(webinar);
    },
  },
} as const;

const ENTITY_TYPES = new Set(Object.keys(referenceResolvers));

/**
 * The schema's SDL with the directives its types declare through `@Directive` (graphql's
 * printSchema leaves applied directives out; type-graphql keeps them on each type's astNode).
 */
function sdlWithTypeDirectives(schema: GraphQLSchema): DocumentNode {
  return visit(parse(printSchema(schema)), {
    ObjectTypeDefinition(node) {
      const declared = schema.getType(node.name.value)?.astNode?.directives ?? [];
      return declared.length > 0 ? { ...node, directives: [...(node.directives ?? []), ...declared] } : undefined;
    },
  });
}

/**
 * The code-first schema as an Apollo Federation 2 subgraph: the same types and resolvers, plus
 * `_service { sdl }` and `_entities(representations:)` for User and Meeting. Built from the
 * lexicographically sorted schema, so `_service.sdl` (and schema/subgraph.graphql) is stable.
 */
function toSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const sorted = lexicographicSortSchema(schema);
  const resolvers: Record<string, object> = createResolversMap(sorted);
  for (const [type, own] of Object.entries(referenceResolvers)) resolvers[type] = { ...resolvers[type], ...own };
  const typeDefs = concatAST([parse(FEDERATION_LINK), sdlWithTypeDirectives(sorted)]);
  const subgraph = buildSubgraphSchema({ typeDefs, resolvers } as Parameters<typeof buildSubgraphSchema>[0]);
  keepFromSource(sorted, subgraph);
  checkRepresentations(subgraph);
  return subgraph;
}

/**
 * What the SDL round trip loses, taken back from the code-first schema: default values as the
 * resolvers receive them (an enum's internal value, `scheduled`, where the SDL says `SCHEDULED`;
 * @apollo/subgraph maps enum values after the defaults were read) and field extensions (a
 * field's `complexity`, which the cost limit honours).
 */
function keepFromSource(from: GraphQLSchema, to: GraphQLSchema): void {
  type Mutable<T> = { -readonly [K in keyof T]: T[K] };
  for (const type of Object.values(from.getTypeMap())) {
    const target = to.getType(type.name);
    if (isInputObjectType(type) && isInputObjectType(target)) {
      const fields = target.getFields();
      for (const [name, field] of Object.entries(type.getFields())) {
        const copy: Mutable<GraphQLInputField> | undefined = fields[name];
        if (copy) copy.defaultValue = field.defaultValue;
      }
    }
    if (!(isObjectType(type) || isInterfaceType(type)) || !(isObjectType(target) || isInterfaceType(target))) continue;
    const fields = target.getFields();
    for (const [name, field] of Object.entries(type.getFields())) {
      const copy: Mutable<GraphQLField<unknown, unknown>> | undefined = fields[name];
      if (!copy) continue;
      copy.extensions = { ...field.extensions, ...copy.extensions };
      for (const arg of field.args) {
        const twin: Mutable<GraphQLArgument> | undefined = copy.args.find((a) => a.name === arg.name);
        if (twin) twin.defaultValue = arg.defaultValue;
      }
    }
  }
}

/**
 * `_entities` answers a representation of a type that is no entity here with a clear
 * BAD_USER_INPUT, where @apollo/subgraph would throw a plain error (an internal one to clients).
 *
 * The list is settled before execution sees it, each refused reference as its error: graphql-js
 * and graphql-jit both report an Error value at its item's path, with null in its place. Left as
 * the promises @apollo/subgraph answers, the compiled executor (graphql-jit) appends a rejected
 * item's null to the end of the list built so far rather than at the item's index, so a refusal
 * settling before the references ahead of it left `_entities` shorter (or longer) than the
 * representations, where a router expects one entry per representation, in order.
 */
function checkRepresentations(subgraph: GraphQLSchema): void {
  const field = subgraph.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error('The subgraph schema has no _entities resolver: no type declares @key.');
  const checked: GraphQLFieldResolver<unknown, GraphQLContext> = (source, args: { representations?: unknown }, ctx, info) => {
    const list = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
    for (const r of list) {
      const typename = typeof r === 'object' && r !== null ? (r as Representation).__typename : undefined;
      if (typeof typename !== 'string' || !ENTITY_TYPES.has(typename)) {
        throw badUserInput(
          `Each representation must be an object whose __typename is an entity of this subgraph (${[...ENTITY_TYPES].join(', ')}).`,
          'representations',
        );
      }
    }
    const entities = resolve(source, args, ctx, info) as unknown[];
    return Promise.all(
      entities.map((e) => Promise.resolve(e).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))),
    );
  };
  field.resolve = checked;
}

let built: Promise<GraphQLSchema> | undefined;

/** The subgraph schema GRAPHQL_FEDERATION=true serves; built once per process. */
export function buildGatewaySubgraphSchema(): Promise<GraphQLSchema> {
  built ??= buildGatewaySchema().then(toSubgraphSchema);
  return built;
}
