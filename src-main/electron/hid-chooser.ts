// navigator.hid.requestDevice() lands here (session 'select-hid-device'). Electron has no
// built-in chooser, so the agent approves a telephony headset once in a native dialog; the
// approval is remembered (hid-devices.ts) and later requests pick the approved model silently.
import { dialog, type BrowserWindow, type Session } from 'electron';
import { isTrustedFrame } from './app-origin';
import { approveHidDevice, chooseHidDevice, loadHidApprovals } from './hid-devices';

const texts = {
  'zh-CN': { title: '电话耳麦', message: '允许 Dealerdesk 使用以下电话耳麦吗？', detail: '授权后，耳麦按键（接听、挂断、静音）可直接控制软电话。', cancel: '取消' },
  en: { title: 'Telephony headset', message: 'Allow Dealerdesk to use this headset?', detail: 'Its buttons (answer, hang up, mute) will control the softphone.', cancel: 'Cancel' },
} as const;

export function handleHidSelection(session: Session, options: { dataDir: string; window: () => BrowserWindow | null; locale: () => 'zh-CN' | 'en'; now: () => Date }): void {
  session.on('select-hid-device', (event, details, callback) => {
    event.preventDefault();
    if (!isTrustedFrame(details.frame)) {
      callback();
      return;
    }
    const choice = chooseHidDevice(details.deviceList, loadHidApprovals(options.dataDir));
    if (choice.kind === 'use') {
      callback(choice.device.deviceId);
      return;
    }
    const window = options.window();
    if (choice.kind === 'none' || !window) {
      callback();
      return;
    }
    const text = texts[options.locale()] ?? texts['zh-CN'];
    const buttons = [...choice.candidates.map((device) => device.name || `${hex(device.vendorId)}:${hex(device.productId)}`), text.cancel];
    dialog
      .showMessageBox(window, { type: 'question', title: text.title, message: text.message, detail: text.detail, buttons, cancelId: buttons.length - 1, defaultId: 0, noLink: true })
      .then(({ response }) => {
        const device = choice.candidates[response];
        if (!device) return callback();
        approveHidDevice(options.dataDir, device, options.now());
        callback(device.deviceId);
      })
      .catch(() => callback());
  });
}

function hex(value: number): string {
  return value.toString(16).padStart(4, '0');
}
