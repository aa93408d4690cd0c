import { GraphQLError, type ValidationRule } from 'graphql';
import { limitError } from './limitError.js';
import { operationShapes, type Shape } from './shape.js';

/**
 * How much introspection one operation, and one HTTP request, may ask for. The IDEs' and code
 * generators' query asks for `__schema` once; each `__schema` answers with the whole schema,
 * so repeating it (aliases, batches) multiplies the response without any Zoom call to cost.
 */
export const INTROSPECTION_LIMITS = { schemas: 1, types: 10 } as const;

/** The message for a shape over the limits, or undefined within them. */
export function introspectionExcess(
  shape: Pick<Shape, 'schemas' | 'types'>,
  scope: 'operation' | 'request',
): { message: string; max: number; actual: number } | undefined {
  const { schemas, types } = INTROSPECTION_LIMITS;
  const who = scope === 'operation' ? 'The operation asks' : "The request's operations ask";
  if (shape.schemas > schemas) {
    return {
      message: `${who} for __schema ${shape.schemas} times; the limit is ${schemas} per ${scope}.`,
      max: schemas,
      actual: shape.schemas,
    };
  }
  if (shape.types > types) {
    return { message: `${who} for __type ${shape.types} times; the limit is ${types} per ${scope}.`, max: types, actual: shape.types };
  }
  return undefined;
}

/** Rejects operations asking for `__schema` more than once or `__type` more than ten times. */
export function maxIntrospectionRule(): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const shape = operationShapes(context.getDocument()).get(node);
      const excess = shape && introspectionExcess(shape, 'operation');
      if (excess) context.reportError(limitError('INTROSPECTION', excess.message, excess, [node]));
    },
  });
}

/**
 * GRAPHQL_INTROSPECTION=false: `__schema` and `__type` are refused. The gateway's own rule
 * rather than Apollo's, so the rules the request limits validate with are exactly Apollo's.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') {
      context.reportError(
        new GraphQLError(`Introspection is turned off on this gateway (GRAPHQL_INTROSPECTION=false); ${name} is not served.`, {
          nodes: [node],
        }),
      );
    }
  },
});
