/**
 * `npm run bench`: median milliseconds of a full scoring (answers resolved,
 * visibility, every node) for a synthetic 300-item questionnaire answered by
 * 200 respondents and for rm-core with 5, then the size of the client JavaScript.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

import type { Assessment } from '../src/domain/assessment.ts';
import { mergeAssessments } from '../src/domain/merge.ts';
import { buildModel, walk, type QuestionnaireModel } from '../src/domain/model.ts';
import { parseQuestionnaireText } from '../src/domain/questionnaire-file.ts';
import { questionnaireSchema } from '../src/domain/questionnaire-schema.ts';
import { buildRoadmap, readRoadmapSettings } from '../src/domain/roadmap.ts';
import { scoreAssessment } from '../src/domain/scoring.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function measure(label: string, model: QuestionnaireModel, assessment: Assessment, runs = 25): number {
  for (let warm = 0; warm < 3; warm += 1) scoreAssessment(model, assessment);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    scoreAssessment(model, assessment);
    times.push(performance.now() - start);
  }
  const result = median(times);
  process.stdout.write(`${label.padEnd(52)} ${result.toFixed(2).padStart(8)} ms (median of ${runs})\n`);
  return result;
}

/** A deterministic pseudo-random sequence, so every run measures the same work. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function synthetic(items: number, respondents: number, withActions = false) {
  const random = sequence(42);
  const methods = ['weighted-mean', 'mean', 'median', 'min', 'weighted-mean'];
  const perSection = 30;
  const sections = Array.from({ length: Math.ceil(items / perSection) }, (_, s) => ({
    id: `area-${s}`,
    title: `Area ${s}`,
    scoring: { method: methods[s % methods.length], rounding: s % 2 ? 'none' : 'half-up' },
    questions: Array.from({ length: perSection }, (_, q) => ({
      id: `item-${s}-${q}`,
      type: 'level',
      prompt: `Item ${s}.${q}`,
      weight: 1 + (q % 3),
      levels: { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' },
      ...(q % 10 === 9 ? { showIf: `item-${s}-0 >= 2` } : {}),
      // Four steps per item; every fifth item's third step waits for a step of the area before.
      ...(withActions
        ? {
            actions: [2, 3, 4, 5].map((to) => ({
              id: `item-${s}-${q}-to-${to}`,
              to,
              title: `Step ${to}`,
              effort: 1 + ((s + q + to) % 4),
              duration: 2 + ((q + to) % 6),
              ...(to === 3 && s > 0 && q % 5 === 0 ? { dependsOn: [`item-${s - 1}-${q}-to-3`] } : {}),
            })),
          }
        : {}),
    })),
  }));
  const questionnaire = questionnaireSchema.parse({
    id: 'synthetic',
    version: '1.0.0',
    locales: ['en'],
    title: 'Synthetic',
    target: 3,
    scales: { default: { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) } },
    sections,
  });
  const model = buildModel(questionnaire);
  return { model, assessment: answers(model, respondents, random) };
}

function answers(model: QuestionnaireModel, respondents: number, random: () => number): Assessment {
  const people = Array.from({ length: respondents }, (_, index) => ({
    id: `r${index}`,
    name: `Respondent ${index}`,
  }));
  const list: Record<string, unknown>[] = [];
  for (const node of walk(model.root)) {
    if (node.kind !== 'question' || node.type !== 'level') continue;
    for (const person of people) {
      const roll = random();
      if (roll < 0.05) list.push({ question: node.id, respondent: person.id, na: true });
      else if (roll < 0.1) list.push({ question: node.id, respondent: person.id, insufficient: true });
      else
        list.push({
          question: node.id,
          respondent: person.id,
          value: 1 + Math.floor(random() * 5),
          updated: '2026-01-01T00:00:00Z',
        });
    }
  }
  return {
    format: 'cairn.assessment',
    formatVersion: 1,
    questionnaire: { id: model.id, version: model.version },
    respondents: people,
    answers: list,
    consensus: [],
    targets: {},
  } as unknown as Assessment;
}

function measureRoadmap(label: string, runs = 15): void {
  const { model, assessment } = synthetic(300, 1, true);
  const settings = { ...readRoadmapSettings({}), capacity: 60 };
  // Every item at the lowest level and aiming at the top: all four steps of every item are needed.
  const targets = Object.fromEntries([...model.questions.keys()].map((id) => [id, 5]));
  const planned = {
    ...assessment,
    targets,
    answers: [...model.questions.keys()].map((question) => ({ question, respondent: 'r0', value: 1 })),
  };
  const scored = scoreAssessment(model, planned);
  for (let warm = 0; warm < 2; warm += 1) buildRoadmap(model, planned, scored, settings);
  const times: number[] = [];
  let actions = 0;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const roadmap = buildRoadmap(model, planned, scored, settings);
    times.push(performance.now() - start);
    if (roadmap.ok) actions = roadmap.actions.length;
  }
  process.stdout.write(
    `${`${label} (${actions} actions)`.padEnd(52)} ${median(times).toFixed(2).padStart(8)} ms (median of ${runs})\n`,
  );
}

process.stdout.write('Scoring (full: answers, visibility, every node)\n');
const big = synthetic(300, 200);
measure('synthetic: 300 items × 200 respondents (60,000 answers)', big.model, big.assessment);

const rmCorePath = 'questionnaires/rm-core.yaml';
if (existsSync(rmCorePath)) {
  const { questionnaire } = parseQuestionnaireText(readFileSync(rmCorePath, 'utf8'), rmCorePath);
  if (questionnaire) {
    const model = buildModel(questionnaire);
    measure('rm-core × 5 respondents', model, answers(model, 5, sequence(7)));
  }
}

function gzippedSize(folder: string, extension: string): { files: number; raw: number; gzip: number } {
  const total = { files: 0, raw: 0, gzip: 0 };
  if (!existsSync(folder)) return total;
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) visit(child);
      else if (name.endsWith(extension)) {
        const content = readFileSync(child);
        total.files += 1;
        total.raw += content.length;
        total.gzip += gzipSync(content).length;
      }
    }
  };
  visit(folder);
  return total;
}

function measureMerge(label: string, runs = 15): void {
  const { model } = synthetic(300, 1);
  // Twenty laptops: each its own expert, and every file also carries the team lead's answers,
  // edited at different times, so that conflicts are many.
  const files = Array.from({ length: 20 }, (_, index) => {
    const own = answers(model, 1, sequence(100 + index));
    const lead = answers(model, 1, sequence(7));
    return {
      ...own,
      updated: `2026-01-${String(1 + (index % 28)).padStart(2, '0')}T00:00:00Z`,
      respondents: [
        { id: `expert-${index}`, name: `Expert ${index}` },
        { id: 'lead', name: 'Team lead' },
      ],
      answers: [
        ...own.answers.map((answer) => ({ ...answer, respondent: `expert-${index}` })),
        ...lead.answers.map((answer) => ({
          ...answer,
          respondent: 'lead',
          updated: `2026-02-${String(1 + index).padStart(2, '0')}T00:00:00Z`,
        })),
      ],
    } as Assessment;
  });
  for (let warm = 0; warm < 2; warm += 1) mergeAssessments(files);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    mergeAssessments(files);
    times.push(performance.now() - start);
  }
  process.stdout.write(
    `${label.padEnd(52)} ${median(times).toFixed(2).padStart(8)} ms (median of ${runs})\n`,
  );
}

process.stdout.write('\nMerging\n');
measureMerge('20 files × 300 items (12,000 answers)');

process.stdout.write('\nRoadmap (needed actions, order, phases, projected scores after each of 5 phases)\n');
measureRoadmap('synthetic: 300 items × 4 actions');

process.stdout.write('\nClient bundle (dist/, run npm run build first)\n');
for (const extension of ['.js', '.css']) {
  const size = gzippedSize('dist', extension);
  process.stdout.write(
    `${`all ${extension} files (${size.files})`.padEnd(52)} ${(size.gzip / 1024).toFixed(1).padStart(8)} KB gzip (${(size.raw / 1024).toFixed(1)} KB raw)\n`,
  );
}

/**
 * The results page in Chromium: how long after navigation the numbers of
 * rm-core answered by 5 respondents are on screen (the page marks the moment).
 */
async function measureResultsPage(): Promise<void> {
  if (!existsSync('dist/en/results/index.html')) {
    process.stdout.write('results page: skipped, run npm run build first\n');
    return;
  }
  const { spawn, execFileSync } = await import('node:child_process');
  const { chromium } = await import('@playwright/test');
  const browserInfo = JSON.parse(
    execFileSync(process.execPath, ['scripts/chromium-path.mjs'], { encoding: 'utf8' }),
  ) as { executablePath: string; args: string[] };
  const port = 4411;
  const server = spawn(process.execPath, ['scripts/serve-dist.mjs', 'dist', String(port)], { stdio: 'pipe' });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const browser = await chromium.launch({
    executablePath: browserInfo.executablePath,
    args: browserInfo.args,
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const file = JSON.parse(readFileSync('test/fixtures/rm-core-mission.cairn.json', 'utf8')) as Assessment;
    await page.goto(`http://127.0.0.1:${port}/en/assessments/`);
    await page.evaluate(
      (stored) =>
        localStorage.setItem(
          `cairn:assessment:${stored.id}`,
          JSON.stringify({ schema: 1, assessment: stored }),
        ),
      file,
    );
    const shown: number[] = [];
    const afterLoad: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      await page.goto('about:blank');
      await page.goto(`http://127.0.0.1:${port}/en/results/#${file.id}`);
      await page.locator('[data-results-ready]').waitFor();
      await page.waitForFunction(() => window.performance.getEntriesByName('cairn:results-shown').length > 0);
      const timing = await page.evaluate(() => {
        const mark = window.performance.getEntriesByName('cairn:results-shown')[0]!.startTime;
        const navigation = window.performance.getEntriesByType(
          'navigation',
        )[0] as PerformanceNavigationTiming;
        return { mark, load: navigation.loadEventEnd };
      });
      if (run === 0) continue; // the first visit fills the HTTP cache
      shown.push(timing.mark);
      afterLoad.push(Math.max(0, timing.mark - timing.load));
    }
    process.stdout.write(
      `${'results page, rm-core × 5: numbers on screen'.padEnd(52)} ${median(shown).toFixed(0).padStart(8)} ms after navigation, ${median(afterLoad).toFixed(0)} ms after load (median of ${shown.length})\n`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

process.stdout.write('\nPages in Chromium (dist/)\n');
await measureResultsPage();
