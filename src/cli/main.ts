/**
 * `npm run cairn -- <command>`: the same domain functions as the browser,
 * from the command line. Bad input ends with one line on stderr naming the
 * file and the problem, and exit code 1; never a stack trace.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { loadAssessment, loadQuestionnaire, readText, UserError } from './files.ts';
import { validateFiles } from './validate.ts';
import { checkAssessment } from '../domain/assessment.ts';
import { buildModel } from '../domain/model.ts';
import { scoreAssessment, scoreResultJson } from '../domain/scoring.ts';

const USAGE = `Usage: npm run cairn -- <command>

  validate [files…]                          check questionnaires (default: questionnaires/*.yaml)
  score <questionnaire.yaml> <assessment.json>   print the score result as JSON
  merge <a.json> <b.json>… -o <out.json>        merge assessment files (not yet available)
  report <questionnaire.yaml> <assessment.json> --format csv|xlsx|docx|json -o <file>
                                             write the gap report (not yet available)`;

function defaultQuestionnaires(): string[] {
  const folder = 'questionnaires';
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(folder, name));
}

function score(args: string[]): number {
  const [questionnaireFile, assessmentFile, ...rest] = args;
  if (!questionnaireFile || !assessmentFile || rest.length) {
    throw new UserError('usage: npm run cairn -- score <questionnaire.yaml> <assessment.json>');
  }
  const questionnaire = loadQuestionnaire(questionnaireFile);
  const assessment = loadAssessment(assessmentFile);
  const model = buildModel(questionnaire);
  const check = checkAssessment(model, assessment);
  if (check.errors.length) {
    const more = check.errors.length > 1 ? ` (and ${check.errors.length - 1} more problems)` : '';
    throw new UserError(`${assessmentFile}: ${check.errors[0]}${more}`);
  }
  for (const warning of check.warnings) process.stderr.write(`${assessmentFile}: warning: ${warning}\n`);
  const result = scoreAssessment(model, check.assessment);
  process.stdout.write(`${JSON.stringify(scoreResultJson(result), null, 2)}\n`);
  return 0;
}

export function run(argv: string[]): number {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'validate':
        return validateFiles(args.length ? args : defaultQuestionnaires(), readText);
      case 'score':
        return score(args);
      case 'merge':
      case 'report':
        process.stderr.write(`cairn ${command}: not yet available in this version\n`);
        return 2;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 1 : 0;
      default:
        process.stderr.write(`cairn: unknown command "${command}"\n${USAGE}\n`);
        return 1;
    }
  } catch (cause) {
    if (cause instanceof UserError) {
      process.stderr.write(`${cause.message}\n`);
      return 1;
    }
    const message = cause instanceof Error ? cause.message : String(cause);
    process.stderr.write(`cairn ${command}: unexpected error: ${message}\n`);
    return 1;
  }
}

process.exitCode = run(process.argv.slice(2));
