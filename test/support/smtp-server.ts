import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests (unit and e2e), on a port of the test's
 * choosing: it receives what the outbox worker sends, and decodes just
 * enough MIME (headers, the text/plain part) for a test to read a mail and
 * follow its links. Test support only: smtp-server is a dev dependency.
 */

export type ReceivedMail = {
  envelopeTo: string[];
  /** Header names lowercased, folded lines joined. */
  headers: Map<string, string>;
  text: string;
  raw: string;
};

export type TestSmtpServer = {
  port: number;
  received: ReceivedMail[];
  /** Recipients answered with 550 (a permanent failure). */
  rejecting: Set<string>;
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
};

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

/** The headers and the decoded text/plain part of a raw message. */
export function parseMail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = splitHeaders(raw.slice(0, split));
  let body = raw.slice(split + 4);
  let partHeaders = headers;
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1);
    const textPart = parts.find((p) => /content-type:\s*text\/plain/i.test(p.slice(0, p.indexOf('\r\n\r\n')))) ?? parts[0] ?? '';
    const at = textPart.indexOf('\r\n\r\n');
    partHeaders = splitHeaders(textPart.slice(0, at));
    body = textPart.slice(at + 4);
  }
  return { headers, text: decodeBody(body, partHeaders.get('content-transfer-encoding')) };
}

/** Starts the server on 127.0.0.1:`port` (plain SMTP, no auth, no STARTTLS). */
export async function startTestSmtpServer(port: number): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const rejecting = new Set<string>();
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejecting.has(address.address)) {
        const error = Object.assign(new Error('No such user here'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, ...parseMail(raw) });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    received,
    rejecting,
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (received ${received.length})`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
