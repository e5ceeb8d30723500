// Microphone capture and output routing. The chosen devices come from the pure chooser
// (src-shared/domain/softphone/audio-devices.ts); here they are applied: getUserMedia on the
// chosen microphone, setSinkId on the call and ringer elements, and on a device change during a
// call the new microphone track replaces the old one on the existing RTP sender (no
// renegotiation, the m-line stays).
import type { AudioDevice } from '../../../src-shared/domain/softphone/audio-devices';

type SinkElement = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export async function listAudioDevices(): Promise<AudioDevice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const list = await navigator.mediaDevices.enumerateDevices();
  return list.filter((d) => d.kind === 'audioinput' || d.kind === 'audiooutput').map((d) => ({ deviceId: d.deviceId, kind: d.kind, label: d.label, groupId: d.groupId }));
}

export async function captureMicrophone(device: AudioDevice | null): Promise<MediaStream> {
  const audio: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  if (device && device.deviceId !== 'default') audio.deviceId = { exact: device.deviceId };
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video: false });
  } catch {
    // The remembered device vanished between enumerate and capture: fall back to the default.
    return navigator.mediaDevices.getUserMedia({ audio: true, video: false });
  }
}

export async function routeTo(element: HTMLAudioElement, device: AudioDevice | null): Promise<void> {
  const el = element as SinkElement;
  if (!device || typeof el.setSinkId !== 'function') return;
  try {
    await el.setSinkId(device.deviceId);
  } catch {
    // An output that disappeared: the element keeps playing on the default output.
  }
}

/** Swap the microphone on every sender (mid-call headset plug/unplug). */
export async function replaceMicrophone(senders: RTCRtpSender[], stream: MediaStream, muted: boolean): Promise<void> {
  const track = stream.getAudioTracks()[0];
  if (!track) return;
  track.enabled = !muted;
  await Promise.all(senders.filter((s) => s.track === null || s.track.kind === 'audio').map((s) => s.replaceTrack(track)));
}

export function onDeviceChange(listener: () => void): () => void {
  if (!navigator.mediaDevices?.addEventListener) return () => {};
  navigator.mediaDevices.addEventListener('devicechange', listener);
  return () => navigator.mediaDevices.removeEventListener('devicechange', listener);
}
