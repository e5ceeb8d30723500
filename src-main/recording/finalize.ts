// Finalizing a recording file. MediaRecorder's WebM has no duration and no cues (players cannot
// show the length or seek well): ffmpeg remuxes it (`-c copy`, no re-encoding) into a file with
// both. The remux goes to a temp file and replaces the original by rename only when ffmpeg and
// ffprobe both succeeded; otherwise the original stays as recorded (still playable).
// ffmpeg/ffprobe: DEALERDESK_FFMPEG / DEALERDESK_FFPROBE, else from PATH.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';

export interface FinalizeResult {
  remuxed: boolean;
  /** From the container after remux; null when unknown. */
  durationMs: number | null;
  bytes: number;
  sha256: string;
  error: string | null;
}

const ffmpeg = () => process.env.DEALERDESK_FFMPEG ?? 'ffmpeg';
const ffprobe = () => process.env.DEALERDESK_FFPROBE ?? 'ffprobe';

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr || (error ? error.message : '')) });
    });
  });
}

export async function probeDurationMs(path: string): Promise<number | null> {
  const probe = await run(ffprobe(), ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], 30_000);
  const seconds = Number.parseFloat(probe.stdout.trim());
  return probe.ok && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function finalizeRecordingFile(path: string): Promise<FinalizeResult> {
  const temp = `${path}.remux.webm`;
  let remuxed = false;
  let durationMs: number | null = null;
  let error: string | null = null;
  const size = existsSync(path) ? statSync(path).size : 0;
  if (size > 0) {
    const result = await run(ffmpeg(), ['-hide_banner', '-loglevel', 'error', '-y', '-i', path, '-c', 'copy', '-f', 'webm', temp], 10 * 60_000);
    if (result.ok && existsSync(temp) && statSync(temp).size > 0) {
      durationMs = await probeDurationMs(temp);
      if (durationMs !== null) {
        renameSync(temp, path);
        remuxed = true;
      } else error = 'ffprobe found no duration in the remuxed file';
    } else error = `ffmpeg: ${result.stderr.trim().slice(0, 300) || 'failed'}`;
  } else error = 'empty file';
  if (!remuxed) rmSync(temp, { force: true });
  const bytes = existsSync(path) ? statSync(path).size : 0;
  return { remuxed, durationMs, bytes, sha256: bytes > 0 ? await sha256File(path) : '', error };
}
