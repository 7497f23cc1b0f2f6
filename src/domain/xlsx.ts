/**
 * Writing XLSX workbooks (Office Open XML spreadsheets) from tables: typed
 * cells, a bold frozen header row and column widths. No formulas, no library.
 */
import type { Cell, Table } from './report-tables.ts';
import { zip } from './zip.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 cannot hold are dropped rather than breaking the file.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 28)} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const STYLE_HEADER = 1;
const STYLE_EDITABLE = 2;
const STYLE_WRAP = 3;

function cellXml(value: Cell, ref: string, style = 0): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** A literal list for a validation: Excel allows 255 characters and no comma inside a value. */
function listFormula(values: readonly string[]): string | undefined {
  if (values.some((value) => value.includes(',') || value.includes('"'))) return undefined;
  const joined = values.join(',');
  return joined.length <= 255 ? `"${escapeXml(joined)}"` : undefined;
}

function sheetXml(table: Table): string {
  const header = table.headerRow !== false;
  const editable = new Set(table.editableColumns ?? []);
  const wrap = new Set(table.wrapColumns ?? []);
  const rows = header ? [table.columns.map((column) => column.header as Cell), ...table.rows] : table.rows;
  const view = header
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = table.columns.length
    ? `<cols>${table.columns
        .map(
          (column, index) =>
            `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`,
        )
        .join('')}</cols>`
    : '';
  const data = rows
    .map((row, r) => {
      const styleOf = (c: number) =>
        header && r === 0 ? STYLE_HEADER : editable.has(c) ? STYLE_EDITABLE : wrap.has(c) ? STYLE_WRAP : 0;
      // Editable cells are written even when empty, so that they stay unlocked on a protected sheet.
      const cells = table.columns
        .map((_, c) => {
          const value = row[c] ?? null;
          const ref = `${columnName(c)}${r + 1}`;
          if ((value === null || value === '') && styleOf(c) === STYLE_EDITABLE)
            return `<c r="${ref}" s="${STYLE_EDITABLE}"/>`;
          return cellXml(value, ref, styleOf(c));
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const protection = table.editableColumns
    ? '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>'
    : '';
  const validations = (table.choices ?? [])
    .map((choice) => {
      const formula = listFormula(choice.values);
      if (!formula) return '';
      const column = columnName(choice.column);
      return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${column}${choice.from}:${column}${choice.to}"><formula1>${formula}</formula1></dataValidation>`;
    })
    .filter(Boolean);
  const validationXml = validations.length
    ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`
    : '';
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${view}${cols}<sheetData>${data}</sheetData>${protection}${validationXml}</worksheet>`;
}

const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF6D6"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1" applyProtection="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/><protection locked="0"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The workbook's bytes: one sheet per table, in order. */
export function xlsxWorkbook(tables: readonly Table[]): Uint8Array {
  const taken = new Set<string>();
  const names = tables.map((table) => sheetName(table.name, taken));
  const sheets = tables.map((table, index) => ({
    name: names[index]!,
    path: `xl/worksheets/sheet${index + 1}.xml`,
    xml: sheetXml(table),
  }));
  const contentTypes = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
    .map(
      (sheet) =>
        `<Override PartName="/${sheet.path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('')}</Types>`;
  const rootRels = `${XML}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
    .map(
      (sheet, index) =>
        `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
    )
    .join('')}</sheets></workbook>`;
  const workbookRels = `${XML}<Relationships xmlns="${PACKAGE_REL}">${sheets
    .map(
      (_sheet, index) =>
        `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  return zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
    { name: 'xl/styles.xml', data: STYLES },
    ...sheets.map((sheet) => ({ name: sheet.path, data: sheet.xml })),
  ]);
}
