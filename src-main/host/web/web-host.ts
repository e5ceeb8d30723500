// The browser host: serves the built renderer on 127.0.0.1 and binds the contract over one
// WebSocket per window (framing in src-shared/contract/wire.ts). Same desk, same services as the
// Electron host; only the transport differs. Only pages served by this host may connect: the
// Origin check stops any other web page in the user's browser from driving the desk.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CallFrameSchema, contractSocketPath, maxFrameBytes } from '../../../src-shared/contract/wire';
import type { Desk } from '../desk';
import { serveStatic } from './static-files';

export interface WebHost {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function startWebHost(desk: Desk, options: { rendererDir: string; port?: number; host?: string }): Promise<WebHost> {
  const hostname = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(options.rendererDir, req.url ?? '/', res);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });

  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    const port = (server.address() as AddressInfo).port;
    const allowedOrigins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://${hostname}:${port}`];
    if (path !== contractSocketPath || !allowedOrigins.includes(req.headers.origin ?? '')) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => bindSocket(desk, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${hostname}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function bindSocket(desk: Desk, ws: WebSocket): void {
  const unsubscribe = desk.onEvent((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  ws.on('close', unsubscribe);
  ws.on('message', async (data, isBinary) => {
    if (isBinary) return;
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      ws.send(JSON.stringify({ id: -1, result: { ok: false, error: { code: 'invalid-input', message: 'frame is not JSON' } } }));
      return;
    }
    const call = CallFrameSchema.safeParse(frame);
    if (!call.success) {
      const id = typeof (frame as { id?: unknown })?.id === 'number' ? (frame as { id: number }).id : -1;
      ws.send(JSON.stringify({ id, result: { ok: false, error: { code: 'invalid-input', message: 'malformed call frame' } } }));
      return;
    }
    const result = await desk.dispatch(call.data.method, call.data.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: call.data.id, result }));
  });
}
