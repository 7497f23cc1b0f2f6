/**
 * `npm run cairn -- <command>`: the same domain functions as the browser,
 * from the command line. Bad input ends with one line on stderr naming the
 * file and the problem, and exit code 1; never a stack trace.
 */
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadAssessment, loadQuestionnaire, readText, UserError } from './files.ts';
import { validateFiles } from './validate.ts';
import { checkAssessment } from '../domain/assessment.ts';
import { buildGapReport, gapReportJson } from '../domain/gap-report.ts';
import { mergeAssessments, MergeError, migrateAssessment, type MergeConflict } from '../domain/merge.ts';
import { buildModel } from '../domain/model.ts';
import { actionPlanTable, reportTables, toCsv } from '../domain/report-tables.ts';
import { buildRoadmap, roadmapJson } from '../domain/roadmap.ts';
import { roadmapDocument } from '../domain/roadmap-docx.ts';
import { localize } from '../domain/text.ts';
import { scoreAssessment, scoreResultJson } from '../domain/scoring.ts';
import { xlsxWorkbook } from '../domain/xlsx.ts';

const USAGE = `Usage: npm run cairn -- <command>

  validate [files…]                          check questionnaires (default: questionnaires/*.yaml)
  score <questionnaire.yaml> <assessment.json>   print the score result as JSON
  merge <a.json> <b.json>… -o <out.json> [--questionnaire q.yaml]
                                             merge assessment files of several laptops
  report <questionnaire.yaml> <assessment.json> --format csv|xlsx|docx|json -o <file>
                                             write the gap report and roadmap`;

/** The questionnaires folder, or none when it cannot be read (run from elsewhere). */
function shippedQuestionnaires(): string[] {
  try {
    return defaultQuestionnaires();
  } catch {
    return [];
  }
}

function defaultQuestionnaires(): string[] {
  const folder = 'questionnaires';
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(folder, name));
}

/** Loads, checks and scores one assessment, as `score` and `report` both need. */
function scoreFiles(questionnaireFile: string, assessmentFile: string) {
  const questionnaire = loadQuestionnaire(questionnaireFile);
  const assessment = loadAssessment(assessmentFile);
  const model = buildModel(questionnaire);
  const check = checkAssessment(model, assessment);
  if (check.errors.length) {
    const more = check.errors.length > 1 ? ` (and ${check.errors.length - 1} more problems)` : '';
    throw new UserError(`${assessmentFile}: ${check.errors[0]}${more}`);
  }
  for (const warning of check.warnings) process.stderr.write(`${assessmentFile}: warning: ${warning}\n`);
  return { model, assessment: check.assessment, result: scoreAssessment(model, check.assessment) };
}

function score(args: string[]): number {
  const [questionnaireFile, assessmentFile, ...rest] = args;
  if (!questionnaireFile || !assessmentFile || rest.length) {
    throw new UserError('usage: npm run cairn -- score <questionnaire.yaml> <assessment.json>');
  }
  const { result } = scoreFiles(questionnaireFile, assessmentFile);
  process.stdout.write(`${JSON.stringify(scoreResultJson(result), null, 2)}\n`);
  return 0;
}

const REPORT_FORMATS = ['csv', 'xlsx', 'json', 'docx'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

function parseReportArgs(args: string[]) {
  const files: string[] = [];
  let format: string | undefined;
  let output: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--format' || arg === '-f') format = args[(index += 1)];
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '-o' || arg === '--output') output = args[(index += 1)];
    else if (arg.startsWith('-')) throw new UserError(`cairn report: unknown option ${arg}`);
    else files.push(arg);
  }
  const usage =
    'usage: npm run cairn -- report <questionnaire.yaml> <assessment.json> --format csv|xlsx|docx|json -o <file>';
  if (files.length !== 2 || !format || !output) throw new UserError(usage);
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UserError(`cairn report: unknown format "${format}" (csv, xlsx, docx or json)`);
  return { questionnaireFile: files[0]!, assessmentFile: files[1]!, format: format as ReportFormat, output };
}

/** Writes beside the target, then renames: a failure never leaves a half-written file. */
function writeWhole(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new UserError(`${file}: cannot be written (${(cause as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function describeEntry(entry: MergeConflict['kept']): string {
  const value = entry.na
    ? 'N/A'
    : entry.value === undefined
      ? entry.insufficient
        ? 'insufficient evidence'
        : 'no value'
      : JSON.stringify(entry.value);
  return `${value}${entry.insufficient && !entry.na && entry.value !== undefined ? ' (insufficient evidence)' : ''} at ${entry.updated ?? 'an unknown time'}`;
}

function merge(args: string[]): number {
  const files: string[] = [];
  let output: string | undefined;
  let questionnaireFile: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '-o' || arg === '--output') output = args[(index += 1)];
    else if (arg === '--questionnaire' || arg === '-q') questionnaireFile = args[(index += 1)];
    else if (arg.startsWith('-')) throw new UserError(`cairn merge: unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length < 2 || !output)
    throw new UserError(
      'usage: npm run cairn -- merge <a.json> <b.json>… -o <out.json> [--questionnaire q.yaml]',
    );
  let assessments = files.map((file) => ({ file, assessment: loadAssessment(file) }));
  const first = assessments[0]!;
  for (const { file, assessment } of assessments)
    if (assessment.questionnaire.id !== first.assessment.questionnaire.id)
      throw new UserError(
        `${file}: an assessment of "${assessment.questionnaire.id}", not "${first.assessment.questionnaire.id}" like ${first.file}: files of different questionnaires do not merge`,
      );
  const versions = new Set(assessments.map(({ assessment }) => assessment.questionnaire.version));
  if (versions.size > 1) {
    // Files of different versions merge once the older are migrated to the questionnaire's version.
    const source = questionnaireFile ?? join('questionnaires', `${first.assessment.questionnaire.id}.yaml`);
    const model = buildModel(loadQuestionnaire(source));
    assessments = assessments.map(({ file, assessment }) => {
      if (assessment.questionnaire.version === model.version) return { file, assessment };
      const migration = migrateAssessment(model, assessment);
      process.stderr.write(
        `${file}: migrated from version ${assessment.questionnaire.version} to ${model.version}` +
          (migration.renamed.length
            ? `; renamed ${migration.renamed.map(([a, b]) => `${a} → ${b}`).join(', ')}`
            : '') +
          (migration.dropped.length ? `; left out answers to ${migration.dropped.join(', ')}` : '') +
          '\n',
      );
      return { file, assessment: migration.assessment };
    });
  }
  let result;
  try {
    result = mergeAssessments(assessments.map(({ assessment }) => assessment));
  } catch (cause) {
    if (cause instanceof MergeError) throw new UserError(`cairn merge: ${cause.message}`);
    throw cause;
  }
  for (const conflict of result.conflicts) {
    const who = conflict.kind === 'answer' ? `answer of ${conflict.respondent} to` : 'consensus on';
    process.stdout.write(
      `conflict: ${who} "${conflict.question}": kept ${describeEntry(conflict.kept)}, over ${describeEntry(conflict.dropped)}\n`,
    );
  }
  writeWhole(output, `${JSON.stringify(result.assessment, null, 2)}\n`);
  const merged = result.assessment;
  process.stdout.write(
    `merged ${files.length} files into ${output}: ${merged.respondents.length} respondents, ${merged.answers.length} answers, ${merged.consensus.length} consensus ratings, ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}\n`,
  );
  return 0;
}

async function report(args: string[]): Promise<number> {
  const { questionnaireFile, assessmentFile, format, output } = parseReportArgs(args);
  const { model, assessment, result } = scoreFiles(questionnaireFile, assessmentFile);
  const gapReport = buildGapReport(model, result);
  const roadmap = buildRoadmap(model, assessment, result);
  const sourceText = (text: Parameters<typeof localize>[0]) =>
    localize(text, model.sourceLocale, model.sourceLocale);
  if (format === 'json') {
    const json = {
      ...scoreResultJson(result),
      ...gapReportJson(gapReport),
      roadmap: roadmapJson(roadmap, sourceText),
    };
    writeWhole(output, `${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  if (format === 'csv') {
    writeWhole(output, toCsv(reportTables(model, assessment, result, gapReport).items));
    return 0;
  }
  if (!roadmap.ok)
    throw new UserError(
      `${assessmentFile}: the roadmap's actions form a cycle: ${roadmap.cycle.join(' → ')}`,
    );
  if (format === 'xlsx') {
    const tables = reportTables(model, assessment, result, gapReport);
    writeWhole(
      output,
      xlsxWorkbook([tables.summary, tables.items, tables.gaps, actionPlanTable(model, roadmap)]),
    );
  } else writeWhole(output, await roadmapDocument({ model, assessment, result, gaps: gapReport, roadmap }));
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'validate':
        return validateFiles(args.length ? args : defaultQuestionnaires(), readText, shippedQuestionnaires());
      case 'score':
        return score(args);
      case 'report':
        return await report(args);
      case 'merge':
        return merge(args);
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

process.exitCode = await run(process.argv.slice(2));
