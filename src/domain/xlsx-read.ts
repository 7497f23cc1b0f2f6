/**
 * Reading XLSX workbooks back: the cells of each sheet, as a spreadsheet
 * program saved them (shared or inline strings, numbers, booleans). The
 * caller inflates compressed entries, so the same code runs in the browser
 * (DecompressionStream) and in Node (zlib).
 */

export type Inflate = (data: Uint8Array) => Promise<Uint8Array>;
export type ReadCell = string | number | boolean | null;

export interface ReadSheet {
  readonly name: string;
  /** Rows from the first, each as long as its last filled cell; empty cells are null. */
  readonly rows: readonly (readonly ReadCell[])[];
}

export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** The text files (XML and relationships) of a ZIP archive, by name. */
export async function readZipTexts(archive: Uint8Array, inflate: Inflate): Promise<Map<string, string>> {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  let end = archive.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new WorkbookError('not an XLSX file (no ZIP directory)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const files = new Map<string, string>();
  for (let index = 0; index < count; index += 1) {
    if (view.getUint32(at, true) !== 0x02014b50)
      throw new WorkbookError('not an XLSX file (damaged ZIP directory)');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(archive.subarray(at + 46, at + 46 + nameLength));
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      const local = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
      const data = archive.subarray(local, local + size);
      if (method !== 0 && method !== 8) throw new WorkbookError(`not an XLSX file (compression ${method})`);
      files.set(name, decoder.decode(method === 8 ? await inflate(data) : data));
    }
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');

/** The text of every <t> inside a fragment (rich text runs joined). */
const textOf = (fragment: string) =>
  [...fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
    .map((m) => unescape(m[1] ?? ''))
    .join('');

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

export async function readWorkbook(archive: Uint8Array, inflate: Inflate): Promise<ReadSheet[]> {
  const files = await readZipTexts(archive, inflate);
  const workbook = files.get('xl/workbook.xml');
  const rels = files.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new WorkbookError('not an XLSX file (no workbook)');
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1]!),
  );
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /\bId="([^"]+)"/.exec(m[0])?.[1] ?? '',
      /\bTarget="([^"]+)"/.exec(m[0])?.[1] ?? '',
    ]),
  );
  const sheets: ReadSheet[] = [];
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(/\bname="([^"]*)"/.exec(match[0])?.[1] ?? '');
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1] ?? '';
    const target = (targets.get(id) ?? '').replace(/^\/?xl\//, '').replace(/^\//, '');
    const xml = files.get(`xl/${target}`);
    if (!xml) continue;
    const rows: ReadCell[][] = [];
    for (const row of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>|<row\b([^>]*)\/>/g)) {
      const number = Number(/\br="(\d+)"/.exec(row[1] ?? row[3] ?? '')?.[1] ?? rows.length + 1);
      const cells: ReadCell[] = [];
      for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attributes = cell[1] ?? '';
        const body = cell[2] ?? '';
        const ref = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
        const column = ref ? columnIndex(ref) : cells.length;
        const type = /\bt="([^"]+)"/.exec(attributes)?.[1] ?? 'n';
        const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let value: ReadCell = null;
        if (type === 'inlineStr') value = textOf(body);
        else if (type === 's') value = raw === undefined ? null : (shared[Number(raw)] ?? null);
        else if (type === 'b') value = raw === '1';
        else if (type === 'str' || type === 'e') value = raw === undefined ? null : unescape(raw);
        else if (raw !== undefined && raw !== '') value = Number(raw);
        while (cells.length < column) cells.push(null);
        cells[column] = value;
      }
      while (cells.length && (cells.at(-1) === null || cells.at(-1) === '')) cells.pop();
      while (rows.length < number - 1) rows.push([]);
      rows[number - 1] = cells;
    }
    sheets.push({ name, rows });
  }
  return sheets;
}
