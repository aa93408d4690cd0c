/**
 * A DataLoader batch function for a Zoom route with no batch endpoint: the batch fans out one
 * call per distinct key, and a failed call becomes that key's error instead of failing the batch.
 */
export const eachKey =
  <K, V>(load: (key: K) => Promise<V>) =>
  (keys: readonly K[]): Promise<Array<V | Error>> =>
    Promise.all(keys.map((k) => load(k).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))));
