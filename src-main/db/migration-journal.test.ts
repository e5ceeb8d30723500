// drizzle's migrator applies only the migrations dated after the newest one a database has
// applied: a migration whose `when` is older than its predecessor's is silently skipped on every
// desk (and server) that already ran the predecessor. Journals must stay in date order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe.each(['client', 'server'])('the %s migration journal', (folder) => {
  const journal = JSON.parse(readFileSync(join(root, 'migrations', folder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };

  it('numbers its migrations in order and dates each after the one before', () => {
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(entry.tag.startsWith(String(i).padStart(4, '0'))).toBe(true);
      if (i > 0) expect(entry.when, `${entry.tag} must be dated after ${journal.entries[i - 1].tag}`).toBeGreaterThan(journal.entries[i - 1].when);
    });
  });
});
