// Display text of codes that travel in the contract (kinds, statuses, actions…): unknown codes,
// e.g. a status added on the server later, show as themselves rather than as a missing key.
import type { TFunction } from 'i18next';

export function codeLabel(t: TFunction, group: string, code: string | null | undefined): string {
  if (!code) return '';
  return t(`wf.${group}.${code}`, { defaultValue: code });
}

export function timeText(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
