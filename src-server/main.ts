// `npm run server`: the dealership server. PGlite (embedded, nothing to install) unless
// --postgres URL is given; --data-dir keeps PGlite's files (default: in memory). With --demo N
// a new dealership is filled with N demo customers and demo users (password printed).
// TLS: --tls-cert and --tls-key (PEM paths). Token secret: DEALERDESK_TOKEN_SECRET (hex), else a
// random one per start (desks then sign in again through their refresh tokens).
// Call recordings: --recordings-dir (or DEALERDESK_RECORDINGS_DIR), default <data-dir>/recordings;
// --recordings-max-mb (or DEALERDESK_RECORDINGS_MAX_MB) caps one recording, default 256.
// KB attachment bytes: --blobs-dir (or DEALERDESK_BLOBS_DIR), default <data-dir>/blobs.
// --rotate-sms-reply-secret: a new secret for the SMS provider's reply callback URL, printed once
// (the old URL stops working; admins can also POST /admin/sms-replies/secret).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AuthService } from './auth/auth-service';
import { demoRows } from './demo/demo-data';
import { buildServer } from './http/app';
import { resolveBlobsDir } from './blobs/config';
import { defaultMaxRecordingBytes, resolveRecordingsDir } from './recordings/config';
import { bulkLoad } from './store/bulk-load';
import { ensureDealership, openStore } from './store/open-store';
import { rotateReplySecret } from './sms-replies/reply-store';
import { callbackPaths } from './sms-replies/routes-sms-replies';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    postgres: { type: 'string' },
    demo: { type: 'string', default: '0' },
    dealership: { type: 'string', default: '演示4S店' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'min-desk-schema': { type: 'string' },
    'recordings-dir': { type: 'string' },
    'recordings-max-mb': { type: 'string' },
    'blobs-dir': { type: 'string' },
    'rotate-sms-reply-secret': { type: 'boolean', default: false },
  },
});

const sql = await openStore(args.postgres ? { kind: 'postgres', url: args.postgres } : { kind: 'pglite', dataDir: args['data-dir'] });
const dealershipId = await ensureDealership(sql, args.dealership!);
if (args['rotate-sms-reply-secret']) {
  const paths = callbackPaths(await rotateReplySecret(sql, dealershipId, new Date()));
  console.log(`SMS reply callback (configure it at the provider, behind this server's public address): Alibaba Cloud ${paths.aliyun}, other providers ${paths.generic}`);
}
const auth = {
  tokenSecret: process.env.DEALERDESK_TOKEN_SECRET ? Buffer.from(process.env.DEALERDESK_TOKEN_SECRET, 'hex') : randomBytes(32),
  accessTtlSeconds: 15 * 60,
  refreshTtlSeconds: 30 * 86400,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
};
const demo = Number(args.demo);
const [{ n: customers }] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE dealership_id = $1', [dealershipId]);
if (demo > 0 && customers === 0) {
  const started = Date.now();
  const rows = demoRows(demo);
  await bulkLoad(sql, dealershipId, 'customers', rows.customers);
  await bulkLoad(sql, dealershipId, 'phones', rows.phones);
  await bulkLoad(sql, dealershipId, 'vehicles', rows.vehicles);
  await bulkLoad(sql, dealershipId, 'service_visits', rows.visits);
  const service = new AuthService(sql, auth);
  const password = 'demo-password';
  for (const [username, role, advisorName] of [['admin', 'admin'], ['agent', 'agent'], ['supervisor', 'supervisor'], ['sales', 'sales'], ['advisor', 'advisor', '王顾问']] as const) {
    const [exists] = await sql.query('SELECT 1 FROM users WHERE username = $1', [username]);
    if (!exists) await service.createUser({ dealershipId, username, password, role, advisorName });
  }
  console.log(`demo data: ${rows.customers.length} customers, ${rows.vehicles.length} vehicles in ${((Date.now() - started) / 1000).toFixed(1)} s; users admin/agent/supervisor/sales/advisor, password ${password}`);
}
const tls = args['tls-cert'] && args['tls-key'] ? { certPath: args['tls-cert'], keyPath: args['tls-key'] } : undefined;
const maxMb = Number(args['recordings-max-mb'] ?? process.env.DEALERDESK_RECORDINGS_MAX_MB ?? 0);
const recordings = {
  dir: resolveRecordingsDir({ explicit: args['recordings-dir'] ?? process.env.DEALERDESK_RECORDINGS_DIR, dataDir: args['data-dir'], postgres: Boolean(args.postgres) }),
  maxBytes: maxMb > 0 ? Math.round(maxMb * 1024 * 1024) : defaultMaxRecordingBytes,
};
const blobs = { dir: resolveBlobsDir({ explicit: args['blobs-dir'] ?? process.env.DEALERDESK_BLOBS_DIR, dataDir: args['data-dir'], postgres: Boolean(args.postgres) }) };
const { app } = await buildServer({ sql, auth, tls, minDeskSchema: args['min-desk-schema'] ? Number(args['min-desk-schema']) : undefined, recordings, blobs });
await app.listen({ port: Number(args.port), host: args.host });
console.log(`dealership server on ${tls ? 'https' : 'http'}://${args.host}:${args.port} (${sql.kind}); recordings in ${recordings.dir}`);
const stop = async () => {
  await app.close();
  await sql.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
