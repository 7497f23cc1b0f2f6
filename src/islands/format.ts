/** Small helpers the islands share: message templates, numbers, dates, downloads. */
import type { NodeScore } from '../domain/scoring.ts';

export { fill } from '../domain/text.ts';

/** A node's display in the reader's number format; letter labels are shown as they are. */
export function displayOf(node: NodeScore, locale: string): string {
  const display = node.display;
  if (display === null) return '–';
  if (!/^-?\d+\.\d$/.test(display)) return display;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Number(display),
  );
}

export function formatRange(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatDateTime(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Saves `content` as a file through the browser's download. */
export function downloadText(
  fileName: string,
  content: string | Uint8Array,
  type = 'application/json',
): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function newId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
