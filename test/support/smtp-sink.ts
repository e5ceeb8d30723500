// A real SMTP server for tests (smtp-server) that can be stopped and started again on the same
// port (the offline case), and a small MIME reader written from RFC 2045/2046/2047 — not from
// nodemailer — so the tests check what actually arrived: headers, the text and HTML parts, the
// attachments and their Content-IDs.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtpSink(options: { user?: string; password?: string; port?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;
  const make = () =>
    new SMTPServer({
      authOptional: !options.user,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, cb) {
        cb(auth.username === options.user && auth.password === options.password ? null : new Error('bad login'), { user: auth.username });
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const from = session.envelope.mailFrom ? (session.envelope.mailFrom as { address: string }).address : '';
          received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
          cb();
        });
      },
    });
  const sink: SmtpSink = {
    get port() {
      return port;
    },
    received,
    async start() {
      server = make();
      await new Promise<void>((resolve, reject) => {
        server!.server.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
      port = (server.server.address() as AddressInfo).port;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
  };
  await sink.start();
  return sink;
}

export interface MimePart {
  headers: Record<string, string>;
  contentType: string;
  params: Record<string, string>;
  /** Decoded body bytes (leaf parts). */
  body: Buffer;
  parts: MimePart[];
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=\s*(?==\?)|=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g, (_m, c1, e1, t1, c2, e2, t2) => {
    const enc = (e1 ?? e2).toUpperCase();
    const text = t1 ?? t2;
    const bytes = enc === 'B' ? Buffer.from(text, 'base64') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x: string, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    void (c1 ?? c2);
    return bytes.toString('utf8');
  });
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  return headers;
}

function headerParams(value: string): { value: string; params: Record<string, string> } {
  const [first, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  const continued: Record<string, [number, string][]> = {};
  for (const p of rest) {
    const i = p.indexOf('=');
    if (i <= 0) continue;
    const key = p.slice(0, i).trim().toLowerCase();
    const value = p.slice(i + 1).trim().replace(/^"|"$/g, '');
    const piece = /^([^*]+)\*(\d+)\*?$/.exec(key);
    if (piece) (continued[piece[1]] ??= []).push([Number(piece[2]), value]);
    else params[key.replace(/\*$/, '')] = value;
  }
  for (const [key, pieces] of Object.entries(continued)) params[key] = pieces.sort((a, b) => a[0] - b[0]).map((x) => x[1]).join('');
  return { value: first.trim().toLowerCase(), params };
}

function decodeBody(raw: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(raw.replace(/\s/g, ''), 'base64');
    case 'quoted-printable':
      return Buffer.from(raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    default:
      return Buffer.from(raw, 'latin1');
  }
}

export function parseMime(raw: string): MimePart {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const body = split < 0 ? '' : raw.slice(split + 4);
  const { value: contentType, params } = headerParams(headers['content-type'] ?? 'text/plain');
  if (contentType.startsWith('multipart/') && params.boundary) {
    const chunks = body.split(`--${params.boundary}`);
    const parts = chunks.slice(1).filter((c) => !c.startsWith('--')).map((c) => parseMime(c.replace(/^\r\n/, '').replace(/\r\n$/, '')));
    return { headers, contentType, params, body: Buffer.alloc(0), parts };
  }
  return { headers, contentType, params, body: decodeBody(body, headers['content-transfer-encoding']), parts: [] };
}

export function leafParts(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leafParts) : [part];
}

/** A part's file name from Content-Disposition or Content-Type (RFC 2231 UTF-8 names too). */
export function fileNameOf(part: MimePart): string | null {
  const disposition = headerParams(part.headers['content-disposition'] ?? '').params;
  const name = disposition.filename ?? part.params.name ?? null;
  if (!name) return null;
  const rfc2231 = /^utf-8'[^']*'(.*)$/i.exec(name);
  return rfc2231 ? decodeURIComponent(rfc2231[1]) : name;
}
