/**
 * Paper forms in the browser: the blank workbook for one respondent, and a
 * filled one read back. Loaded on demand, with the workbook code.
 */
import type { Assessment } from '../domain/assessment.ts';
import type { QuestionnaireModel } from '../domain/model.ts';
import {
  paperFormTables,
  readPaperForm,
  type FormWords,
  type PaperFormImport,
} from '../domain/paper-form.ts';
import { xlsxWorkbook } from '../domain/xlsx.ts';
import { readWorkbook, WorkbookError } from '../domain/xlsx-read.ts';

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function blankForm(
  model: QuestionnaireModel,
  assessment: Assessment,
  respondent: string,
  locale: string,
  words: FormWords,
): Uint8Array {
  return xlsxWorkbook(paperFormTables(model, assessment, respondent, { locale, words }));
}

export async function importForm(
  file: File,
  model: QuestionnaireModel,
  assessment: Assessment,
  locale: string,
  words: FormWords,
): Promise<PaperFormImport> {
  try {
    const sheets = await readWorkbook(new Uint8Array(await file.arrayBuffer()), inflateRaw);
    return readPaperForm(sheets, file.name, model, assessment, new Date().toISOString(), { locale, words });
  } catch (cause) {
    const message = cause instanceof WorkbookError ? cause.message : 'the file cannot be read as a workbook';
    return { ok: false, problems: [`${file.name}: ${message}`] };
  }
}
