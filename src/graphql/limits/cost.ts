import {
  Kind,
  getOperationAST,
  getVariableValues,
  valueFromASTUntyped,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLObjectType,
  type GraphQLType,
  type SelectionSetNode,
} from 'graphql';
import type { CursorCodec } from '../cursor.js';
import { MAX_FIRST, pagesToFill } from '../pagination.js';
import { isIntrospection, saturate } from './shape.js';

/**
 * Fields whose Zoom calls differ from the rule below; a field's own `complexity` option
 * (`@FieldResolver(() => User, { complexity: 1 })`) takes precedence over this table.
 */
const KNOWN_CALLS: Record<string, number> = {
  'Query.credentials': 0,
  'Mutation.meetingSdkSignature': 0,
  'Mutation.videoSdkToken': 0,
  // The meeting (to find its host), then the host's ZAK.
  'Mutation.startMeetingToken': 2,
  // One user look-up per meeting at most (the loader dedupes hosts within a request).
  'Meeting.host': 1,
  // At most one GET of the meeting each (shared by both through the loader; none for other types).
  'Meeting.recurrence': 1,
  'Meeting.occurrences': 1,
  'Meeting.invitation': 1,
  // Per Zoom page of registrants, as for every connection.
  'Meeting.registrants': 1,
  // The meeting (to check its host; not for admins), then the write.
  'Mutation.endMeeting': 2,
  'Mutation.addMeetingRegistrant': 2,
  'Mutation.updateMeetingRegistrantStatus': 2,
  // One call per meeting (instances, recording) or per Zoom page (participants, a user's recordings).
  'Meeting.pastInstances': 1,
  'Meeting.recordings': 1,
  'PastMeeting.participants': 1,
  'User.recordings': 1,
  // One page of the user's meetings per Zoom page, as `meetings(userId:)`.
  'User.meetings': 1,
  // One GET of the user's settings; role members per Zoom page.
  'User.settings': 1,
  'Role.members': 1,
  // The write, then a read of what Zoom now holds.
  'Mutation.createUser': 2,
  'Mutation.updateUser': 2,
  'Mutation.updateUserSettings': 2,
  // A user named by email (or `me`) is looked up first to drop its ZAKs and grant by id
  // (deactivate, remove); then the write, and for a status change the read.
  'Mutation.setUserStatus': 3,
  'Mutation.deleteUser': 2,
  // The user an event names, read once per event delivered.
  'UserEvent.user': 1,
  // Federation (GRAPHQL_FEDERATION): the subgraph's SDL is answered from the schema.
  'Query._service': 0,
  // When it starts: the meeting (user-role callers) or the host named by email; no call per event.
  'Subscription.meetingEvents': 1,
  'Subscription.myMeetingEvents': 1,
  // Webinars cost what the meeting fields they share code with cost; panelists are one GET a webinar.
  'Mutation.startWebinarToken': 2,
  'Mutation.endWebinar': 2,
  'Mutation.addWebinarRegistrant': 2,
  'Mutation.updateWebinarRegistrantStatus': 2,
  // The webinar (to check its host), the write, then the panelists as Zoom now has them.
  'Mutation.addWebinarPanelists': 3,
  'Mutation.removeWebinarPanelist': 2,
  'Webinar.host': 1,
  'Webinar.recurrence': 1,
  'Webinar.occurrences': 1,
  'Webinar.registrants': 1,
  'Webinar.panelists': 1,
  'Webinar.pastInstances': 1,
  'PastWebinar.participants': 1,
  'PastWebinar.absentees': 1,
  'User.webinars': 1,
  'Subscription.webinarEvents': 1,
};

type AnyField = GraphQLField<unknown, unknown>;
/** An object or interface type; read through properties, not graphql's instanceof checks. */
interface Composite {
  name: string;
  getFields(): Record<string, AnyField>;
}

function namedTypeName(type: GraphQLType): string {
  let t: GraphQLType = type;
  while ('ofType' in t) t = t.ofType;
  return t.name;
}

/** A Relay connection field: returns `…Connection` and takes `first`. */
const isConnection = (field: AnyField) =>
  namedTypeName(field.type).endsWith('Connection') && (field.args ?? []).some((a) => a.name === 'first');

const hasFirst = (field: AnyField) => (field.args ?? []).some((a) => a.name === 'first');

export type CostResult = { cost: number } | { invalidVariables: string };

/**
 * Cost = the Zoom calls an operation can cause. Every root field is one call (`user`,
 * `meeting`, each mutation); a connection is one call per Zoom page it may fetch to fill
 * `first` (one, or more after a cursor minted with a smaller page size) plus `first` times what
 * each node's fields cost; a field that calls Zoom once per parent (a meeting's `host`) costs
 * that per parent; a list capped by `first` costs its own call plus `first` times its items;
 * everything else, introspection included, is free. Nested connections multiply.
 *
 * A federated router's `_entities(representations:)` costs one call per representation plus
 * what the selection costs for that representation's type (`... on User { meetings … }`).
 *
 * Each fragment definition is costed once per operation (per entity type under `_entities`),
 * however often it is spread, and costs saturate: a fragment chain costs as much to check as it
 * is long.
 */
export class CostCalculator {
  // Apollo hands back one parsed DocumentNode per query text, so the cost of a (document,
  // operation, variables) triple is computed once instead of on every request.
  private readonly known = new WeakMap<DocumentNode, Map<string, CostResult>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly cursors: CursorCodec,
  ) {}

  /** The operation's cost with its variables; 0 when the document names no such operation. */
  cost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): CostResult {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    let byKey = this.known.get(document);
    if (!byKey) this.known.set(document, (byKey = new Map()));
    const seen = byKey.get(key);
    if (seen) return seen;
    const result = this.compute(document, operationName, variables);
    if (byKey.size < 256) byKey.set(key, result);
    return result;
  }

  private compute(
    document: DocumentNode,
    operationName: string | null | undefined,
    inputs: Record<string, unknown> | undefined,
  ): CostResult {
    const operation = getOperationAST(document, operationName);
    if (!operation) return { cost: 0 };
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 1 });
    if (coerced.errors) return { invalidVariables: coerced.errors.map((e) => e.message).join(' ') };
    const root =
      operation.operation === 'mutation'
        ? this.schema.getMutationType()
        : operation.operation === 'query'
          ? this.schema.getQueryType()
          : undefined;
    return { cost: new Walk(this.schema, this.cursors, document, coerced.coerced).selections(operation.selectionSet, root ?? undefined) };
  }
}

/** One costing of one operation with its variables; remembers each fragment's cost. */
class Walk {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  // null while a fragment is being costed: a cycle (refused by NoFragmentCycles) costs nothing.
  private readonly fragmentCosts = new Map<string, number | null>();
  private readonly roots: Set<string>;
  private readonly queryName: string | undefined;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly cursors: CursorCodec,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
  ) {
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION && !this.fragments.has(d.name.value)) this.fragments.set(d.name.value, d);
    this.queryName = schema.getQueryType()?.name;
    this.roots = new Set([this.queryName, schema.getMutationType()?.name].filter((n): n is string => n !== undefined));
  }

  selections(set: SelectionSetNode, parent: Composite | undefined): number {
    let total = 0;
    for (const sel of set.selections) {
      if (this.skipped(sel.directives)) continue;
      if (sel.kind === Kind.FIELD) total += this.field(sel, parent);
      else if (sel.kind === Kind.INLINE_FRAGMENT)
        total += this.selections(sel.selectionSet, sel.typeCondition ? this.composite(sel.typeCondition.name.value) : parent);
      else total += this.fragment(sel.name.value);
    }
    return saturate(total);
  }

  private fragment(name: string): number {
    const seen = this.fragmentCosts.get(name);
    if (seen !== undefined) return seen ?? 0;
    const def = this.fragments.get(name);
    if (!def) return 0;
    this.fragmentCosts.set(name, null);
    const cost = this.selections(def.selectionSet, this.composite(def.typeCondition.name.value));
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private field(node: FieldNode, parent: Composite | undefined): number {
    const name = node.name.value;
    if (isIntrospection(name) || !parent) return 0;
    const field = parent.getFields()[name];
    if (!field) return 0;
    if (name === '_entities' && parent.name === this.queryName) return this.entities(node);
    const declared = field.extensions?.complexity;
    const own = typeof declared === 'number' ? declared : (KNOWN_CALLS[`${parent.name}.${name}`] ?? (this.roots.has(parent.name) ? 1 : 0));
    const child = node.selectionSet ? this.selections(node.selectionSet, this.composite(namedTypeName(field.type))) : 0;
    // A list capped by `first` (a meeting's pastInstances) holds at most `first` parents of its children.
    if (!isConnection(field)) return saturate(own + (hasFirst(field) ? this.first(field, node) : 1) * child);
    const first = this.first(field, node);
    const after = this.argument(node, 'after');
    const position = typeof after === 'string' ? this.cursors.decode(after) : undefined;
    // A forged or foreign cursor is refused before any Zoom call; a valid one may need more pages.
    const pages = position ? pagesToFill(first, position) : 1;
    return saturate(own * pages + first * child);
  }

  /** `_entities`: per representation, one look-up and its type's share of the selection. */
  private entities(node: FieldNode): number {
    const value = node.arguments?.find((a) => a.name.value === 'representations')?.value;
    const representations: unknown = value ? valueFromASTUntyped(value, this.variables) : undefined;
    if (!Array.isArray(representations) || !node.selectionSet) return 0;
    const byType = new Map<string, number>();
    for (const r of representations) {
      const typename =
        typeof r === 'object' && r !== null && typeof (r as { __typename?: unknown }).__typename === 'string'
          ? (r as { __typename: string }).__typename
          : '';
      byType.set(typename, (byType.get(typename) ?? 0) + 1);
    }
    let total = 0;
    for (const [typename, count] of byType) {
      const type = this.composite(typename);
      const each = saturate(1 + (type ? this.typed(node.selectionSet, type) : 0));
      total = saturate(total + saturate(count * each));
    }
    return total;
  }

  /** A selection on an abstract type (`_Entity`) as it runs for one object type: other types' fragments skipped. */
  private typed(set: SelectionSetNode, type: Composite): number {
    let total = 0;
    for (const sel of set.selections) {
      if (this.skipped(sel.directives)) continue;
      if (sel.kind === Kind.FIELD) total += this.field(sel, type);
      else if (sel.kind === Kind.INLINE_FRAGMENT)
        total += this.applies(sel.typeCondition?.name.value, type) ? this.typed(sel.selectionSet, type) : 0;
      else total += this.typedFragment(sel.name.value, type);
    }
    return saturate(total);
  }

  private typedFragment(name: string, type: Composite): number {
    const key = `${name}\u0000${type.name}`;
    const seen = this.fragmentCosts.get(key);
    if (seen !== undefined) return seen ?? 0;
    const def = this.fragments.get(name);
    if (!def || !this.applies(def.typeCondition.name.value, type)) return 0;
    this.fragmentCosts.set(key, null);
    const cost = this.typed(def.selectionSet, type);
    this.fragmentCosts.set(key, cost);
    return cost;
  }

  /** Whether a fragment on `condition` (none: the enclosing type) applies to an object of `type`. */
  private applies(condition: string | undefined, type: Composite): boolean {
    if (condition === undefined || condition === type.name) return true;
    const abstract = this.schema.getType(condition);
    return abstract !== undefined && 'resolveType' in abstract && this.schema.isSubType(abstract, type as unknown as GraphQLObjectType);
  }

  /** `first` as the resolver runs it: null and omitted both mean the default (30). */
  private first(field: AnyField, node: FieldNode): number {
    const given = this.argument(node, 'first');
    const fallback = field.args.find((a) => a.name === 'first')?.defaultValue;
    const n = typeof given === 'number' && Number.isInteger(given) ? given : typeof fallback === 'number' ? fallback : MAX_FIRST;
    // Outside 1–300 the resolver refuses before calling Zoom; the clamp keeps the error its own.
    return Math.min(Math.max(n, 1), MAX_FIRST);
  }

  /** An argument's value: undefined when absent (or a variable not given), null when null. */
  private argument(node: FieldNode | DirectiveNode, name: string): unknown {
    const value = node.arguments?.find((a) => a.name.value === name)?.value;
    switch (value?.kind) {
      case Kind.VARIABLE:
        return this.variables[value.name.value];
      case Kind.NULL:
        return null;
      case Kind.INT:
        return Number(value.value);
      case Kind.STRING:
      case Kind.BOOLEAN:
        return value.value;
      default:
        return undefined;
    }
  }

  private skipped(directives: readonly DirectiveNode[] | undefined): boolean {
    return (directives ?? []).some(
      (d) =>
        (d.name.value === 'skip' && this.argument(d, 'if') === true) || (d.name.value === 'include' && this.argument(d, 'if') === false),
    );
  }

  private composite(name: string): Composite | undefined {
    const type = this.schema.getType(name);
    return type && 'getFields' in type && 'getInterfaces' in type ? (type as unknown as Composite) : undefined;
  }
}
