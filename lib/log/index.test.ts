import { describe, expect, it } from 'vitest';
import { REDACTED_KEYS } from '.';
import { readLogLevel } from './settings';
import { memoryLogger } from '../../test/support/log';

/** What must never reach an operator's log, whoever logs it and however deep (one level) it sits. */
describe('the log', () => {
  it('writes one JSON object a line, with a label level, an ISO time, the module and the fields as given', () => {
    const { logger, entries } = memoryLogger('info');
    logger.child({ module: 'newsroom' }).info({ articleId: 'abcd2345', editorId: 'e1', tags: ['article:abcd2345'], ms: 12 }, 'article published');
    expect(entries()).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        pid: process.pid,
        hostname: expect.any(String),
        module: 'newsroom',
        articleId: 'abcd2345',
        editorId: 'e1',
        tags: ['article:abcd2345'],
        ms: 12,
        msg: 'article published',
      },
    ]);
  });

  it('redacts passwords, tokens, cookies, authorization, secrets and personal addresses, at the top and one level down', () => {
    const { logger, entries } = memoryLogger();
    const secrets = {
      password: 'hunter2-hunter2',
      newPassword: 'correct-horse',
      token: 'a-preview-token',
      csrf: 'a-csrf-token',
      secret: 'the-hmac-key',
      cookie: 'kiji_session=abc',
      authorization: 'Bearer the-revalidate-secret',
      sessionId: 'session-1',
      email: 'reader@example.jp',
      address: '203.0.113.7',
      ip: '2001:db8::1',
      login: 'sato',
      redisUrl: 'redis://:pw@cache.internal:6379',
      databaseUrl: 'postgres://kiji:pw@db.internal/kiji',
    };
    const error = Object.assign(new Error('SMTP refused'), { email: 'reader@example.jp', token: 'confirm-token' });
    logger.warn(
      {
        ...secrets,
        editor: { id: 'e1', login: 'sato', password: 'hunter2-hunter2' },
        headers: { cookie: 'kiji_session=abc', authorization: 'Bearer x', 'set-cookie': 'kiji_session=def', accept: 'text/html' },
        request: { headers: { cookie: 'kiji_session=abc' } },
        subscriber: { email: 'reader@example.jp', id: 7 },
        err: error,
        articleId: 'abcd2345',
      },
      'something happened',
    );
    const [entry] = entries();
    for (const key of Object.keys(secrets)) expect(entry![key], key).toBe('[redacted]');
    expect(entry!.editor).toEqual({ id: 'e1', login: '[redacted]', password: '[redacted]' });
    expect(entry!.headers).toEqual({ cookie: '[redacted]', authorization: '[redacted]', 'set-cookie': '[redacted]', accept: 'text/html' });
    expect(entry!.request).toEqual({ headers: { cookie: '[redacted]' } });
    expect(entry!.subscriber).toEqual({ email: '[redacted]', id: 7 });
    expect(entry!.err).toMatchObject({ message: 'SMTP refused', email: '[redacted]', token: '[redacted]' });
    expect(entry!.articleId).toBe('abcd2345');
    // Nothing of any secret anywhere in the line.
    const line = JSON.stringify(entry);
    for (const value of ['hunter2', 'correct-horse', 'preview-token', 'csrf-token', 'hmac-key', 'kiji_session', 'Bearer', 'reader@', '203.0.113', '2001:db8', 'sato', ':pw@', 'confirm-token']) {
      expect(line, value).not.toContain(value);
    }
    expect(REDACTED_KEYS).toEqual(expect.arrayContaining(['password', 'token', 'cookie', 'authorization', 'secret', 'email', 'address']));
  });

  it('writes what LOG_LEVEL lets through, info by default, and refuses an unknown level', () => {
    expect(readLogLevel({})).toBe('info');
    expect(readLogLevel({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(() => readLogLevel({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
    const { logger, entries } = memoryLogger('info');
    logger.debug('a scheduler tick');
    logger.info('a publish');
    logger.error({ err: new Error('boom') }, 'a failure');
    expect(entries().map((e) => [e.level, e.msg])).toEqual([
      ['info', 'a publish'],
      ['error', 'a failure'],
    ]);
  });
});
