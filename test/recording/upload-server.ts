// A real HTTP endpoint speaking the recording upload protocol
// (src-shared/domain/recording/upload-protocol.ts), for tests until the dealership server
// (issue 6) adopts it. It keeps what it receives on disk and can cut a connection halfway
// through a chunk, to test resuming.
import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maxUploadChunkBytes, uploadBasePath, UploadCreateSchema, UploadCompleteSchema, type UploadCreate } from '../../src-shared/domain/recording/upload-protocol';

export interface StoredUpload {
  uploadId: string;
  create: UploadCreate;
  offset: number;
  complete: boolean;
  file: string;
}

export interface UploadServer {
  url: string;
  uploads: Map<string, StoredUpload>;
  /** Every PUT the server saw: offset and whether it was stored. */
  puts: { uploadId: string; offset: number; stored: boolean }[];
  /** After this many more body bytes, the next PUT's connection is destroyed mid-body. */
  cutAfterBytes(n: number | null): void;
  /** Refuse every request with a destroyed socket (server "unreachable"). */
  setDown(down: boolean): void;
  bytesOf(recordingUid: string): Buffer | null;
  close(): Promise<void>;
}

export async function startUploadServer(options: { token?: string } = {}): Promise<UploadServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-upload-server-'));
  const uploads = new Map<string, StoredUpload>();
  const byRecording = new Map<string, string>();
  const puts: UploadServer['puts'] = [];
  let cutBudget: number | null = null;
  let down = false;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const view = (u: StoredUpload) => ({ uploadId: u.uploadId, offset: u.offset, bytes: u.create.bytes, complete: u.complete });

  async function body(req: IncomingMessage, limit: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > limit) return null;
      if (cutBudget !== null) {
        cutBudget -= buf.length;
        if (cutBudget <= 0) {
          cutBudget = null;
          req.socket.destroy();
          return null;
        }
      }
      parts.push(buf);
    }
    return Buffer.concat(parts);
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (down) {
        req.socket.destroy();
        return;
      }
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: 'unauthorized' });
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith(uploadBasePath)) return send(res, 404, { error: 'not found' });
      const rest = url.pathname.slice(uploadBasePath.length).split('/').filter(Boolean).map(decodeURIComponent);
      if (req.method === 'POST' && rest.length === 0) {
        const raw = await body(req, 64 * 1024);
        const parsed = raw ? UploadCreateSchema.safeParse(JSON.parse(raw.toString('utf8'))) : null;
        if (!parsed?.success) return send(res, 400, { error: 'bad request' });
        const existing = byRecording.get(parsed.data.recordingUid);
        if (existing) return send(res, 200, view(uploads.get(existing)!));
        const u: StoredUpload = { uploadId: randomUUID(), create: parsed.data, offset: 0, complete: false, file: join(dir, `${parsed.data.recordingUid}.bin`) };
        writeFileSync(u.file, Buffer.alloc(0));
        uploads.set(u.uploadId, u);
        byRecording.set(parsed.data.recordingUid, u.uploadId);
        return send(res, 200, view(u));
      }
      const u = uploads.get(rest[0] ?? '');
      if (!u) return send(res, 404, { error: 'no such upload' });
      if (req.method === 'GET' && rest.length === 1) return send(res, 200, view(u));
      if (req.method === 'PUT' && rest.length === 1) {
        const offset = Number(url.searchParams.get('offset'));
        const raw = await body(req, maxUploadChunkBytes);
        if (raw === null) {
          puts.push({ uploadId: u.uploadId, offset, stored: false });
          if (!res.destroyed) send(res, 413, { error: 'too large' });
          return;
        }
        if (u.complete || offset !== u.offset) {
          puts.push({ uploadId: u.uploadId, offset, stored: false });
          return send(res, 409, view(u));
        }
        if (createHash('sha256').update(raw).digest('hex') !== req.headers['x-chunk-sha256']) return send(res, 422, { error: 'checksum' });
        if (u.offset + raw.length > u.create.bytes) return send(res, 413, { error: 'past end' });
        appendFileSync(u.file, raw);
        u.offset += raw.length;
        puts.push({ uploadId: u.uploadId, offset, stored: true });
        return send(res, 200, view(u));
      }
      if (req.method === 'POST' && rest[1] === 'complete') {
        const raw = await body(req, 4096);
        const parsed = raw ? UploadCompleteSchema.safeParse(JSON.parse(raw.toString('utf8'))) : null;
        if (!parsed?.success) return send(res, 400, { error: 'bad request' });
        if (u.complete) return send(res, 200, view(u));
        if (u.offset !== u.create.bytes) return send(res, 409, view(u));
        const actual = createHash('sha256').update(readFileSync(u.file)).digest('hex');
        if (actual !== parsed.data.sha256 || actual !== u.create.sha256) {
          writeFileSync(u.file, Buffer.alloc(0));
          u.offset = 0;
          return send(res, 422, { error: 'checksum' });
        }
        u.complete = true;
        return send(res, 200, view(u));
      }
      send(res, 405, { error: 'method' });
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    uploads,
    puts,
    cutAfterBytes: (n) => {
      cutBudget = n;
    },
    setDown: (d) => {
      down = d;
    },
    bytesOf(recordingUid) {
      const id = byRecording.get(recordingUid);
      const u = id ? uploads.get(id) : undefined;
      return u?.complete ? readFileSync(u.file) : null;
    },
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
