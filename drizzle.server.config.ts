import { defineConfig } from 'drizzle-kit';

// The dealership server's schema (PostgreSQL / PGlite); the desk's is drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-server/db/schema.ts',
  out: './migrations/server',
});
