/**
 * The report as tables (Summary, Items, Gaps): what the CSV and XLSX exports
 * write, in the browser and on the command line alike. Numbers stay numbers.
 */
import { valueText } from './answer-text.ts';
import { resolveAnswers, type CountedAnswer } from './answers.ts';
import type { Assessment } from './assessment.ts';
import type { GapReport } from './gap-report.ts';
import type { Roadmap } from './roadmap.ts';
import { areaOf, type QuestionModel, type QuestionnaireModel } from './model.ts';
import type { NodeScore, ScoreResult } from './scoring.ts';
import { localize, type Text } from './text.ts';

export type Cell = string | number | null;

export interface Column {
  readonly header: string;
  /** Width in characters, for spreadsheets. */
  readonly width: number;
}

export interface Table {
  readonly name: string;
  /** False for a sheet of its own layout (the summary): no header row, nothing frozen. */
  readonly headerRow?: boolean;
  /** Spreadsheets only: protect the sheet, leaving these columns (0-based) editable. */
  readonly editableColumns?: readonly number[];
  /** Spreadsheets only: a drop-down list of allowed values for a column over rows (1-based, inclusive). */
  readonly choices?: readonly { column: number; from: number; to: number; values: readonly string[] }[];
  /** Spreadsheets only: columns (0-based) whose long texts wrap. */
  readonly wrapColumns?: readonly number[];
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The words a report uses; English unless the caller passes its reader's. */
export const REPORT_LABELS = {
  actionPlan: 'Action plan',
  action: 'Action',
  step: 'Step',
  kind: 'Kind',
  owner: 'Owner',
  phase: 'Phase',
  start: 'Start (month)',
  end: 'End (month)',
  effort: 'Effort (person-months)',
  duration: 'Duration (months)',
  dependsOn: 'Depends on',
  status: 'Status',
  beyond: 'beyond the plan',
  summary: 'Summary',
  items: 'Items',
  gaps: 'Gaps',
  assessment: 'Assessment',
  administration: 'Administration',
  questionnaire: 'Questionnaire',
  version: 'Version',
  updated: 'Last change',
  overall: 'Overall',
  area: 'Area',
  item: 'Item',
  prompt: 'Question',
  score: 'Score',
  display: 'Rating',
  target: 'Target',
  gap: 'Gap',
  answered: 'Answered',
  total: 'Items',
  insufficient: 'Insufficient evidence',
  consensus: 'Consensus',
  flags: 'Flags',
  notes: 'Notes',
  rank: 'Rank',
  priority: 'Priority',
  na: 'N/A',
  yes: 'yes',
  no: 'no',
  provisional: 'provisional',
};

export type ReportLabels = typeof REPORT_LABELS;

export interface ReportOptions {
  readonly locale?: string | undefined;
  readonly labels?: ReportLabels | undefined;
}

function answerCell(
  question: QuestionModel,
  answer: CountedAnswer | undefined,
  labels: ReportLabels,
  text: (t: Text | undefined) => string,
): Cell {
  if (!answer) return null;
  if (answer.na) return labels.na;
  const value = answer.value;
  if (value === undefined) return answer.insufficient ? labels.insufficient : null;
  // Numbers stay numbers, so that a spreadsheet can compute with them.
  return typeof value === 'number' ? value : valueText(question, value, labels, text);
}

const numberOrNull = (value: number | null) => (value === null ? null : Number(value.toPrecision(12)));

export function reportTables(
  model: QuestionnaireModel,
  assessment: Assessment,
  result: ScoreResult,
  gapReport: GapReport,
  options: ReportOptions = {},
): { summary: Table; items: Table; gaps: Table } {
  const labels = options.labels ?? REPORT_LABELS;
  const locale = options.locale ?? model.sourceLocale;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const titleOf = (id: string) => {
    const section = model.sections.get(id);
    if (section) return text(section.source.title);
    const question = model.questions.get(id);
    return question ? text(question.source.prompt) : id;
  };
  const resolved = resolveAnswers(model, assessment);
  const respondents = assessment.respondents;
  const hasConsensus = resolved.consensus.size > 0;
  const nodeRow = (node: NodeScore): Cell[] => [
    numberOrNull(node.score),
    node.display,
    numberOrNull(node.target),
    numberOrNull(node.gap),
    node.answered,
    node.total,
    node.insufficient,
  ];
  const summaryRows: Cell[][] = [
    [labels.assessment, assessment.title ?? ''],
    [labels.administration, assessment.administration ?? ''],
    [labels.questionnaire, text(model.source.title)],
    [labels.version, model.version],
    [labels.updated, assessment.updated ?? ''],
    [],
    [
      labels.area,
      labels.prompt,
      labels.score,
      labels.display,
      labels.target,
      labels.gap,
      labels.answered,
      labels.total,
      labels.insufficient,
    ],
    [model.id, labels.overall, ...nodeRow(result.overall)],
  ];
  for (const child of model.root.children) {
    const node = result.nodes[child.id];
    if (child.kind === 'section' && node) summaryRows.push([child.id, titleOf(child.id), ...nodeRow(node)]);
  }

  const itemRows: Cell[][] = [];
  for (const question of model.questions.values()) {
    const node = result.nodes[question.id];
    if (!node) continue;
    const answers = resolved.byQuestion.get(question.id) ?? [];
    const byRespondent = new Map(answers.map((answer) => [answer.respondent, answer]));
    const consensus = resolved.consensus.get(question.id);
    const flags = [
      node.status === 'na' ? labels.na : '',
      node.insufficient > 0 ? labels.insufficient : '',
    ].filter(Boolean);
    const notes = [
      ...assessment.answers
        .filter((entry) => entry.question === question.id && entry.note)
        .map(
          (entry) =>
            `${respondents.find((r) => r.id === entry.respondent)?.name || entry.respondent}: ${entry.note}`,
        ),
      ...(consensus?.note ? [`${labels.consensus}: ${consensus.note}`] : []),
    ];
    itemRows.push([
      areaOf(question, model),
      question.id,
      text(question.source.prompt),
      ...respondents.map((respondent) => answerCell(question, byRespondent.get(respondent.id), labels, text)),
      ...(hasConsensus ? [answerCell(question, consensus, labels, text)] : []),
      numberOrNull(node.score),
      numberOrNull(node.target),
      numberOrNull(node.gap),
      flags.join('; '),
      notes.join(' | '),
    ]);
  }

  const gapRows: Cell[][] = gapReport.gaps.map((gap, index) => [
    index + 1,
    gap.area,
    gap.id,
    titleOf(gap.id),
    numberOrNull(gap.score),
    numberOrNull(gap.target),
    numberOrNull(gap.gap),
    Number(gap.priority.toFixed(4)),
  ]);

  return {
    summary: {
      name: labels.summary,
      headerRow: false,
      columns: [
        { header: labels.area, width: 18 },
        { header: '', width: 48 },
        { header: labels.score, width: 10 },
        { header: labels.display, width: 10 },
        { header: labels.target, width: 10 },
        { header: labels.gap, width: 10 },
        { header: labels.answered, width: 11 },
        { header: labels.total, width: 9 },
        { header: labels.insufficient, width: 12 },
      ],
      rows: summaryRows,
    },
    items: {
      name: labels.items,
      columns: [
        { header: labels.area, width: 16 },
        { header: labels.item, width: 26 },
        { header: labels.prompt, width: 60 },
        ...respondents.map((respondent) => ({ header: respondent.name || respondent.id, width: 16 })),
        ...(hasConsensus ? [{ header: labels.consensus, width: 14 }] : []),
        { header: labels.score, width: 9 },
        { header: labels.target, width: 9 },
        { header: labels.gap, width: 9 },
        { header: labels.flags, width: 22 },
        { header: labels.notes, width: 60 },
      ],
      rows: itemRows,
    },
    gaps: {
      name: labels.gaps,
      columns: [
        { header: labels.rank, width: 7 },
        { header: labels.area, width: 16 },
        { header: labels.item, width: 26 },
        { header: labels.prompt, width: 60 },
        { header: labels.score, width: 9 },
        { header: labels.target, width: 9 },
        { header: labels.gap, width: 9 },
        { header: labels.priority, width: 10 },
      ],
      rows: gapRows,
    },
  };
}

/** RFC 4180 CSV with a byte-order mark, so spreadsheet programs read accents right. */
export function toCsv(table: Table): string {
  const cell = (value: Cell) => {
    if (value === null) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = table.headerRow === false ? [] : [table.columns.map((column) => cell(column.header))];
  const lines = [...header, ...table.rows.map((row) => row.map(cell))];
  return `\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}

/** The action plan: one row per action of the roadmap, in the order they can be done. */
export function actionPlanTable(
  model: QuestionnaireModel,
  roadmap: Extract<Roadmap, { ok: true }>,
  options: ReportOptions = {},
): Table {
  const labels = options.labels ?? REPORT_LABELS;
  const locale = options.locale ?? model.sourceLocale;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  return {
    name: labels.actionPlan,
    columns: [
      { header: labels.action, width: 30 },
      { header: labels.item, width: 26 },
      { header: labels.prompt, width: 50 },
      { header: labels.step, width: 8 },
      { header: labels.kind, width: 14 },
      { header: labels.owner, width: 30 },
      { header: labels.phase, width: 8 },
      { header: labels.start, width: 10 },
      { header: labels.end, width: 10 },
      { header: labels.effort, width: 12 },
      { header: labels.dependsOn, width: 36 },
      { header: labels.status, width: 12 },
    ],
    rows: roadmap.actions.map((action) => [
      action.id,
      action.question,
      text(action.title),
      `${action.from} → ${action.to}`,
      action.kind ?? null,
      text(action.owner) || null,
      action.phase === null ? (action.status === 'dropped' ? null : labels.beyond) : action.phase + 1,
      action.start,
      action.end,
      action.effort,
      action.after.join(', '),
      action.status,
    ]),
  };
}
