// Free space where recordings are written. Warns (event + status); never stops a call.
import { statfsSync } from 'node:fs';
import { diskLevel } from '../../src-shared/domain/recording/policy';
import type { DiskStatus, RecordingSettings } from '../../src-shared/contract/recording';

export function diskStatus(dir: string, settings: Pick<RecordingSettings, 'diskLowMb' | 'diskCriticalMb'>, statfs: (dir: string) => { bavail: number | bigint; blocks: number | bigint; bsize: number | bigint } = statfsSync): DiskStatus {
  try {
    const s = statfs(dir);
    const freeBytes = Number(s.bavail) * Number(s.bsize);
    const totalBytes = Number(s.blocks) * Number(s.bsize);
    const mb = 1024 * 1024;
    return { freeBytes, totalBytes, level: diskLevel(freeBytes, { lowBytes: settings.diskLowMb * mb, criticalBytes: settings.diskCriticalMb * mb }) };
  } catch {
    return { freeBytes: -1, totalBytes: -1, level: 'ok' };
  }
}
