import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface Replica {
  readonly url: string;
  readonly pid: number;
  /** Every log line (pino JSON) the process wrote to stdout and stderr. */
  readonly logs: string[];
  /** SIGKILL: no drain, no lock release, no store close — as a crashed container. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
}

export interface Replicas {
  readonly replicas: Replica[];
  stopAll(): Promise<void>;
}

const ENTRY = 'src/main.ts';

/** Starts one real gateway process (`node --import tsx src/main.ts`) and waits until it listens. */
export async function startReplica(env: Record<string, string>, timeoutMs = 45_000): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A process that never listened must not outlive the test.
      child.kill('SIGKILL');
      reject(new Error(`gateway did not listen within ${timeoutMs} ms:\n${logs.join('\n')}`));
    }, timeoutMs);
    const onLine = (line: string) => {
      logs.push(line);
      const address = listeningAddress(line);
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${String(code)} before listening:\n${logs.join('\n')}`));
    });
  });
  return replicaOf(child, url, logs, exited);
}

function listeningAddress(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: string; address?: string };
    return entry.msg === 'gateway listening' ? entry.address : undefined;
  } catch {
    return undefined;
  }
}

function replicaOf(child: ChildProcess, url: string, logs: string[], exited: Promise<unknown>): Replica {
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    pid: child.pid ?? -1,
    logs,
    async kill9() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** N gateways with the same environment (same store, same namespace), started in parallel. */
export async function startReplicas(n: number, env: Record<string, string>): Promise<Replicas> {
  const settled = await Promise.allSettled(Array.from({ length: n }, () => startReplica(env)));
  const replicas = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(replicas.map((r) => r.kill9()));
    throw failed.reason;
  }
  return { replicas, stopAll: () => Promise.all(replicas.map((r) => r.stop())).then(() => undefined) };
}

/** POSTs a GraphQL operation to one replica. */
export async function gqlAt<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return { status: res.status, ...body };
}
