import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { assessmentFileName, serializeAssessment } from '../../src/domain/assessment-export.ts';
import { checkAssessmentImport, parseAssessmentText } from '../../src/domain/assessment-file.ts';
import { buildModel } from '../../src/domain/model.ts';
import { parseQuestionnaireText } from '../../src/domain/questionnaire-file.ts';

const model = buildModel(
  parseQuestionnaireText(readFileSync('test/fixtures/example.yaml', 'utf8'), 'example.yaml').questionnaire!,
);
const exampleText = readFileSync('test/fixtures/example.cairn.json', 'utf8');
const find = (id: string) => (id === model.id ? model : undefined);
const withChanges = (change: (file: Record<string, unknown>) => void) => {
  const file = JSON.parse(exampleText) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};

describe('reading an assessment file (SPEC §3)', () => {
  it('reads a valid file and fills the lists a file may leave out', () => {
    const result = parseAssessmentText(
      '{"format":"cairn.assessment","formatVersion":1,"questionnaire":{"id":"q","version":"1.0.0"}}',
      'a.json',
    );
    expect(result).toMatchObject({
      ok: true,
      assessment: { answers: [], respondents: [], consensus: [], targets: {} },
    });
  });

  it('accepts a byte-order mark, as spreadsheet tools write one', () => {
    expect(parseAssessmentText(`\uFEFF${exampleText}`, 'a.json').ok).toBe(true);
  });

  it('names the file and every problem, with where it is', () => {
    const result = parseAssessmentText(
      JSON.stringify({
        format: 'other',
        formatVersion: 1,
        questionnaire: { id: 3 },
        answers: [{ question: 'a', respondent: 'r1', value: { level: 2 } }],
      }),
      'mission.cairn.json',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'mission.cairn.json: not a Cairn assessment: format: must be "cairn.assessment"',
      'mission.cairn.json: not a Cairn assessment: questionnaire.id: expected string, not number 3',
      'mission.cairn.json: not a Cairn assessment: questionnaire.version: missing (expected string)',
      'mission.cairn.json: not a Cairn assessment: answers[0].value: expected a number, text, true/false or list of option ids, not an object',
    ]);
  });

  it('refuses what is not JSON, or not an object', () => {
    expect(parseAssessmentText('{"format":', 'a.json')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^a\.json: invalid JSON: /)],
    });
    expect(parseAssessmentText('[]', 'b.json')).toEqual({
      ok: false,
      problems: ['b.json: not a Cairn assessment: expected a JSON object'],
    });
  });
});

describe('checking an import against the questionnaires this site has', () => {
  it('accepts a valid file as it is', () => {
    const result = checkAssessmentImport(exampleText, 'a.json', find);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (result.ok) expect(result.assessment).toEqual(JSON.parse(exampleText));
  });

  it('refuses a questionnaire it does not know', () => {
    const text = withChanges((file) => (file['questionnaire'] = { id: 'elsewhere', version: '1.0.0' }));
    expect(checkAssessmentImport(text, 'a.json', find)).toEqual({
      ok: false,
      problems: ['a.json: questionnaire "elsewhere" is not known here'],
    });
  });

  it('lists every unknown question, unknown respondent and value off the scale', () => {
    const text = withChanges((file) => {
      file['answers'] = [
        { question: 'selection-criteria', respondent: 'r1', value: 7 },
        { question: 'no-such-item', respondent: 'r1', value: 2 },
        { question: 'has-scanner', respondent: 'r9', value: true },
        { question: 'scanner-feedback', respondent: 'r1', value: 'often' },
      ];
    });
    const result = checkAssessmentImport(text, 'a.json', find);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(4);
    expect(result.problems.join('\n')).toMatch(/7 is not on its scale/);
    expect(result.problems.join('\n')).toMatch(/unknown question "no-such-item"/);
    expect(result.problems.join('\n')).toMatch(/unknown respondent "r9"/);
    expect(result.problems.join('\n')).toMatch(/"often" is not one of its options/);
  });

  it('imports a file of another version with a warning, keeping it unchanged', () => {
    const text = withChanges((file) => {
      file['questionnaire'] = { id: 'border-quick-check', version: '0.9.0' };
      (file['answers'] as unknown[]).push({ question: 'retired-item', respondent: 'r1', value: 1 });
    });
    const result = checkAssessmentImport(text, 'old.json', find);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      'old.json: answered on version 0.9.0 of "border-quick-check"; scored against version 1.0.0',
      'old.json: answers to "retired-item" are left out: version 1.0.0 of "border-quick-check" no longer has that question',
    ]);
    expect(result.assessment.answers).toHaveLength(5);
  });
});

describe('writing an assessment file', () => {
  it('round-trips: what is written reads back equal', () => {
    const parsed = parseAssessmentText(exampleText, 'a.json');
    if (!parsed.ok) throw new Error('fixture');
    const again = parseAssessmentText(serializeAssessment(parsed.assessment), 'b.json');
    expect(again).toEqual(parsed);
  });

  it('names the file after the title, in plain letters', () => {
    const base = JSON.parse(exampleText) as Parameters<typeof assessmentFileName>[0];
    expect(assessmentFileName({ ...base, title: 'Évaluation de la douane — mars 2026' })).toBe(
      'evaluation-de-la-douane-mars-2026.cairn.json',
    );
    expect(assessmentFileName({ ...base, title: '   ' })).toBe('assessment.cairn.json');
  });
});
