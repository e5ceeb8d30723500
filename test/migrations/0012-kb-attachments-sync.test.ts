// Migration 0012: attachment rows become synced records; rows stored before it get a uid.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join(__dirname, '../../migrations/client');
const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
const apply = (sqlite: Database.Database, tag: string) => {
  for (const statement of readFileSync(join(folder, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) if (statement.trim()) sqlite.exec(statement);
};

describe('migration 0012-kb-attachments-sync', () => {
  it('gives every existing attachment its own uid and a rev of 0', () => {
    const sqlite = new Database(':memory:');
    for (const entry of journal.entries.filter((e) => e.idx < 12)) apply(sqlite, entry.tag);
    sqlite.prepare(`INSERT INTO kb_articles (uid, slug, title, body, category, status) VALUES ('k1', 'a', 'A', 'x', 'maintenance', 'published')`).run();
    const insert = sqlite.prepare(`INSERT INTO kb_attachments (article_id, name, mime, size, sha256) VALUES (1, ?, 'image/png', 1, ?)`);
    insert.run('a.png', 'a'.repeat(64));
    insert.run('b.png', 'b'.repeat(64));
    apply(sqlite, '0012_kb-attachments-sync');
    const rows = sqlite.prepare('SELECT uid, rev FROM kb_attachments').all() as { uid: string | null; rev: number }[];
    expect(rows.every((r) => typeof r.uid === 'string' && r.uid.length === 32 && r.rev === 0)).toBe(true);
    expect(new Set(rows.map((r) => r.uid)).size).toBe(2);
    expect(() => sqlite.prepare(`UPDATE kb_attachments SET uid = 'same'`).run()).toThrow(/UNIQUE/);
  });
});
