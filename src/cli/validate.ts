import { checkCrossReferences } from '../domain/cross-references.ts';
import { formatProblem, parseQuestionnaireText, type LocatedProblem } from '../domain/questionnaire-file.ts';
import type { Questionnaire } from '../domain/questionnaire-schema.ts';
import { translationCoverage } from '../domain/translation.ts';
import { UserError } from './files.ts';

interface Checked {
  file: string;
  questionnaire: Questionnaire;
  problems: LocatedProblem[];
  locate: NonNullable<ReturnType<typeof parseQuestionnaireText>['locate']>;
}

/**
 * Checks each file; prints problems on stderr and a summary per file on stdout.
 * `context` files (the shipped questionnaires) are read only to check the
 * `alsoIn` links of the files checked; their own problems are not reported.
 */
export function validateFiles(
  files: readonly string[],
  read: (file: string) => string,
  context: readonly string[] = [],
): number {
  let failed = false;
  const ids = new Map<string, string>();
  if (files.length === 0) {
    process.stderr.write('cairn validate: no questionnaire files found\n');
    return 1;
  }
  const checked: Checked[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch (cause) {
      process.stderr.write(`${cause instanceof UserError ? cause.message : `${file}: cannot be read`}\n`);
      failed = true;
      continue;
    }
    const { questionnaire, problems, locate } = parseQuestionnaireText(text, file);
    if (!questionnaire || !locate || problems.some((problem) => problem.severity === 'error')) {
      for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
      failed = true;
      continue;
    }
    const other = ids.get(questionnaire.id);
    if (other) {
      for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.stderr.write(`${file}:1:1: questionnaire id "${questionnaire.id}" is also used by ${other}\n`);
      failed = true;
      continue;
    }
    ids.set(questionnaire.id, file);
    checked.push({ file, questionnaire, problems, locate });
  }

  const known = contextQuestionnaires(context, files, read).filter((q) => !ids.has(q.id));
  for (const problem of checkCrossReferences(
    checked.map((entry) => entry.questionnaire),
    known,
  )) {
    const entry = checked.find((candidate) => candidate.questionnaire.id === problem.questionnaire)!;
    entry.problems.push({
      file: entry.file,
      ...entry.locate(problem.path),
      message: problem.message,
      severity: problem.severity,
    });
  }

  for (const { file, questionnaire, problems } of checked) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    if (problems.some((problem) => problem.severity === 'error')) {
      failed = true;
      continue;
    }
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

function contextQuestionnaires(
  context: readonly string[],
  files: readonly string[],
  read: (file: string) => string,
): Questionnaire[] {
  const found: Questionnaire[] = [];
  for (const file of context) {
    if (files.includes(file)) continue;
    try {
      const { questionnaire } = parseQuestionnaireText(read(file), file);
      if (questionnaire) found.push(questionnaire);
    } catch {
      // A shipped questionnaire that cannot be read only leaves its links unchecked.
    }
  }
  return found;
}
