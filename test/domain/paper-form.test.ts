import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import type { Assessment } from '../../src/domain/assessment.ts';
import { buildModel } from '../../src/domain/model.ts';
import { paperFormTables, readPaperForm } from '../../src/domain/paper-form.ts';
import { parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';
import { xlsxWorkbook } from '../../src/domain/xlsx.ts';
import { readWorkbook } from '../../src/domain/xlsx-read.ts';

const model = buildModel(
  parseQuestionnaireText(readFileSync('test/fixtures/example.yaml', 'utf8'), 'example.yaml').questionnaire!,
);
const assessment = JSON.parse(readFileSync('test/fixtures/example.cairn.json', 'utf8')) as Assessment;
const inflate = async (data: Uint8Array) => new Uint8Array(inflateRawSync(data));

/** Fills the blank form as a spreadsheet program would, and saves it (shared strings, deflated). */
async function fill(cells: Record<string, string | number>): Promise<Uint8Array> {
  const blank = xlsxWorkbook(paperFormTables(model, assessment, 'r2'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(blank.buffer as ArrayBuffer);
  const sheet = workbook.getWorksheet('Answers')!;
  for (const [ref, value] of Object.entries(cells)) sheet.getCell(ref).value = value;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('paper form', () => {
  it('is a protected workbook with the items, their rubrics and a drop-down of ratings', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxWorkbook(paperFormTables(model, assessment, 'r2')).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About', 'Answers']);
    expect(workbook.getWorksheet('About')!.getCell('B4').value).toBe('r2');
    const answers = workbook.getWorksheet('Answers')!;
    expect(answers.getRow(1).values).toEqual([
      undefined,
      'Item id',
      'Question',
      '1 · Initial',
      '2 · Developing',
      '3 · Defined',
      'Your rating',
      'Insufficient evidence',
      'Note',
    ]);
    expect(answers.getCell('A2').value).toBe('selection-criteria');
    expect(answers.getCell('C2').value).toBe('Officers choose by experience alone.');
    expect(answers.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,2,3,N/A"'] });
    expect(answers.getCell('F2').protection?.locked).toBe(false);
    expect(answers.getCell('B2').protection?.locked).not.toBe(false);
  });

  it('reads a filled form back as the respondent’s answers', async () => {
    const bytes = await fill({ F2: 3, G2: 'yes', H2: 'Seen the list', F3: 'no', F4: 'Always' });
    const result = readPaperForm(
      await readWorkbook(bytes, inflate),
      'r2.xlsx',
      model,
      assessment,
      '2026-04-01T00:00:00Z',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answered).toBe(3);
    const mine = result.assessment.answers.filter(
      (answer) => answer.respondent === 'r2' && answer.updated === '2026-04-01T00:00:00Z',
    );
    expect(mine).toEqual([
      expect.objectContaining({
        question: 'selection-criteria',
        value: 3,
        insufficient: true,
        note: 'Seen the list',
      }),
      expect.objectContaining({ question: 'has-scanner', value: false }),
      expect.objectContaining({ question: 'scanner-feedback', value: 'always' }),
    ]);
  });

  it('names every problem by sheet and row, and takes nothing', async () => {
    const bytes = await fill({ F2: 7, F3: 'maybe', G4: 'perhaps' });
    const result = readPaperForm(await readWorkbook(bytes, inflate), 'r2.xlsx', model, assessment, 'now');
    expect(result).toEqual({
      ok: false,
      problems: [
        'r2.xlsx: sheet "Answers", row 2 (selection-criteria): "7" is not a level of its scale (1, 2, 3, or N/A)',
        'r2.xlsx: sheet "Answers", row 3 (has-scanner): "maybe" should be yes or no',
        'r2.xlsx: sheet "Answers", row 4 (scanner-feedback): "perhaps" should be yes or no',
      ],
    });
  });

  it('refuses a form of another assessment', async () => {
    const bytes = await fill({ F2: 2 });
    const other = { ...assessment, id: 'someone-else' };
    const result = readPaperForm(await readWorkbook(bytes, inflate), 'r2.xlsx', model, other, 'now');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/sheet "About": it belongs to another assessment/);
  });
});
