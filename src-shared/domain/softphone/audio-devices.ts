// Choosing microphone, speaker and ringer. Device ids change between sessions and browsers, so
// choices are remembered by label; a plugged-in USB headset is preferred when nothing
// remembered is present. Labels like "Jabra EVOLVE 20 MS (0b0e:0300)" carry the USB ids,
// which is how Chromium marks USB devices.
export interface AudioDevice {
  deviceId: string;
  kind: 'audioinput' | 'audiooutput' | string;
  label: string;
  groupId?: string;
}

export interface RememberedDevices {
  microphone: string | null;
  speaker: string | null;
  ringer: string | null;
}

export interface DeviceChoice {
  microphone: AudioDevice | null;
  speaker: AudioDevice | null;
  ringer: AudioDevice | null;
}

const usbIds = /\([0-9a-f]{4}:[0-9a-f]{4}\)/i;
const headsetWords = /headset|耳麦|耳机|jabra|plantronics|poly|epos|sennheiser|logitech|blackwire|evolve|savi|voyager/i;

export function isUsbHeadset(device: AudioDevice): boolean {
  return usbIds.test(device.label) || headsetWords.test(device.label);
}

function isDefault(d: AudioDevice): boolean {
  return d.deviceId === 'default' || d.deviceId === 'communications';
}

function pick(list: AudioDevice[], remembered: string | null): AudioDevice | null {
  if (remembered) {
    const byLabel = list.find((d) => d.label === remembered && !isDefault(d)) ?? list.find((d) => d.label === remembered);
    if (byLabel) return byLabel;
  }
  return list.find((d) => !isDefault(d) && isUsbHeadset(d)) ?? list.find(isDefault) ?? list[0] ?? null;
}

export function chooseDevices(devices: readonly AudioDevice[], remembered: RememberedDevices): DeviceChoice {
  const inputs = devices.filter((d) => d.kind === 'audioinput');
  const outputs = devices.filter((d) => d.kind === 'audiooutput');
  const microphone = pick(inputs, remembered.microphone);
  // The speaker follows the chosen headset's group when nothing is remembered for it.
  const sameGroup = !remembered.speaker && microphone?.groupId ? outputs.find((d) => d.groupId === microphone.groupId && !isDefault(d)) : undefined;
  const speaker = sameGroup ?? pick(outputs, remembered.speaker);
  // The ringer defaults to the default output (the desk's loudspeaker), not the headset.
  const ringer = remembered.ringer ? pick(outputs, remembered.ringer) : (outputs.find(isDefault) ?? speaker);
  return { microphone, speaker, ringer };
}

/** Whether a device change removed the device in use (matched by label: ids may be re-issued). */
export function lostDevice(before: AudioDevice | null, after: readonly AudioDevice[]): boolean {
  return before !== null && !after.some((d) => d.kind === before.kind && (d.deviceId === before.deviceId || d.label === before.label));
}
