// Which browser permissions the page gets. Only the app's own origin is ever granted anything,
// and only what a call-centre desk needs: the microphone (never the camera or the screen) for
// the softphone, HID for telephony headsets (the device itself is approved separately, see
// hid-devices.ts), sanitized clipboard writes (copy a phone number), and fullscreen.
// Everything else — geolocation, notifications, camera, MIDI, serial, USB, ... — is denied.
import { isAppUrl } from './app-origin';

export interface PermissionQuery {
  permission: string;
  /** The requesting frame's URL or origin. */
  origin: string | undefined;
  /** For 'media' requests: what the page asked for (request handler: mediaTypes). */
  mediaTypes?: readonly string[];
  /** For 'media' checks: the single type being checked (check handler: mediaType). */
  mediaType?: string;
}

const alwaysForApp = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function decidePermission(query: PermissionQuery): boolean {
  if (!isAppUrl(query.origin)) return false;
  if (alwaysForApp.has(query.permission)) return true;
  switch (query.permission) {
    case 'media': {
      const types = [...(query.mediaTypes ?? []), ...(query.mediaType === undefined ? [] : [query.mediaType])];
      return types.length > 0 && types.every((type) => type === 'audio');
    }
    case 'hid':
      return true;
    default:
      return false;
  }
}
