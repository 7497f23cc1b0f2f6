/**
 * Reading and writing `*.cairn.json` files (SPEC §3), the same way in the
 * browser and on the command line: every problem is named, nothing is
 * half-read.
 */
import { checkAssessment, type Assessment } from './assessment.ts';
import { assessmentSchema, describeIssue } from './assessment-schema.ts';
import type { QuestionnaireModel } from './model.ts';

export type AssessmentFileResult = { ok: true; assessment: Assessment } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

function where(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
}

/** Parses and checks the shape of an assessment file; `file` names it in every problem. */
export function parseAssessmentText(text: string, file: string): AssessmentFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    return { ok: false, problems: [`${file}: invalid JSON: ${(cause as Error).message}`] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, problems: [`${file}: not a Cairn assessment: expected a JSON object`] };
  const parsed = assessmentSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, assessment: parsed.data };
  const issues = parsed.error.issues;
  const problems = issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const at = issue.path.length ? `${where(issue.path)}: ` : '';
    return `${file}: not a Cairn assessment: ${at}${describeIssue(issue)}`;
  });
  if (issues.length > MAX_PROBLEMS)
    problems.push(`${file}: and ${issues.length - MAX_PROBLEMS} more problems`);
  return { ok: false, problems };
}

export type AssessmentImport =
  { ok: true; assessment: Assessment; warnings: string[] } | { ok: false; problems: string[] };

/**
 * Everything an import checks before it touches saved work: the file's shape,
 * a questionnaire this site knows, respondents, question ids and values.
 * `findModel` returns the questionnaire's model, or undefined when unknown.
 */
export function checkAssessmentImport(
  text: string,
  file: string,
  findModel: (id: string) => QuestionnaireModel | undefined,
): AssessmentImport {
  const parsed = parseAssessmentText(text, file);
  if (!parsed.ok) return parsed;
  const { assessment } = parsed;
  const model = findModel(assessment.questionnaire.id);
  if (!model)
    return {
      ok: false,
      problems: [`${file}: questionnaire "${assessment.questionnaire.id}" is not known here`],
    };
  const check = checkAssessment(model, assessment);
  if (check.errors.length) {
    const problems = check.errors.slice(0, MAX_PROBLEMS).map((error) => `${file}: ${error}`);
    if (check.errors.length > MAX_PROBLEMS)
      problems.push(`${file}: and ${check.errors.length - MAX_PROBLEMS} more problems`);
    return { ok: false, problems };
  }
  const warnings = check.warnings.map((warning) => `${file}: ${warning}`);
  if (assessment.questionnaire.version !== model.version)
    warnings.unshift(
      `${file}: answered on version ${assessment.questionnaire.version} of "${model.id}"; scored against version ${model.version}`,
    );
  // The file is kept as it was: answers to questions a version dropped stay in it, uncounted.
  return { ok: true, assessment, warnings };
}
