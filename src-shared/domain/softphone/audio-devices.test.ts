import { describe, expect, it } from 'vitest';
import { chooseDevices, lostDevice, type AudioDevice } from './audio-devices';

const devices: AudioDevice[] = [
  { deviceId: 'default', kind: 'audioinput', label: 'Default - Built-in Microphone', groupId: 'g0' },
  { deviceId: 'm1', kind: 'audioinput', label: 'Built-in Microphone', groupId: 'g0' },
  { deviceId: 'm2', kind: 'audioinput', label: 'Jabra EVOLVE 20 MS (0b0e:0300)', groupId: 'g1' },
  { deviceId: 'default', kind: 'audiooutput', label: 'Default - Speakers', groupId: 'g0' },
  { deviceId: 's1', kind: 'audiooutput', label: 'Speakers', groupId: 'g0' },
  { deviceId: 's2', kind: 'audiooutput', label: 'Jabra EVOLVE 20 MS (0b0e:0300)', groupId: 'g1' },
];

describe('chooseDevices', () => {
  it('prefers a USB headset for mic and speaker, rings on the default output', () => {
    const c = chooseDevices(devices, { microphone: null, speaker: null, ringer: null });
    expect(c.microphone?.deviceId).toBe('m2');
    expect(c.speaker?.deviceId).toBe('s2');
    expect(c.ringer?.deviceId).toBe('default');
  });
  it('remembers by label even when ids change', () => {
    const renumbered = devices.map((d) => (d.deviceId === 'm1' ? { ...d, deviceId: 'zz' } : d));
    const c = chooseDevices(renumbered, { microphone: 'Built-in Microphone', speaker: 'Speakers', ringer: 'Speakers' });
    expect(c.microphone?.deviceId).toBe('zz');
    expect(c.speaker?.deviceId).toBe('s1');
    expect(c.ringer?.deviceId).toBe('s1');
  });
  it('detects an unplugged device', () => {
    expect(lostDevice(devices[2], devices.filter((d) => d.deviceId !== 'm2'))).toBe(true);
    expect(lostDevice(devices[2], devices)).toBe(false);
  });
});
