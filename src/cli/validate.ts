import { formatProblem, parseQuestionnaireText } from '../domain/questionnaire-file.ts';
import { translationCoverage } from '../domain/translation.ts';
import { UserError } from './files.ts';

/** Checks each file; prints problems on stderr and a summary per file on stdout. */
export function validateFiles(files: readonly string[], read: (file: string) => string): number {
  let failed = false;
  const ids = new Map<string, string>();
  if (files.length === 0) {
    process.stderr.write('cairn validate: no questionnaire files found\n');
    return 1;
  }
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch (cause) {
      process.stderr.write(`${cause instanceof UserError ? cause.message : `${file}: cannot be read`}\n`);
      failed = true;
      continue;
    }
    const { questionnaire, problems } = parseQuestionnaireText(text, file);
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    if (!questionnaire || problems.some((problem) => problem.severity === 'error')) {
      failed = true;
      continue;
    }
    const other = ids.get(questionnaire.id);
    if (other) {
      process.stderr.write(`${file}:1:1: questionnaire id "${questionnaire.id}" is also used by ${other}\n`);
      failed = true;
      continue;
    }
    ids.set(questionnaire.id, file);
    const coverage = translationCoverage(questionnaire)
      .map(
        ({ locale, translated, total }) =>
          `${locale} ${total ? Math.floor((translated / total) * 1000) / 10 : 100}%`,
      )
      .join(', ');
    const warnings = problems.length ? `, ${problems.length} warning${problems.length > 1 ? 's' : ''}` : '';
    process.stdout.write(
      `${file}: ok (${questionnaire.id} ${questionnaire.version}; translations: ${coverage}${warnings})\n`,
    );
  }
  return failed ? 1 : 0;
}
