import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach } from 'vitest';

export interface GatewayChild {
  child: ChildProcess;
  /** Every JSON log line, parsed. */
  lines: Array<Record<string, unknown>>;
  /** Everything written to stderr, and stdout lines that are not JSON (npm's banner). */
  text(): string;
  /** The first log line whose message starts with `msg`; throws when the process exits first. */
  waitFor(msg: string): Promise<Record<string, unknown>>;
  /** The address from "gateway listening". */
  address(): Promise<string>;
  /** Exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after 10 s; to the whole process group (npm runs node under a shell). */
  stop(): Promise<void>;
}

/** Only what node and npm need: nothing from the test's environment reaches the gateway's config. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Starts `command args` in its own process group and collects its output. */
export function spawnGateway(command: string, args: string[], opts: { cwd: string; env: Record<string, string> }): GatewayChild {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: { ...baseEnv(), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: Array<Record<string, unknown>> = [];
  const other: string[] = [];
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      if (part.startsWith('{')) lines.push(JSON.parse(part) as Record<string, unknown>);
      else other.push(part);
    }
    wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => other.push(chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  void exited.then(wake);
  const text = () => other.join('\n');
  const waitFor = async (msg: string) => {
    for (;;) {
      const line = lines.find((l) => typeof l.msg === 'string' && l.msg.startsWith(msg));
      if (line) return line;
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`gateway exited (${child.exitCode ?? child.signalCode}) before logging "${msg}":\n${text()}`);
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  let stopping: Promise<void> | undefined;
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  return {
    child,
    lines,
    text,
    waitFor,
    address: async () => String((await waitFor('gateway listening')).address),
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/** An afterEach that stops every process passed to `track`. */
export function stopProcessesAfterEach(): (g: GatewayChild) => GatewayChild {
  const running: GatewayChild[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((g) => g.stop()));
  });
  return (g) => (running.push(g), g);
}

/** `users(status: ACTIVE)` over HTTP, as a newcomer would ask it. */
export async function activeUsers(address: string): Promise<{
  status: number;
  body: { data?: { users: { nodes: unknown[] } | null }; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}> {
  const res = await fetch(`${address}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ users(status: ACTIVE, first: 5) { nodes { id email } } }' }),
  });
  return { status: res.status, body: (await res.json()) as never };
}
