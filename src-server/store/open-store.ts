// Opens the server database (PGlite by default, PostgreSQL when a URL is given) and applies
// drizzle-kit's migrations from migrations/server/.
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleLite } from 'drizzle-orm/pglite';
import { migrate as migrateLite } from 'drizzle-orm/pglite/migrator';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteSql, postgresSql, type Sql } from './sql';

export type DatabaseConfig = { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string; poolSize?: number };

export function serverMigrationsFolder(): string {
  if (process.env.DEALERDESK_SERVER_MIGRATIONS) return process.env.DEALERDESK_SERVER_MIGRATIONS;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'migrations', 'server');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('migrations/server not found next to the server');
}

export async function openStore(config: DatabaseConfig): Promise<Sql> {
  const migrationsFolder = serverMigrationsFolder();
  if (config.kind === 'pglite') {
    const db = await PGlite.create(config.dataDir, { parsers: { 20: (value: string) => Number(value) } });
    await migrateLite(drizzleLite(db), { migrationsFolder });
    return pgliteSql(db);
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 1 });
  try {
    await migratePg(drizzlePg(pool), { migrationsFolder });
  } finally {
    await pool.end();
  }
  return postgresSql(config.url, config.poolSize ?? 20);
}

export async function ensureDealership(sql: Sql, name: string): Promise<number> {
  const [existing] = await sql.query<{ id: number }>('SELECT id FROM dealerships WHERE name = $1', [name]);
  if (existing) return existing.id;
  const [row] = await sql.query<{ id: number }>('INSERT INTO dealerships (name) VALUES ($1) RETURNING id', [name]);
  return row.id;
}
