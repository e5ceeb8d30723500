// Text files from Chinese offices arrive in one of a few encodings: Excel "CSV (逗号分隔)" on a
// Chinese Windows writes GBK (we decode as GB18030, its superset); "CSV UTF-8" writes UTF-8 with a
// BOM; Notepad's "Unicode" writes UTF-16LE with a BOM; tools and servers write UTF-8 without one.
// Order: BOM sniff, then a strict UTF-8 decode (GBK bytes almost never form valid UTF-8), else
// GB18030, which accepts every byte sequence and so must come last.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
