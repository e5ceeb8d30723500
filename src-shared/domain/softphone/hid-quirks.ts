// Per-model deviations from the HID telephony usages, kept small on purpose: the report layout
// always comes from the descriptor; quirks only change how values are interpreted.
// Sources:
// - Jabra: mute must be echoed on LED Microphone (0x08/0x21) as well as LED Mute, or the
//   headset times out and resets its mute state (WICG/webhid#72, nondebug 2021-06-23, citing
//   Jabra's HID developer notes); Answer/End reports repeat ~2 s apart (WICG/webhid#61).
// - Poly/Plantronics: Phone Mute is a relative (toggle) control, reported 1 then 0 per press
//   (WICG/webhid#72; Blackwire 3220 descriptor in libusb/hidapi windows/test/data).
// - EPOS/Sennheiser: hook switch reported as a momentary "talk" press rather than a state on
//   older SC-series controls (CounterPath HID profile 1395-0039.cps, "talk" state 0).
export interface HeadsetQuirks {
  /** Also drive LED Microphone when muting. */
  echoMuteOnMicrophoneLed: boolean;
  /** Hook switch is a press-to-toggle button even if the descriptor says absolute. */
  hookSwitchIsToggle: boolean;
}

export const defaultQuirks: HeadsetQuirks = Object.freeze({ echoMuteOnMicrophoneLed: false, hookSwitchIsToggle: false });

interface QuirkEntry {
  vendorId: number;
  productId?: number;
  quirks: Partial<HeadsetQuirks>;
}

export const quirkTable: readonly QuirkEntry[] = [
  { vendorId: 0x0b0e, quirks: { echoMuteOnMicrophoneLed: true } }, // Jabra (GN Audio)
  { vendorId: 0x1395, productId: 0x0039, quirks: { hookSwitchIsToggle: true } }, // Sennheiser SC 660 control
];

export function quirksFor(vendorId: number, productId: number): HeadsetQuirks {
  let q: HeadsetQuirks = { ...defaultQuirks };
  for (const e of quirkTable) if (e.vendorId === vendorId && (e.productId === undefined || e.productId === productId)) q = { ...q, ...e.quirks };
  return q;
}
