/** Reads office files in tests, with the same ZIP reader as the site. */
import { inflateRawSync } from 'node:zlib';

import { readZipTexts } from '../src/domain/xlsx-read.ts';

const inflate = async (data: Uint8Array) => new Uint8Array(inflateRawSync(data));

/** The text of a Word document, paragraphs separated by new lines. */
export async function docxText(archive: Uint8Array): Promise<string> {
  const xml = (await readZipTexts(archive, inflate)).get('word/document.xml') ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
