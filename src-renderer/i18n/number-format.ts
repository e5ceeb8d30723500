// Intl formatters cost ~0.1–1 ms to build; built once per locale, reused on every render.
const plain = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string): Intl.NumberFormat {
  let format = plain.get(locale);
  if (!format) plain.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}
