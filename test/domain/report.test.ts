import { readFileSync } from 'node:fs';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import type { Assessment } from '../../src/domain/assessment.ts';
import { buildGapReport, effectiveWeights, isProvisional } from '../../src/domain/gap-report.ts';
import { buildModel } from '../../src/domain/model.ts';
import { parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';
import type { Questionnaire } from '../../src/domain/questionnaire-schema.ts';
import { reportTables, toCsv, type Table } from '../../src/domain/report-tables.ts';
import { scoreAssessment } from '../../src/domain/scoring.ts';
import { columnName, xlsxWorkbook } from '../../src/domain/xlsx.ts';
import { crc32 } from '../../src/domain/zip.ts';

const level = (id: string, weight = 1) => ({
  id,
  type: 'level',
  prompt: id,
  weight,
  levels: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' },
});

// Two areas: "a" (weight 3) with items a1 (weight 2) and a2; "b" (weight 1) with b1, b2, b3.
const questionnaire = {
  id: 'gaps',
  version: '1.0.0',
  locales: ['en'],
  title: 'Gaps',
  scales: {
    default: {
      levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })),
    },
  },
  target: 4,
  sections: [
    { id: 'a', title: 'A', weight: 3, questions: [level('a1', 2), level('a2')] },
    { id: 'b', title: 'B', weight: 1, questions: [level('b1'), level('b2'), level('b3')] },
  ],
} as unknown as Questionnaire;
const model = buildModel(questionnaire);

function assessment(values: Record<string, number | 'na' | 'insufficient'>, targets = {}): Assessment {
  return {
    format: 'cairn.assessment',
    formatVersion: 1,
    title: 'T',
    questionnaire: { id: 'gaps', version: '1.0.0' },
    respondents: [{ id: 'r1', name: 'Unit' }],
    answers: Object.entries(values).map(([question, value]) =>
      value === 'na'
        ? { question, respondent: 'r1', na: true }
        : value === 'insufficient'
          ? { question, respondent: 'r1', insufficient: true }
          : { question, respondent: 'r1', value },
    ),
    consensus: [],
    targets,
  };
}

describe('gap report', () => {
  it('gives each item its share of the overall score', () => {
    const result = scoreAssessment(model, assessment({}));
    const weights = effectiveWeights(model, result);
    expect(weights.get('a')).toBeCloseTo(0.75);
    expect(weights.get('a1')).toBeCloseTo(0.5); // 3/4 × 2/3
    expect(weights.get('a2')).toBeCloseTo(0.25);
    expect(weights.get('b1')).toBeCloseTo(1 / 12); // 1/4 × 1/3
  });

  it('ranks gaps by gap share × effective weight, ties in questionnaire order', () => {
    // a1: gap 1 of 4 × 0.5 = 0.125; a2: gap 2 of 4 × 0.25 = 0.125; b1: gap 3 of 4 × 1/12 = 0.0625; b2 meets; b3 above.
    const result = scoreAssessment(model, assessment({ a1: 3, a2: 2, b1: 1, b2: 4, b3: 5 }));
    const report = buildGapReport(model, result);
    expect(report.gaps.map((gap) => [gap.id, gap.priority])).toEqual([
      ['a1', 0.125],
      ['a2', 0.125],
      ['b1', 0.0625],
    ]);
    expect(report.strengths.map((item) => item.id)).toEqual(['b2', 'b3']);
    expect(report.areas.map((area) => [area.id, area.gaps.map((gap) => gap.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('uses the assessment’s own targets, and lists insufficient and unscored items', () => {
    const result = scoreAssessment(
      model,
      assessment({ a1: 3, a2: 'insufficient', b1: 'na' }, { a1: 2, a2: 5 }),
    );
    const report = buildGapReport(model, result);
    // a1 now meets its target of 2; a2 scores the lowest value (insufficient: lowest) against 5.
    expect(report.gaps.map((gap) => [gap.id, gap.gap])).toEqual([['a2', 4]]);
    expect(report.strengths.map((item) => item.id)).toEqual(['a1']);
    expect(report.insufficient.map((item) => item.id)).toEqual(['a2']);
    expect(report.unscored).toEqual(['b1', 'b2', 'b3']);
  });

  it('marks a score based on fewer than half of its items provisional', () => {
    const two = scoreAssessment(model, assessment({ a1: 3, b1: 2 }));
    expect(isProvisional(two.overall)).toBe(true); // 2 of 5
    expect(isProvisional(two.nodes['a']!)).toBe(false); // 1 of 2
    expect(isProvisional(two.nodes['b']!)).toBe(true); // 1 of 3
    const three = scoreAssessment(model, assessment({ a1: 3, b1: 2, b2: 2 }));
    expect(isProvisional(three.overall)).toBe(false);
  });
});

describe('report tables and CSV', () => {
  it('quotes what needs quoting and starts with a byte-order mark', () => {
    const table: Table = {
      name: 'T',
      columns: [
        { header: 'a', width: 5 },
        { header: 'b', width: 5 },
      ],
      rows: [
        ['plain', 'with, comma'],
        ['say "hi"', 'two\nlines'],
        [null, 2.5],
      ],
    };
    expect(toCsv(table)).toBe('\uFEFFa,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n,2.5\r\n');
  });

  it('puts each respondent in a column and the flags and notes at the end', () => {
    const file = assessment({ a1: 3, a2: 'na' });
    file.answers[0]!.note = 'Seen the plan';
    const result = scoreAssessment(model, file);
    const tables = reportTables(model, file, result, buildGapReport(model, result));
    expect(tables.items.columns.map((column) => column.header)).toEqual([
      'Area',
      'Item',
      'Question',
      'Unit',
      'Score',
      'Target',
      'Gap',
      'Flags',
      'Notes',
    ]);
    expect(tables.items.rows[0]).toEqual(['a', 'a1', 'a1', 3, 3, 4, 1, '', 'Unit: Seen the plan']);
    expect(tables.items.rows[1]).toEqual(['a', 'a2', 'a2', 'N/A', null, 4, null, 'N/A', '']);
  });
});

describe('XLSX', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('computes the ZIP checksum of known data', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('reads back in a spreadsheet library with typed cells, a frozen bold header and widths', async () => {
    const text = readFileSync('test/fixtures/example.yaml', 'utf8');
    const example = buildModel(parseQuestionnaireText(text, 'example.yaml').questionnaire!);
    const file = JSON.parse(readFileSync('test/fixtures/example.cairn.json', 'utf8')) as Assessment;
    const result = scoreAssessment(example, file);
    const tables = reportTables(example, file, result, buildGapReport(example, result));
    const bytes = xlsxWorkbook([tables.summary, tables.items, tables.gaps]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Items', 'Gaps']);

    const items = workbook.getWorksheet('Items')!;
    expect(items.getRow(1).values).toEqual([
      undefined,
      'Area',
      'Item',
      'Question',
      'Targeting centre',
      'Port office',
      'Score',
      'Target',
      'Gap',
      'Flags',
      'Notes',
    ]);
    expect(items.getCell('A1').font?.bold).toBe(true);
    expect(items.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(items.getColumn(3).width).toBe(60);
    expect(items.getCell('B2').value).toBe('selection-criteria');
    expect(items.getCell('D2').value).toBe(3);
    expect(items.getCell('F2').value).toBe(2.5);
    expect(items.getCell('E4').value).toBe('Sometimes');
    expect(items.getCell('I4').value).toBe('Insufficient evidence');

    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('B1').value).toBe('Port office, March visit');
    expect(summary.getCell('C8').value).toBe(3); // overall score
    expect(summary.getCell('D8').value).toBe('Defined');

    const gaps = workbook.getWorksheet('Gaps')!;
    expect(gaps.getCell('A2').value).toBe(1);
    expect(gaps.getCell('C2').value).toBe('selection-criteria');
    expect(gaps.getCell('G2').value).toBe(0.5);
  });

  it('keeps the same bytes for the same input', () => {
    const table: Table = { name: 'A', columns: [{ header: 'x', width: 4 }], rows: [[1], ['é & <b>']] };
    expect(xlsxWorkbook([table])).toEqual(xlsxWorkbook([table]));
  });
});
