/**
 * What the operations of one HTTP request have been granted so far. Apollo runs each operation
 * of a batch on its own (with a shallow copy of the context), so the limits that apply to the
 * whole request are summed here, in an object every copy shares.
 */
export class RequestBudget {
  cost = 0;
  schemas = 0;
  types = 0;
}
