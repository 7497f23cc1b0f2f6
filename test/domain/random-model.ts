/**
 * Random but valid questionnaires and assessments for property tests, built
 * from one seed so that fast-check can report a failing case reproducibly.
 */
import type { Assessment } from '../../src/domain/assessment.ts';
import {
  METHODS,
  ROUNDINGS,
  questionnaireSchema,
  type Questionnaire,
} from '../../src/domain/questionnaire-schema.ts';

export type Random = () => number;

export function prng(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

export const SCALES = {
  default: { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) },
  four: { display: 'label', levels: [0, 1, 2, 3].map((value) => ({ value, label: `F${value}` })) },
  letters: {
    display: 'label',
    levels: ['D', 'C', 'B', 'A'].map((label, index) => ({ value: index + 1, label })),
  },
} as const;
type ScaleName = keyof typeof SCALES;
const valuesOf = (name: ScaleName) => SCALES[name].levels.map((level) => level.value);

export interface RandomCase {
  questionnaire: Questionnaire;
  assessment: Assessment;
}

export function randomQuestionnaire(
  random: Random,
  options: { methods?: readonly string[] } = {},
): Questionnaire {
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${++counter}`;
  const methods = options.methods ?? METHODS;

  const question = (scale: ScaleName, cumulativeScale: ScaleName | undefined) => {
    const id = nextId('q');
    const type = pick(random, ['level', 'level', 'choice', 'multi', 'boolean'] as const);
    const base: Record<string, unknown> = { id, type, prompt: id, weight: pick(random, [0.5, 1, 2, 3]) };
    if (cumulativeScale) base['level'] = pick(random, valuesOf(cumulativeScale));
    if (type === 'level') {
      const own = random() < 0.3 ? pick(random, ['default', 'four', 'letters'] as const) : scale;
      if (own !== scale) base['scale'] = own;
      base['levels'] = Object.fromEntries(valuesOf(own).map((value) => [String(value), `r${value}`]));
    } else if (type === 'choice' || type === 'multi') {
      const count = between(random, 2, 4);
      const scores = Array.from({ length: count }, () => pick(random, [-1, 0, 0.5, 1, 2, 3]));
      if (type === 'choice' && new Set(scores).size === 1) scores[0] = scores[0]! + 1;
      if (type === 'multi' && !scores.some((value) => value > 0)) scores[0] = 1;
      base['options'] = scores.map((score, index) => ({ id: `o${index}`, label: `O${index}`, score }));
    } else {
      const yes = pick(random, [1, 2, 0]);
      base['score'] = { true: yes, false: yes === 0 ? 1 : 0 };
    }
    return base;
  };

  const section = (
    depth: number,
    parentScale: ScaleName,
    cumulativeScale: ScaleName | undefined,
  ): Record<string, unknown> => {
    const id = nextId('s');
    const scale = random() < 0.3 ? pick(random, ['default', 'four', 'letters'] as const) : parentScale;
    const method = pick(random, methods);
    const scoring = {
      method,
      rounding: pick(random, ROUNDINGS),
      plus: random() < 0.5,
      threshold: pick(random, [0.5, 2 / 3, 1]),
      fractional: random() < 0.5,
    };
    const childCumulative = method === 'cumulative' ? scale : undefined;
    const sections =
      depth < 2 && random() < 0.6
        ? Array.from({ length: between(random, 1, 2) }, () => section(depth + 1, scale, childCumulative))
        : [];
    const questions = Array.from({ length: between(random, sections.length ? 0 : 1, 4) }, () =>
      question(scale, childCumulative),
    );
    const result: Record<string, unknown> = {
      id,
      title: id,
      weight: pick(random, [0.5, 1, 2]),
      scoring,
      sections,
      questions,
    };
    if (scale !== parentScale) result['scale'] = scale;
    if (cumulativeScale) result['level'] = pick(random, valuesOf(cumulativeScale));
    return result;
  };

  const rootMethod = pick(random, methods);
  const rootCumulative = rootMethod === 'cumulative' ? 'default' : undefined;
  const candidate = {
    id: 'random',
    version: '1.0.0',
    locales: ['en'],
    title: 'Random',
    scales: SCALES,
    scoring: { method: rootMethod, rounding: pick(random, ROUNDINGS) },
    na: pick(random, ['exclude', 'lowest']),
    insufficient: pick(random, ['lowest', 'exclude']),
    target: pick(random, [undefined, 3, 4]),
    sections: Array.from({ length: between(random, 1, 3) }, () => section(0, 'default', rootCumulative)),
  };
  const parsed = questionnaireSchema.safeParse(JSON.parse(JSON.stringify(candidate)));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
  return parsed.data;
}

interface QuestionLike {
  id: string;
  type: string;
  scale?: string | undefined;
  options?: { id: string; score: number }[] | undefined;
}

export function allQuestions(q: Questionnaire): (QuestionLike & { sectionScale: string })[] {
  const found: (QuestionLike & { sectionScale: string })[] = [];
  const visit = (
    section: {
      scale?: string | undefined;
      sections?: unknown[] | undefined;
      questions?: unknown[] | undefined;
    },
    scale: string,
  ) => {
    const own = section.scale ?? scale;
    for (const child of (section.sections ?? []) as (typeof section)[]) visit(child, own);
    for (const question of (section.questions ?? []) as QuestionLike[])
      found.push({ ...question, sectionScale: own });
  };
  visit(q as never, 'default');
  return found;
}

/** A random value for a question, of the right kind. */
export function randomValue(random: Random, question: QuestionLike & { sectionScale: string }): unknown {
  switch (question.type) {
    case 'level':
      return pick(random, valuesOf((question.scale ?? question.sectionScale) as ScaleName));
    case 'choice':
      return pick(random, question.options!).id;
    case 'multi':
      return question.options!.filter(() => random() < 0.5).map((option) => option.id);
    default:
      return random() < 0.5;
  }
}

export function randomAssessment(random: Random, q: Questionnaire): Assessment {
  const respondents = Array.from({ length: between(random, 1, 3) }, (_, index) => ({ id: `r${index + 1}` }));
  const answers: Record<string, unknown>[] = [];
  for (const question of allQuestions(q)) {
    for (const respondent of respondents) {
      const roll = random();
      if (roll < 0.2) continue;
      const answer: Record<string, unknown> = { question: question.id, respondent: respondent.id };
      if (roll < 0.3) answer['na'] = true;
      else if (roll < 0.4) answer['insufficient'] = true;
      else {
        answer['value'] = randomValue(random, question);
        if (roll < 0.45) answer['insufficient'] = true;
      }
      answers.push(answer);
    }
  }
  return {
    format: 'cairn.assessment',
    formatVersion: 1,
    questionnaire: { id: q.id, version: q.version },
    consolidation: pick(random, ['median', 'mean', 'min', 'max'] as const),
    respondents,
    answers,
    consensus: [],
    targets: {},
  } as unknown as Assessment;
}
