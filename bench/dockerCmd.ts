import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOCKERFILE = fileURLToPath(new URL('../Dockerfile', import.meta.url));

/**
 * The Dockerfile's CMD (exec form), e.g. ['node', 'dist/main.js'],
 * so the bench and the tests start the gateway exactly as the image does.
 */
export function dockerCmd(dockerfile = readFileSync(DOCKERFILE, 'utf8')): string[] {
  const lines = dockerfile.split('\n').filter((l) => /^CMD\s+\[/.test(l));
  const last = lines.at(-1);
  if (!last) throw new Error('the Dockerfile has no CMD in exec form');
  const cmd = JSON.parse(last.replace(/^CMD\s+/, '')) as unknown;
  if (!Array.isArray(cmd) || cmd.length < 2 || cmd[0] !== 'node' || !cmd.every((a) => typeof a === 'string')) {
    throw new Error(`the Dockerfile's CMD is not ["node", …]: ${last}`);
  }
  return cmd as string[];
}

/** The arguments after `node`: what to pass to process.execPath. */
export const dockerNodeArgs = (): string[] => dockerCmd().slice(1);
