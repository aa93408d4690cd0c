import { GraphQLError, Kind, parse, type DirectiveNode, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { QueryLimits } from '../../config.js';
import type { LimitName } from './limitError.js';

export type DocumentLimits = Pick<
  QueryLimits,
  'maxDocumentLength' | 'maxTokens' | 'maxNesting' | 'maxOperations' | 'maxSelections' | 'maxDirectives'
>;

/** Why a query text is refused before anything else looks at it. `actual` is absent when only a bound is known. */
export interface DocumentRefusal {
  limit: LimitName;
  message: string;
  max: number;
  actual?: number;
}

/**
 * A query text → its document, within the limits that bound the work of reading it, checked
 * cheapest first: its length; in one scan of the text, the nesting of its brackets (graphql's
 * parser recurses once per level and overflows the stack at a few thousand), its directives and
 * its operations; its tokens (the parser stops past
 * GRAPHQL_MAX_TOKENS), then the operations, selections and directives it holds (graphql's
 * validation compares same-named fields pairwise, so their number decides its cost).
 * `syntaxError` is graphql's error for a text that is not a document (or overflowed the stack).
 */
export function parseWithinLimits(
  query: string,
  limits: DocumentLimits,
): { document: DocumentNode } | { refusal: DocumentRefusal } | { syntaxError: unknown } {
  if (query.length > limits.maxDocumentLength) {
    const [max, actual] = [limits.maxDocumentLength, query.length];
    return {
      refusal: {
        limit: 'GRAPHQL_MAX_DOCUMENT_LENGTH',
        message: `The document is ${actual} characters long; the limit is ${max} (GRAPHQL_MAX_DOCUMENT_LENGTH).`,
        max,
        actual,
      },
    };
  }
  // One pass over the text, so that a document built of directives or operations is refused before
  // the parser builds it: the parse of 10,000 tokens of directives costs milliseconds.
  const scan = scanDocument(query);
  if (scan.nesting > limits.maxNesting) {
    const max = limits.maxNesting;
    return {
      refusal: {
        limit: 'GRAPHQL_MAX_NESTING',
        message: `The document nests brackets ${scan.nesting} deep; the limit is ${max} (GRAPHQL_MAX_NESTING).`,
        max,
        actual: scan.nesting,
      },
    };
  }
  const over = (limit: LimitName, max: number, actual: number, what: string): { refusal: DocumentRefusal } => ({
    refusal: { limit, message: `The document ${what} ${actual}; the limit is ${max} (${limit}).`, max, actual },
  });
  // Exact for directives; for operations a lower bound, which the count after the parse completes.
  if (scan.operations > limits.maxOperations)
    return over('GRAPHQL_MAX_OPERATIONS', limits.maxOperations, scan.operations, 'defines operations:');
  if (scan.directives > limits.maxDirectives)
    return over('GRAPHQL_MAX_DIRECTIVES', limits.maxDirectives, scan.directives, 'uses directives:');
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (err) {
    const refusal = tokenRefusal(err);
    return refusal ? { refusal } : { syntaxError: err };
  }
  const counts = documentCounts(document);
  if (counts.operations > limits.maxOperations)
    return over('GRAPHQL_MAX_OPERATIONS', limits.maxOperations, counts.operations, 'defines operations:');
  if (counts.selections > limits.maxSelections)
    return over('GRAPHQL_MAX_SELECTIONS', limits.maxSelections, counts.selections, 'selects fields and fragments:');
  if (counts.directives > limits.maxDirectives)
    return over('GRAPHQL_MAX_DIRECTIVES', limits.maxDirectives, counts.directives, 'uses directives:');
  return { document };
}

// graphql 16 words it "more that N tokens".
const TOO_MANY_TOKENS = /Document contains more tha[nt] (\d+) tokens/;

/** graphql's own "more than N tokens" syntax error, as the refusal naming GRAPHQL_MAX_TOKENS; undefined for any other error. */
export function tokenRefusal(err: unknown): DocumentRefusal | undefined {
  const match = err instanceof GraphQLError || err instanceof Error ? TOO_MANY_TOKENS.exec(err.message) : null;
  if (!match) return undefined;
  const max = Number(match[1]);
  return {
    limit: 'GRAPHQL_MAX_TOKENS',
    message: `The document holds more than ${max} tokens; the limit is ${max} (GRAPHQL_MAX_TOKENS).`,
    max,
  };
}

/**
 * In one pass over the text, outside strings and comments: the deepest nesting of `{`, `[` and
 * `(`; the directives (every `@`); and the operations, at least (selection sets opened at the top
 * level, less the `fragment` words there).
 */
export function scanDocument(text: string): { nesting: number; directives: number; operations: number } {
  let depth = 0;
  let nesting = 0;
  let directives = 0;
  let topSets = 0;
  let fragments = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23) {
      // `#` comment, to the end of the line
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22) {
      if (text.startsWith('"""', i)) {
        // Block string: only `\"""` escapes its end.
        i += 3;
        while (i < text.length && !(text.startsWith('"""', i) && text.charCodeAt(i - 1) !== 0x5c)) i++;
        i += 2;
      } else {
        i++;
        while (i < text.length && text.charCodeAt(i) !== 0x22 && text.charCodeAt(i) !== 0x0a) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28) {
      if (depth === 0 && c === 0x7b) topSets++;
      if (++depth > nesting) nesting = depth;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) depth--;
    else if (c === 0x40) directives++;
    else if (
      depth === 0 &&
      c === 0x66 &&
      text.startsWith('fragment', i) &&
      !isNameChar(text.charCodeAt(i - 1)) &&
      !isNameChar(text.charCodeAt(i + 8))
    ) {
      fragments++;
      i += 7;
    }
  }
  return { nesting, directives, operations: Math.max(0, topSets - fragments) };
}

const isNameChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** Operations, selections (fields, spreads, inline fragments) and directives of a document, as written; no recursion. */
export function documentCounts(document: DocumentNode): { operations: number; selections: number; directives: number } {
  let operations = 0;
  let selections = 0;
  let directives = 0;
  const sets: SelectionSetNode[] = [];
  const countDirectives = (list: readonly DirectiveNode[] | undefined) => (directives += list?.length ?? 0);
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) {
      operations++;
      countDirectives(d.directives);
      for (const v of d.variableDefinitions ?? []) countDirectives(v.directives);
      sets.push(d.selectionSet);
    } else if (d.kind === Kind.FRAGMENT_DEFINITION) {
      countDirectives(d.directives);
      sets.push(d.selectionSet);
    }
  }
  for (let set = sets.pop(); set; set = sets.pop()) {
    selections += set.selections.length;
    for (const s of set.selections) {
      countDirectives(s.directives);
      if (s.kind !== Kind.FRAGMENT_SPREAD && s.selectionSet) sets.push(s.selectionSet);
    }
  }
  return { operations, selections, directives };
}
