// The initial sync's download order (snapshot-download.ts) against an in-memory server that
// answers as src-server/store/snapshot-page.ts does: every row written once, in uid order,
// with at most two pages asked ahead, also when rows arrive inside a range after its
// boundaries were read, when the server gives no boundaries, and when resuming mid-entity.
// The real server and desk run the same code in test/sync/initial-sync.test.ts.
import { describe, expect, it } from 'vitest';
import { syncEntities, type SyncEntity } from '../../src-shared/domain/sync/entities';
import type { SnapshotPage } from '../../src-shared/domain/sync/protocol';
import { downloadSnapshot, type SnapshotSource } from './snapshot-download';
import type { SnapshotPosition } from './sync-state';

const limit = 10;

function fakeServer(rows: Partial<Record<SyncEntity, string[]>>, options: { boundaries?: boolean; onPage?: (entity: SyncEntity, after: string) => void } = {}) {
  const sorted = (entity: SyncEntity) => [...(rows[entity] ?? [])].sort();
  let open = 0;
  let mostOpen = 0;
  const asked: string[] = [];
  const source: SnapshotSource = {
    async boundaries(entity, after) {
      if (options.boundaries === false) return [];
      return sorted(entity).filter((uid) => uid > after).filter((_, i) => (i + 1) % limit === 0);
    },
    async page(entity, after, until) {
      open++;
      mostOpen = Math.max(mostOpen, open);
      asked.push(`${entity}:${after}:${until ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      options.onPage?.(entity, after);
      const inRange = sorted(entity).filter((uid) => uid > after && (until === null || uid <= until));
      const page = inRange.slice(0, limit);
      open--;
      const more = inRange.length > limit;
      const body: SnapshotPage = { entity, rows: page.map((uid) => [uid, 1]), nextAfter: more ? page[page.length - 1] : until, serverRev: 7 };
      return body;
    },
  };
  return { source, mostOpen: () => mostOpen, asked };
}

async function download(source: SnapshotSource, start: SnapshotPosition = { entity: syncEntities[0] as SyncEntity, after: '', r0: null, rows: 0 }) {
  const written: string[] = [];
  const positions: (SnapshotPosition | null)[] = [];
  await downloadSnapshot(source, start, (page, current, next) => {
    expect(current.r0).toBe(7);
    written.push(...page.rows.map((r) => `${page.entity}:${r[0]}`));
    positions.push(next);
  });
  return { written, positions };
}

const uids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

describe('snapshot download', () => {
  it('writes every row once in uid order, with two pages asked ahead', async () => {
    const server = fakeServer({ customers: uids('c', 95), phones: uids('p', 30), vehicles: uids('v', 10) });
    const { written, positions } = await download(server.source);
    expect(written).toEqual([...uids('c', 95).map((u) => `customers:${u}`), ...uids('p', 30).map((u) => `phones:${u}`), ...uids('v', 10).map((u) => `vehicles:${u}`)]);
    expect(server.mostOpen()).toBe(2);
    expect(server.asked).toContain('customers:c0009:c0019'); // explicit ranges between boundaries
    expect(positions.at(-1)).toBeNull();
    expect(positions[0]).toMatchObject({ entity: 'customers', after: 'c0009', rows: 10 });
  });

  it('asks for the rest of a range that filled up with rows added after its boundaries were read', async () => {
    const rows = { customers: uids('c', 40) };
    let added = false;
    const server = fakeServer(rows, {
      onPage: (entity, after) => {
        if (entity === 'customers' && after === 'c0009' && !added) {
          added = true;
          rows.customers.push('c0012a', 'c0012b', 'c0015a'); // inside (c0009, c0019]
        }
      },
    });
    const { written } = await download(server.source);
    expect(written.filter((w) => w.startsWith('customers:'))).toEqual([...rows.customers].sort().map((u) => `customers:${u}`));
    expect(server.asked).toContain('customers:c0016:c0019'); // the range's first page ended at its 10th row, c0016
  });

  it('goes page by page from nextAfter when the server gives no boundaries', async () => {
    const server = fakeServer({ customers: uids('c', 35) }, { boundaries: false });
    const { written } = await download(server.source);
    expect(written).toEqual(uids('c', 35).map((u) => `customers:${u}`));
    expect(server.mostOpen()).toBe(1);
    expect(server.asked.filter((a) => a.startsWith('customers:'))).toEqual(['customers::', 'customers:c0009:', 'customers:c0019:', 'customers:c0029:']);
  });

  it('resumes after the last page written, in the middle of an entity', async () => {
    const server = fakeServer({ customers: uids('c', 45), phones: uids('p', 5) });
    const { written } = await download(server.source, { entity: 'customers', after: 'c0019', r0: 7, rows: 20 });
    expect(written).toEqual([...uids('c', 45).slice(20).map((u) => `customers:${u}`), ...uids('p', 5).map((u) => `phones:${u}`)]);
  });
});
