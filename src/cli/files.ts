import { readFileSync } from 'node:fs';

import type { Assessment } from '../domain/assessment.ts';
import { parseAssessmentText } from '../domain/assessment-file.ts';
import { formatProblem, parseQuestionnaireText } from '../domain/questionnaire-file.ts';
import type { Questionnaire } from '../domain/questionnaire-schema.ts';

/** A problem with the user's input: printed as one line, exit code 1. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : 'cannot be read';
    throw new UserError(`${file}: ${why}`);
  }
}

export function loadQuestionnaire(file: string): Questionnaire {
  const { questionnaire, problems } = parseQuestionnaireText(readText(file), file);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (!questionnaire || errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: run cairn validate ${file})` : '';
    throw new UserError(`${formatProblem(errors[0]!)}${more}`);
  }
  return questionnaire;
}

export function loadAssessment(file: string): Assessment {
  const result = parseAssessmentText(readText(file), file);
  if (!result.ok) throw new UserError(result.problems[0]!);
  return result.assessment;
}
