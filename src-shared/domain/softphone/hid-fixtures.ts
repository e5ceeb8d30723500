// Report descriptors of real headsets, byte for byte, for the HID tests and the e2e fake device.
// Only descriptors dumped from real devices are listed as such; their source is given.

/** Poly/Plantronics Blackwire 3220 (047F:C056), interface 3, telephony collection (usage page
 * 0x0B). Dumped with macOS USB Prober; libusb/hidapi windows/test/data/047F_C056_0005_000B_real.rpt_desc
 * (commit 26b5bb0c). Mute is a relative input, each LED its own output report. */
export const plantronicsBlackwire3220Telephony = hex(`
05 0B 09 05 A1 01 85 08 15 00 25 01 09 2F 75 01 95 01 81 06 09 20 09 21 75
01 95 02 81 22 95 05 81 01 05 08 85 09 09 09 95 01 91 22 95 07 91 01 85 17
09 17 95 01 91 22 95 07 91 01 85 18 09 18 95 01 91 22 95 07 91 01 85 1E 09
1E 95 01 91 22 95 07 91 01 85 20 09 20 95 01 91 22 95 07 91 01 85 2A 09 2A
95 01 91 22 95 07 91 01 C0`);

/** Logitech USB Headset (046D:0A37), consumer-control interface: volume and mute keys only,
 * no telephony page. libusb/hidapi windows/test/data/046D_0A37_0001_000C_real.rpt_desc. */
export const logitechUsbHeadsetConsumer = hex(`
05 0C 09 01 A1 01 85 01 15 00 25 01 09 E9 09 EA 75 01 95 02 81 02 09 E2 95 01 81 06 09 00 95
02 81 03 09 36 A1 02 05 09 19 01 29 02 75 02 95 01 15 01 25 02 81 40 C0 05 0C 09 00 15 00 25
01 75 01 95 01 81 03 85 02 05 0C 09 00 95 10 81 02 85 03 09 00 91 02 85 04 09 00 75 08 95 24
91 02 85 05 09 00 95 20 81 02 85 06 09 00 95 24 91 02 85 07 09 00 95 20 81 02 C0`);

/** NOT a dump: a single-report layout written from the Gigaset headset dongle's documented
 * protocol (teamwork.gigaset.com gigawiki page 1136427703: report 2, input hook switch/busy/
 * line/mute/flash/redial/speed dial/reject bits, output off-hook/mute/ring/hold/microphone
 * bits). Used to test packed fields sharing one report. */
export const gigasetStyleSingleReport = hex(`
05 0B 09 05 A1 01 85 02 15 00 25 01 75 01
09 20 09 97 09 2A 09 2F 09 21 09 24 09 2B 09 26 95 08 81 22 95 08 81 01
05 08 09 17 09 09 09 18 09 20 09 21 09 2A 95 06 91 22 95 0A 91 01 C0`);

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.trim().split(/\s+/).map((b) => parseInt(b, 16)));
}
