import { base64ToBytes } from './base64';

/** Hands an exported file to the browser's download (also what Electron does with a Blob link). */
export function saveFile(file: { fileName: string; base64: string; mime: string }): void {
  const blob = new Blob([base64ToBytes(file.base64)], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
