import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { requestLoggers } from '../../src/http/requestLogger.js';
import { createLogger } from '../../src/logger.js';

function capture(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const root = createLogger(level, sink);
  return { root, lines, factory: requestLoggers(root) };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('request loggers: made on the first logged line, logging as the child Fastify would make', () => {
  it('drops lines below the level and logs the others with the request id, redacted', async () => {
    const { root, lines, factory } = capture('warn');
    const log = factory(root, { reqId: 'req-1' }, {});
    expect(log.level).toBe('warn');
    log.info({ step: 'hidden' }, 'below the level');
    log.debug('below the level');
    log.warn({ token: 'tok_secret_value', step: 'shown' }, 'at the level');
    log.error('above the level');
    await flush();
    expect(lines.map((l) => [l.msg, l.reqId, l.level])).toEqual([
      ['at the level', 'req-1', 40],
      ['above the level', 'req-1', 50],
    ]);
    expect(lines[0]).toMatchObject({ step: 'shown', token: '[redacted]', service: 'zoom-graphql-gateway' });
  });

  it("honours a route's own level, above or below the logger's", async () => {
    const { root, lines, factory } = capture('info');
    const quiet = factory(root, { reqId: 'req-quiet' }, { level: 'error' });
    expect(quiet.level).toBe('error');
    quiet.info('dropped');
    quiet.warn('dropped');
    quiet.error('kept');
    const chatty = factory(root, { reqId: 'req-chatty' }, { level: 'debug' });
    chatty.debug('kept too');
    chatty.trace('dropped');
    await flush();
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['kept', 'req-quiet'],
      ['kept too', 'req-chatty'],
    ]);
  });

  it('children and level changes carry the request id', async () => {
    const { root, lines, factory } = capture('warn');
    const log = factory(root, { reqId: 'req-2' }, {});
    log.child({ part: 'webhook' }).warn('from a child');
    log.level = 'info';
    log.info('after lowering the level');
    await flush();
    expect(lines.map((l) => [l.msg, l.reqId, l.part])).toEqual([
      ['from a child', 'req-2', 'webhook'],
      ['after lowering the level', 'req-2', undefined],
    ]);
  });
});
