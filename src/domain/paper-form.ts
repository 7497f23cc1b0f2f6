/**
 * Paper and spreadsheet respondents: a blank fillable workbook for one
 * respondent (items, rubrics, a drop-down of ratings, a notes column, the
 * structure protected), and reading it back as that respondent's answers,
 * every problem named by sheet and row, nothing taken unless all is valid.
 */
import type { AnswerValue, Assessment } from './assessment.ts';
import { applyAnswer, type AnswerPatch } from './assessment-edit.ts';
import type { QuestionModel, QuestionnaireModel } from './model.ts';
import type { Cell, Table } from './report-tables.ts';
import { localize, type Text } from './text.ts';
import type { ReadCell, ReadSheet } from './xlsx-read.ts';

/** The form's words; English unless the caller passes its reader's. */
export const FORM_WORDS = {
  about: 'About',
  answers: 'Answers',
  assessment: 'Assessment',
  questionnaire: 'Questionnaire',
  version: 'Version',
  respondentId: 'Respondent id',
  respondent: 'Respondent',
  howTo:
    'Rate each item in the yellow column: choose a level from the list, or N/A. Mark insufficient evidence with "yes". Do not change the other columns or this sheet: they tie your answers to the assessment.',
  item: 'Item id',
  question: 'Question',
  level: 'Level {value}',
  rating: 'Your rating',
  insufficient: 'Insufficient evidence',
  note: 'Note',
  na: 'N/A',
  yes: 'yes',
  no: 'no',
};

export type FormWords = typeof FORM_WORDS;

/** Rows of the About sheet that an import reads back, by their label. */
type AboutKey = 'assessment' | 'questionnaire' | 'version' | 'respondentId';

export function paperFormTables(
  model: QuestionnaireModel,
  assessment: Assessment,
  respondentId: string,
  options: { locale?: string | undefined; words?: FormWords | undefined } = {},
): Table[] {
  const words = options.words ?? FORM_WORDS;
  const locale = options.locale ?? model.sourceLocale;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const respondent = assessment.respondents.find((r) => r.id === respondentId);
  const questions = [...model.questions.values()];
  const scale = model.defaultScale;
  const about: Table = {
    name: words.about,
    headerRow: false,
    columns: [
      { header: '', width: 24 },
      { header: '', width: 80 },
    ],
    wrapColumns: [1],
    rows: [
      [words.assessment, assessment.id ?? ''],
      [words.questionnaire, model.id],
      [words.version, model.version],
      [words.respondentId, respondentId],
      [words.respondent, [respondent?.name, respondent?.role, respondent?.unit].filter(Boolean).join(', ')],
      [],
      [text(model.source.title), assessment.title ?? ''],
      ['', words.howTo],
    ],
  };
  const rubricColumns = scale.levels.map((level) => ({
    header: `${level.value} · ${text(level.label)}`,
    width: 28,
  }));
  const rows: Cell[][] = questions.map((question) => {
    const rubric = (question.source.levels ?? {}) as Record<string, Text>;
    return [
      question.id,
      text(question.source.prompt),
      ...scale.levels.map((level) => (question.type === 'level' ? text(rubric[String(level.value)]) : null)),
      null,
      null,
      null,
    ];
  });
  const ratingColumn = 2 + rubricColumns.length;
  const choices: { column: number; from: number; to: number; values: string[] }[] = [];
  questions.forEach((question, index) => {
    const values = ratingValues(question, words, text);
    if (values) choices.push({ column: ratingColumn, from: index + 2, to: index + 2, values });
    if (question.scored)
      choices.push({
        column: ratingColumn + 1,
        from: index + 2,
        to: index + 2,
        values: [words.yes, words.no],
      });
  });
  return [
    about,
    {
      name: words.answers,
      columns: [
        { header: words.item, width: 24 },
        { header: words.question, width: 50 },
        ...rubricColumns,
        { header: words.rating, width: 14 },
        { header: words.insufficient, width: 14 },
        { header: words.note, width: 40 },
      ],
      rows,
      editableColumns: [ratingColumn, ratingColumn + 1, ratingColumn + 2],
      wrapColumns: [1, ...rubricColumns.map((_, index) => 2 + index)],
      choices: mergeChoices(choices),
    },
  ];
}

/** What a rating cell may hold for a question; undefined where any text goes. */
function ratingValues(question: QuestionModel, words: FormWords, text: (value: Text | undefined) => string) {
  switch (question.type) {
    case 'level':
      return [...question.scale!.levels.map((level) => String(level.value)), words.na];
    case 'choice':
      return [...(question.source.options ?? []).map((option) => text(option.label)), words.na];
    case 'boolean':
      return [words.yes, words.no, words.na];
    default:
      return undefined;
  }
}

/** Neighbouring rows with the same list share one validation. */
function mergeChoices(choices: { column: number; from: number; to: number; values: string[] }[]) {
  const merged: typeof choices = [];
  for (const choice of choices) {
    const last = merged.findLast((other) => other.column === choice.column);
    if (last && last.to === choice.from - 1 && last.values.join('\u0000') === choice.values.join('\u0000'))
      last.to = choice.to;
    else merged.push({ ...choice });
  }
  return merged;
}

export type PaperFormImport =
  | { ok: true; assessment: Assessment; respondent: string; answered: number }
  | { ok: false; problems: string[] };

const cellText = (cell: ReadCell | undefined) =>
  cell === null || cell === undefined
    ? ''
    : typeof cell === 'boolean'
      ? cell
        ? 'TRUE'
        : 'FALSE'
      : String(cell).trim();

/**
 * Reads a filled form back into the assessment as its respondent's answers.
 * `file` names the file in every problem; nothing is taken unless all is valid.
 */
export function readPaperForm(
  sheets: readonly ReadSheet[],
  file: string,
  model: QuestionnaireModel,
  assessment: Assessment,
  now: string,
  options: { locale?: string | undefined; words?: FormWords | undefined } = {},
): PaperFormImport {
  const words = options.words ?? FORM_WORDS;
  const locale = options.locale ?? model.sourceLocale;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const [about, answers] = sheets;
  if (!about || !answers)
    return { ok: false, problems: [`${file}: not a Cairn form (it needs an About and an Answers sheet)`] };
  const aboutValues = new Map<string, string>();
  for (const row of about.rows) aboutValues.set(cellText(row[0]), cellText(row[1]));
  const read = (key: AboutKey) => aboutValues.get(words[key]) ?? aboutValues.get(FORM_WORDS[key]) ?? '';
  const problems: string[] = [];
  const where = (row: number, id?: string) =>
    `${file}: sheet "${answers.name}", row ${row}${id ? ` (${id})` : ''}`;
  if (read('questionnaire') !== model.id)
    problems.push(
      `${file}: sheet "${about.name}": it is a form of questionnaire "${read('questionnaire')}", not "${model.id}"`,
    );
  if (read('version') !== model.version)
    problems.push(
      `${file}: sheet "${about.name}": it is a form of version ${read('version')}, not ${model.version}`,
    );
  if (read('assessment') !== (assessment.id ?? ''))
    problems.push(
      `${file}: sheet "${about.name}": it belongs to another assessment (${read('assessment') || 'none'})`,
    );
  const respondent = read('respondentId');
  if (!assessment.respondents.some((r) => r.id === respondent))
    problems.push(`${file}: sheet "${about.name}": respondent "${respondent}" is not in this assessment`);
  if (problems.length) return { ok: false, problems };

  const header = answers.rows[0] ?? [];
  const ratingColumn = header.findIndex(
    (cell) => cellText(cell) === words.rating || cellText(cell) === FORM_WORDS.rating,
  );
  if (ratingColumn < 0)
    return { ok: false, problems: [`${where(1)}: the "${words.rating}" column is missing`] };
  const patches: { question: string; patch: AnswerPatch }[] = [];
  const seen = new Set<string>();
  answers.rows.slice(1).forEach((row, index) => {
    const rowNumber = index + 2;
    const id = cellText(row[0]);
    const rating = cellText(row[ratingColumn]);
    const insufficient = cellText(row[ratingColumn + 1]).toLowerCase();
    const note = cellText(row[ratingColumn + 2]);
    if (!id && !rating && !note) return;
    const question = model.questions.get(id);
    if (!question) {
      problems.push(`${where(rowNumber)}: "${id}" is not an item of ${model.id} ${model.version}`);
      return;
    }
    if (seen.has(id)) {
      problems.push(`${where(rowNumber, id)}: the item appears twice`);
      return;
    }
    seen.add(id);
    const patch: AnswerPatch = {};
    if (rating) {
      const parsed = parseRating(question, rating, words, text);
      if ('problem' in parsed) {
        problems.push(`${where(rowNumber, id)}: ${parsed.problem}`);
        return;
      }
      Object.assign(patch, parsed);
    }
    if (insufficient) {
      if (![words.yes, words.no, FORM_WORDS.yes, FORM_WORDS.no].includes(insufficient)) {
        problems.push(`${where(rowNumber, id)}: "${insufficient}" should be ${words.yes} or ${words.no}`);
        return;
      }
      patch.insufficient = insufficient === words.yes || insufficient === FORM_WORDS.yes;
    }
    if (note) patch.note = note;
    if (Object.keys(patch).length) patches.push({ question: id, patch });
  });
  if (problems.length) return { ok: false, problems };
  let result = assessment;
  for (const { question, patch } of patches) result = applyAnswer(result, question, respondent, patch, now);
  return { ok: true, assessment: result, respondent, answered: patches.length };
}

function parseRating(
  question: QuestionModel,
  rating: string,
  words: FormWords,
  text: (value: Text | undefined) => string,
): AnswerPatch | { problem: string } {
  if (rating.toLowerCase() === words.na.toLowerCase() || rating.toLowerCase() === FORM_WORDS.na.toLowerCase())
    return { na: true, value: undefined };
  let value: AnswerValue | undefined;
  switch (question.type) {
    case 'level': {
      const number = Number(rating.replace(',', '.'));
      const values = question.scale!.values;
      if (!values.some((v) => Math.abs(v - number) < 1e-9))
        return { problem: `"${rating}" is not a level of its scale (${values.join(', ')}, or ${words.na})` };
      value = number;
      break;
    }
    case 'choice': {
      const option = (question.source.options ?? []).find((o) => text(o.label) === rating || o.id === rating);
      if (!option) return { problem: `"${rating}" is not one of its options` };
      value = option.id;
      break;
    }
    case 'boolean':
      if (rating === words.yes || rating === FORM_WORDS.yes) value = true;
      else if (rating === words.no || rating === FORM_WORDS.no) value = false;
      else return { problem: `"${rating}" should be ${words.yes} or ${words.no}` };
      break;
    case 'number': {
      const number = Number(rating.replace(',', '.'));
      if (!Number.isFinite(number)) return { problem: `"${rating}" is not a number` };
      value = number;
      break;
    }
    case 'multi': {
      const ids = rating
        .split(/[;,]/)
        .map((part) => part.trim())
        .filter(Boolean);
      const options = question.source.options ?? [];
      const chosen = ids.map((part) => options.find((o) => o.id === part || text(o.label) === part));
      if (chosen.some((option) => !option))
        return { problem: `"${rating}" names an option it does not have` };
      value = chosen.map((option) => option!.id);
      break;
    }
    default:
      value = rating;
  }
  return { value, na: false };
}
