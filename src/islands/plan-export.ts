/**
 * The plan's office files, built in the browser. Loaded on demand: the Word
 * library is heavy and only needed when someone downloads the document.
 */
import type { Assessment } from '../domain/assessment.ts';
import { buildGapReport } from '../domain/gap-report.ts';
import type { QuestionnaireModel } from '../domain/model.ts';
import { actionPlanTable, reportTables } from '../domain/report-tables.ts';
import type { Roadmap } from '../domain/roadmap.ts';
import { roadmapDocument } from '../domain/roadmap-docx.ts';
import type { ScoreResult } from '../domain/scoring.ts';
import { xlsxWorkbook } from '../domain/xlsx.ts';
import type { Messages } from '../i18n/en.ts';

export interface PlanExportInput {
  model: QuestionnaireModel;
  assessment: Assessment;
  result: ScoreResult;
  roadmap: Extract<Roadmap, { ok: true }>;
  locale: string;
  labels: Messages['reportLabels'];
  t: Messages['roadmap'];
}

export async function planExport(
  format: 'docx' | 'xlsx',
  { model, assessment, result, roadmap, locale, labels, t }: PlanExportInput,
): Promise<{ bytes: Uint8Array; type: string }> {
  const gaps = buildGapReport(model, result);
  if (format === 'xlsx') {
    const tables = reportTables(model, assessment, result, gaps, { locale, labels });
    return {
      bytes: xlsxWorkbook([
        tables.summary,
        tables.items,
        tables.gaps,
        actionPlanTable(model, roadmap, { locale, labels }),
      ]),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }
  return {
    bytes: await roadmapDocument({
      model,
      assessment,
      result,
      gaps,
      roadmap,
      locale,
      labels,
      words: { ...t.docx, method: [...t.docx.method] },
    }),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
