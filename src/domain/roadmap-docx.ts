/**
 * The roadmap as an editable Word document (DOCX): summary, gap table, the
 * plan phase by phase, each action in detail, and the methodology. The same
 * document from the results page and from `cairn report --format docx`.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

import type { Assessment } from './assessment.ts';
import type { GapReport } from './gap-report.ts';
import type { QuestionnaireModel } from './model.ts';
import { REPORT_LABELS, type ReportLabels } from './report-tables.ts';
import type { Roadmap } from './roadmap.ts';
import type { ScoreResult } from './scoring.ts';
import { fill, localize, type Text } from './text.ts';

/** The document's own sentences; English unless the caller passes its reader's. */
export const DOCX_WORDS = {
  title: 'Capacity-building roadmap',
  summary: 'Summary',
  overall: 'Overall maturity: {score} on a scale of {min} to {max}; target {target}.',
  coverage: '{answered} of {total} items answered; {insufficient} with insufficient evidence.',
  plan: 'The roadmap holds {n} actions, {effort} person-months of work, over {months} months.',
  gaps: 'Gaps to target',
  noGaps: 'No answered item stands below its target.',
  phases: 'Roadmap by phase',
  phase: 'Phase {n}: months {start} to {end} ({used} of {capacity} person-months)',
  beyond: 'Beyond the plan',
  projected: 'Expected overall maturity after this phase: {score}.',
  details: 'Action details',
  resources: 'Resources',
  methodology: 'Methodology',
  method: [
    'Scores come from the answers by the scoring engine of Cairn: each item scores its level; several respondents are consolidated; sections combine their items as the questionnaire says.',
    'The roadmap takes, for each item below its target, the actions of the questionnaire’s library that raise it step by step to its target, adds what they depend on, orders them so that every action follows those it waits for, and places each in the earliest phase where its dependencies are done and the phase’s capacity allows. The expected maturity after a phase counts every action of that phase and the phases before it as done.',
  ],
};

export type DocxWords = typeof DOCX_WORDS;

export interface RoadmapDocumentInput {
  model: QuestionnaireModel;
  assessment: Assessment;
  result: ScoreResult;
  gaps: GapReport;
  roadmap: Extract<Roadmap, { ok: true }>;
  locale?: string | undefined;
  labels?: ReportLabels | undefined;
  words?: DocxWords | undefined;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'B4BCC6' };

function table(headers: string[], rows: (string | number | null)[][], widths: number[]): Table {
  const cell = (value: string | number | null, header = false) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [new TextRun({ text: value === null ? '' : String(value), bold: header, size: 18 })],
          alignment: typeof value === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        }),
      ],
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E3EEF0' } } : {}),
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) })),
    ],
  });
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The document's bytes. */
export async function roadmapDocument(input: RoadmapDocumentInput): Promise<Uint8Array> {
  const { model, assessment, result, gaps, roadmap } = input;
  const labels = input.labels ?? REPORT_LABELS;
  const words = input.words ?? DOCX_WORDS;
  const locale = input.locale ?? model.sourceLocale;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const titleOf = (id: string) => {
    const section = model.sections.get(id);
    if (section) return text(section.source.title);
    return text(model.questions.get(id)?.source.prompt) || id;
  };
  const overall = result.overall;
  const active = roadmap.actions.filter((action) => action.status !== 'dropped');
  const effort = active.reduce((sum, action) => sum + action.effort, 0);
  const months = Math.max(0, ...active.map((action) => action.end ?? 0));
  const heading = (value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text: value, heading: level });
  const paragraph = (value: string) =>
    new Paragraph({ children: [new TextRun(value)], spacing: { after: 120 } });

  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: words.title, heading: HeadingLevel.TITLE }),
    paragraph(
      `${assessment.title ?? ''}${assessment.administration ? ` · ${assessment.administration}` : ''}`,
    ),
    paragraph(`${text(model.source.title)} · ${labels.version} ${model.version}`),
    heading(words.summary, HeadingLevel.HEADING_1),
    paragraph(
      fill(words.overall, {
        score: overall.display ?? '–',
        min: overall.min,
        max: overall.max,
        target: round(overall.target) ?? '–',
      }),
    ),
    paragraph(
      fill(words.coverage, {
        answered: overall.answered,
        total: overall.total,
        insufficient: overall.insufficient,
      }),
    ),
    paragraph(fill(words.plan, { n: active.length, effort: round(effort)!, months })),
    heading(words.gaps, HeadingLevel.HEADING_1),
  ];
  if (gaps.gaps.length === 0) children.push(paragraph(words.noGaps));
  else
    children.push(
      table(
        [labels.rank, labels.item, labels.area, labels.score, labels.target, labels.gap],
        gaps.gaps.map((gap, index) => [
          index + 1,
          titleOf(gap.id),
          titleOf(gap.area),
          round(gap.score),
          round(gap.target),
          round(gap.gap),
        ]),
        [600, 4200, 2200, 800, 800, 800],
      ),
    );

  children.push(heading(words.phases, HeadingLevel.HEADING_1));
  const planRows = (phase: number | null) =>
    roadmap.actions
      .filter((action) => action.phase === phase && action.status !== 'dropped')
      .map((action) => [
        text(action.title),
        `${action.from} → ${action.to}`,
        action.effort,
        action.start === null ? action.duration : `${action.start}–${action.end}`,
        text(action.owner),
        action.status,
      ]);
  const planHeaders = [
    labels.action,
    labels.step,
    labels.effort,
    labels.duration,
    labels.owner,
    labels.status,
  ];
  const planWidths = [3600, 900, 900, 1000, 2200, 1000];
  for (const phase of roadmap.phases) {
    children.push(
      heading(
        fill(words.phase, {
          n: phase.index + 1,
          start: phase.start,
          end: phase.end,
          used: round(phase.used)!,
          capacity: phase.capacity,
        }),
        HeadingLevel.HEADING_2,
      ),
    );
    const rows = planRows(phase.index);
    if (rows.length) children.push(table(planHeaders, rows, planWidths));
    const projected = roadmap.projections[phase.index]?.overall;
    if (projected?.display) children.push(paragraph(fill(words.projected, { score: projected.display })));
  }
  const beyond = planRows(null);
  if (beyond.length)
    children.push(heading(words.beyond, HeadingLevel.HEADING_2), table(planHeaders, beyond, planWidths));

  children.push(heading(words.details, HeadingLevel.HEADING_1));
  const references = new Map((model.source.references ?? []).map((reference) => [reference.id, reference]));
  for (const action of active) {
    children.push(heading(text(action.title), HeadingLevel.HEADING_3));
    children.push(
      paragraph(
        [
          `${labels.item}: ${titleOf(action.question)}`,
          `${labels.step}: ${action.from} → ${action.to}`,
          action.kind ? `${labels.kind}: ${action.kind}` : '',
          `${labels.effort}: ${action.effort}`,
          `${labels.duration}: ${action.duration}`,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    );
    if (action.description) children.push(paragraph(text(action.description)));
    if (action.after.length)
      children.push(
        paragraph(
          `${labels.dependsOn}: ${action.after
            .map((id) => roadmap.actions.find((a) => a.id === id))
            .map((a) => (a ? text(a.title) : ''))
            .join('; ')}`,
        ),
      );
    if (action.resources.length)
      children.push(
        paragraph(
          `${words.resources}: ${action.resources.map((id) => text(references.get(id)?.title) || id).join('; ')}`,
        ),
      );
  }

  children.push(heading(words.methodology, HeadingLevel.HEADING_1), ...words.method.map(paragraph));

  const document = new Document({
    creator: 'Cairn',
    title: `${words.title}: ${assessment.title ?? ''}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
