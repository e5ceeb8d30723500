import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingContainer, resolveRecordingsDir, startsLike } from './config';

describe('recording formats and store folder', () => {
  it('accepts Opus in WebM or Ogg only', () => {
    expect(recordingContainer('audio/webm;codecs=opus')).toBe('webm');
    expect(recordingContainer('Audio/WebM; codecs="opus"')).toBe('webm');
    expect(recordingContainer('audio/ogg')).toBe('ogg');
    expect(recordingContainer('audio/opus')).toBe('ogg');
    expect(recordingContainer('audio/webm;codecs=vorbis')).toBeNull();
    expect(recordingContainer('audio/wav')).toBeNull();
    expect(recordingContainer('video/webm')).toBeNull();
  });

  it('checks the container signature of the first bytes', () => {
    expect(startsLike('webm', Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe(true);
    expect(startsLike('ogg', Buffer.from('OggS\0'))).toBe(true);
    expect(startsLike('webm', Buffer.from('OggS'))).toBe(false);
    expect(startsLike('ogg', Buffer.from('RIFF'))).toBe(false);
  });

  it('puts recordings in the explicit folder, else under the data folder', () => {
    expect(resolveRecordingsDir({ explicit: '/srv/rec', dataDir: '/srv/data' })).toBe(resolve('/srv/rec'));
    expect(resolveRecordingsDir({ dataDir: '/srv/data' })).toBe(join(resolve('/srv/data'), 'recordings'));
    expect(resolveRecordingsDir({ postgres: true })).toMatch(/\.dealerdesk-server[\\/]recordings$/);
    expect(resolveRecordingsDir({})).toBe(resolveRecordingsDir({}));
  });
});
