// The Electron preload as scripts/build-preload.mjs bundles it: the contract's method and event
// names inlined, none of its schemas (the preload of every window used to carry ≈ 850 KB of zod).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../../src-shared/contract/index';

const root = `${join(import.meta.dirname, '..', '..')}/`;

describe('the bundled preload', () => {
  it('names every contract method and event and carries no schema code', async () => {
    const { buildPreload } = (await import(pathToFileURL(join(root, 'scripts', 'build-preload.mjs')).href)) as { buildPreload(root: string, options: { write: boolean }): Promise<string> };
    const code = await buildPreload(root, { write: false });
    for (const name of [...methodNames, ...eventNames]) expect(code).toContain(JSON.stringify(name));
    expect(code).not.toMatch(/zod|safeParse|ZodError/);
    expect(code.length).toBeLessThan(20_000);
    expect(code).toMatch(/require\("electron"\)/);
  }, 30_000);
});
