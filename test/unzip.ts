/** Reads one file out of a ZIP archive (stored or deflated), for tests that open office files. */
import { inflateRawSync } from 'node:zlib';

export function unzipEntry(archive: Uint8Array, name: string): string | undefined {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  let end = archive.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a ZIP archive');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const entry = decoder.decode(archive.subarray(at + 46, at + 46 + nameLength));
    if (entry === name) {
      const local = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
      const data = archive.subarray(local, local + size);
      return decoder.decode(method === 8 ? inflateRawSync(data) : data);
    }
    at += 46 + nameLength + extra + comment;
  }
  return undefined;
}

/** The text of a Word document, paragraphs separated by new lines. */
export function docxText(archive: Uint8Array): string {
  const xml = unzipEntry(archive, 'word/document.xml') ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
