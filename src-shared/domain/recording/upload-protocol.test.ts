import { describe, expect, it } from 'vitest';
import { maxUploadChunkBytes, nextChunk, uploadBackoffMs, uploadPath } from './upload-protocol';

describe('upload protocol', () => {
  it('walks the file from the server offset in bounded chunks', () => {
    expect(nextChunk(0, 10, 4)).toEqual({ start: 0, end: 4 });
    expect(nextChunk(8, 10, 4)).toEqual({ start: 8, end: 10 });
    expect(nextChunk(10, 10, 4)).toBeNull();
    expect(nextChunk(0, 100 * 1024 * 1024, 1e9)!.end).toBe(maxUploadChunkBytes);
  });

  it('escapes upload ids in paths', () => {
    expect(uploadPath()).toBe('/api/recordings/uploads');
    expect(uploadPath('a/b', 'complete')).toBe('/api/recordings/uploads/a%2Fb/complete');
  });

  it('backs off exponentially up to a cap', () => {
    expect(uploadBackoffMs(0)).toBe(0);
    expect(uploadBackoffMs(1)).toBe(5000);
    expect(uploadBackoffMs(2)).toBe(10_000);
    expect(uploadBackoffMs(50)).toBe(600_000);
  });
});
