import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkGapError, openChunkWriter } from './chunk-writer';

describe('chunk writer', () => {
  it('appends chunks in order, drops replays, refuses gaps, and the file is always a prefix', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dd-chunks-')), 'a', 'b', 'x.webm');
    const w = openChunkWriter(path, 'chunk');
    expect(w.append(0, Buffer.from('abc'), 0)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('abc');
    expect(w.append(0, Buffer.from('abc'), 1)).toBe(false);
    expect(() => w.append(2, Buffer.from('zz'), 2)).toThrow(ChunkGapError);
    expect(w.append(1, Buffer.from('de'), 3)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('abcde');
    expect(w.bytes).toBe(5);
    expect(w.nextSeq).toBe(2);
    w.close();
    expect(() => w.append(2, Buffer.from('f'), 4)).toThrow();
  });

  it('with the interval policy still writes every chunk to the file at once', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dd-chunks-')), 'y.webm');
    const w = openChunkWriter(path, 'interval');
    for (let i = 0; i < 5; i++) w.append(i, Buffer.from([i]), i * 100);
    expect([...readFileSync(path)]).toEqual([0, 1, 2, 3, 4]);
    w.close();
  });
});
