/**
 * The questionnaire format of SPEC §2 as a zod schema. The structural part is
 * strict (unknown keys are errors); `checkQuestionnaire` adds every rule that
 * spans several places (ids, scales, ranges, showIf, dependencies…), so the
 * same schema serves the content collection, the CLI and the browser.
 */
import { z } from 'zod';

import { ACTION_KINDS, METHODS, QUESTION_TYPES, ROUNDINGS } from './vocabulary.ts';
import { questionRange } from './question-range.ts';

export { questionRange };

import { EPSILON, isValidId } from './ids.ts';
import { parseShowIf, referencedQuestions, ShowIfSyntaxError } from './show-if.ts';
import type { Text } from './text.ts';

export { ACTION_KINDS, METHODS, QUESTION_TYPES, ROUNDINGS };

export type Method = (typeof METHODS)[number];
export type Rounding = (typeof ROUNDINGS)[number];
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];

const textSchema = z.union(
  [z.string().min(1, 'text is empty'), z.record(z.string(), z.string().min(1, 'text is empty'))],
  { error: 'expected a text: a string, or a map of locale to string such as { en: …, fr: … }' },
);

const idSchema = z.string().refine(isValidId, {
  message:
    'id must be lowercase words joined by single dashes (a-z, 0-9, starting with a letter) and not and/or/not/true/false',
});

const weightSchema = z.number().gt(0, 'weight must be greater than 0');

const scoringSchema = z.strictObject({
  method: z.enum(METHODS).optional(),
  rounding: z.enum(ROUNDINGS).optional(),
  plus: z.boolean().optional(),
  threshold: z.number().min(0).max(1).optional(),
  fractional: z.boolean().optional(),
});

const levelSchema = z.strictObject({
  value: z.number(),
  label: textSchema,
  description: textSchema.optional(),
});

const scaleSchema = z.strictObject({
  display: z.enum(['number', 'label']).optional(),
  levels: z.array(levelSchema).min(2, 'a scale needs at least two levels'),
});

const referenceSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  url: z.url().optional(),
});

const optionSchema = z.strictObject({
  id: idSchema,
  label: textSchema,
  score: z.number(),
});

const actionSchema = z.strictObject({
  id: idSchema,
  to: z.number(),
  title: textSchema,
  description: textSchema.optional(),
  kind: z.enum(ACTION_KINDS).optional(),
  effort: z.number().min(0).optional(),
  duration: z.number().min(0).optional(),
  owner: textSchema.optional(),
  dependsOn: z.array(idSchema).optional(),
  resources: z.array(idSchema).optional(),
});

/** The same or a closely related item in another questionnaire. */
const crossReferenceSchema = z.strictObject({
  questionnaire: idSchema,
  question: idSchema,
});

const questionSchema = z.strictObject({
  id: idSchema,
  type: z.enum(QUESTION_TYPES),
  prompt: textSchema,
  help: textSchema.optional(),
  scale: z.string().optional(),
  target: z.number().optional(),
  levels: z.record(z.string(), textSchema).optional(),
  options: z.array(optionSchema).optional(),
  score: z.strictObject({ true: z.number().optional(), false: z.number().optional() }).optional(),
  weight: weightSchema.optional(),
  level: z.number().optional(),
  showIf: z.string().optional(),
  evidence: z.array(textSchema).optional(),
  references: z.array(idSchema).optional(),
  replaces: z.array(idSchema).optional(),
  alsoIn: z.array(crossReferenceSchema).optional(),
  actions: z.array(actionSchema).optional(),
});

export type Reference = z.infer<typeof referenceSchema>;
export type ScaleLevel = z.infer<typeof levelSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type ScoringOptions = z.infer<typeof scoringSchema>;
export type Option = z.infer<typeof optionSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type CrossReference = z.infer<typeof crossReferenceSchema>;

export interface Section {
  id: string;
  title: Text;
  intro?: Text | undefined;
  weight?: number | undefined;
  scale?: string | undefined;
  target?: number | undefined;
  level?: number | undefined;
  scoring?: ScoringOptions | undefined;
  sections?: Section[] | undefined;
  questions?: Question[] | undefined;
}

const sectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.strictObject({
    id: idSchema,
    title: textSchema,
    intro: textSchema.optional(),
    weight: weightSchema.optional(),
    scale: z.string().optional(),
    target: z.number().optional(),
    level: z.number().optional(),
    scoring: scoringSchema.optional(),
    sections: z.array(sectionSchema).optional(),
    questions: z.array(questionSchema).optional(),
  }),
);

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

const questionnaireShape = z.strictObject({
  id: idSchema,
  version: z.string().regex(SEMVER, 'version must be semver, such as 1.0.0'),
  locales: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a locale is a code such as en or fr'))
    .min(1, 'at least one locale is needed'),
  title: textSchema,
  summary: textSchema.optional(),
  references: z.array(referenceSchema).optional(),
  scales: z.record(z.string(), scaleSchema),
  scoring: scoringSchema.optional(),
  na: z.enum(['exclude', 'lowest']).optional(),
  insufficient: z.enum(['lowest', 'exclude']).optional(),
  target: z.number().optional(),
  sections: z.array(sectionSchema).optional(),
  questions: z.array(questionSchema).optional(),
});

export type Questionnaire = z.infer<typeof questionnaireShape>;

export type Path = readonly (string | number)[];

export interface Problem {
  path: Path;
  message: string;
  severity: 'error' | 'warning';
  /** Where the thing this problem collides with stands (a first definition). */
  related?: Path | undefined;
  /** With `related`: point at the key of `path` rather than its value. */
  atKey?: boolean | undefined;
}

export const questionnaireSchema = questionnaireShape.superRefine((questionnaire, context) => {
  for (const problem of checkQuestionnaire(questionnaire)) {
    if (problem.severity !== 'error') continue;
    context.addIssue({
      code: 'custom',
      message: problem.message,
      path: [...problem.path],
      params: { related: problem.related },
    });
  }
});

interface Walked {
  section: Section;
  path: Path;
  parent: Section | undefined;
  parentScale: string;
}

interface WalkedQuestion {
  question: Question;
  path: Path;
  section: Section | Questionnaire;
  sectionScale: string;
  parentMethod: Method;
  parentScaleName: string;
}

/** Every rule of SPEC §2 beyond the structure, as errors and warnings with paths. */
export function checkQuestionnaire(questionnaire: Questionnaire): Problem[] {
  const problems: Problem[] = [];
  const error = (path: Path, message: string, related?: Path, atKey?: boolean) =>
    problems.push({ path, message, severity: 'error', related, atKey });
  const warn = (path: Path, message: string) => problems.push({ path, message, severity: 'warning' });
  const { scales } = questionnaire;
  const [sourceLocale = 'en', ...otherLocales] = questionnaire.locales;

  // Locales and texts.
  const seenLocales = new Set<string>();
  questionnaire.locales.forEach((locale, index) => {
    if (seenLocales.has(locale)) error(['locales', index], `locale "${locale}" is listed twice`);
    seenLocales.add(locale);
  });
  const checkText = (text: Text | undefined, path: Path) => {
    if (text === undefined || typeof text === 'string') return;
    if (text[sourceLocale] === undefined)
      error(path, `text has no "${sourceLocale}" version (the source locale)`);
    for (const locale of otherLocales) {
      if (text[locale] === undefined) warn(path, `text has no "${locale}" translation`);
    }
    for (const key of Object.keys(text)) {
      if (!seenLocales.has(key)) warn([...path, key], `"${key}" is not one of the locales`);
    }
  };
  checkText(questionnaire.title, ['title']);
  checkText(questionnaire.summary, ['summary']);

  // Scales.
  if (!scales['default']) error(['scales'], 'a scale named "default" is required');
  for (const [name, scale] of Object.entries(scales)) {
    if (!isValidId(name)) warn(['scales', name], `scale name "${name}" is not a valid id`);
    scale.levels.forEach((level, index) => {
      const previous = scale.levels[index - 1];
      if (previous && !(level.value > previous.value + EPSILON))
        error(
          ['scales', name, 'levels', index, 'value'],
          `level values must be strictly ascending: ${level.value} follows ${previous.value}`,
        );
      checkText(level.label, ['scales', name, 'levels', index, 'label']);
      checkText(level.description, ['scales', name, 'levels', index, 'description']);
    });
  }
  const scaleValues = (name: string): number[] => scales[name]?.levels.map((l) => l.value) ?? [];
  const scaleRange = (name: string) => {
    const values = scaleValues(name);
    return values.length ? { min: Math.min(...values), max: Math.max(...values) } : undefined;
  };
  const onScale = (value: number, name: string) =>
    scaleValues(name).some((v) => Math.abs(v - value) < EPSILON);

  // References.
  const referenceIds = new Map<string, Path>();
  (questionnaire.references ?? []).forEach((reference, index) => {
    const path: Path = ['references', index];
    const first = referenceIds.get(reference.id);
    if (first) error([...path, 'id'], `duplicate reference id "${reference.id}"`, first);
    else referenceIds.set(reference.id, [...path, 'id']);
    checkText(reference.title, [...path, 'title']);
  });
  const checkReference = (id: string, path: Path) => {
    if (!referenceIds.has(id)) error(path, `unknown reference "${id}": add it to references`);
  };

  // Walk sections and questions.
  const nodeIds = new Map<string, Path>([[questionnaire.id, ['id']]]);
  const claimId = (id: string, path: Path, what: string) => {
    const first = nodeIds.get(id);
    if (first) error(path, `duplicate id "${id}": the ${what} id is already used`, first);
    else nodeIds.set(id, path);
  };
  const sections: Walked[] = [];
  const questions: WalkedQuestion[] = [];
  const rootMethod = questionnaire.scoring?.method ?? 'weighted-mean';

  const checkScoring = (scoring: ScoringOptions | undefined, path: Path) => {
    if (!scoring) return;
    const method = scoring.method ?? 'weighted-mean';
    if (scoring.plus && method !== 'min') warn([...path, 'plus'], '"plus" applies only to the min method');
    if ((scoring.threshold !== undefined || scoring.fractional !== undefined) && method !== 'cumulative')
      warn(path, '"threshold" and "fractional" apply only to the cumulative method');
    if (scoring.rounding && scoring.rounding !== 'none' && method === 'sum')
      warn([...path, 'rounding'], 'rounding does not apply to the sum method');
  };
  checkScoring(questionnaire.scoring, ['scoring']);

  const walkQuestions = (
    list: Question[] | undefined,
    base: Path,
    owner: Section | Questionnaire,
    scaleName: string,
    method: Method,
  ) => {
    (list ?? []).forEach((question, index) => {
      const path: Path = [...base, 'questions', index];
      claimId(question.id, [...path, 'id'], 'question');
      questions.push({
        question,
        path,
        section: owner,
        sectionScale: scaleName,
        parentMethod: method,
        parentScaleName: scaleName,
      });
    });
  };
  const walkSections = (
    list: Section[] | undefined,
    base: Path,
    parent: Section | undefined,
    parentScale: string,
    parentMethod: Method,
  ) => {
    (list ?? []).forEach((section, index) => {
      const path: Path = [...base, 'sections', index];
      claimId(section.id, [...path, 'id'], 'section');
      checkText(section.title, [...path, 'title']);
      checkText(section.intro, [...path, 'intro']);
      checkScoring(section.scoring, [...path, 'scoring']);
      if (section.scale !== undefined && !scales[section.scale])
        error([...path, 'scale'], `unknown scale "${section.scale}"`);
      const ownScale = section.scale && scales[section.scale] ? section.scale : parentScale;
      if (parentMethod === 'cumulative') {
        if (section.level === undefined)
          error(path, `"${section.id}" is in a cumulative section and needs a "level"`);
        else if (!onScale(section.level, parentScale))
          error([...path, 'level'], `level ${section.level} is not a value of the scale "${parentScale}"`);
      }
      if (section.target !== undefined) {
        const range = scaleRange(ownScale);
        if (
          range &&
          section.scoring?.method !== 'sum' &&
          (section.target < range.min - EPSILON || section.target > range.max + EPSILON)
        )
          warn(
            [...path, 'target'],
            `target ${section.target} is outside the section's range ${range.min}..${range.max}`,
          );
      }
      if (!section.sections?.length && !section.questions?.length)
        warn(path, `section "${section.id}" has no questions`);
      sections.push({ section, path, parent, parentScale });
      const method = section.scoring?.method ?? 'weighted-mean';
      walkSections(section.sections, path, section, ownScale, method);
      walkQuestions(section.questions, path, section, ownScale, method);
    });
  };
  walkSections(questionnaire.sections, [], undefined, 'default', rootMethod);
  walkQuestions(questionnaire.questions, [], questionnaire, 'default', rootMethod);
  if (!questionnaire.sections?.length && !questionnaire.questions?.length)
    error(['sections'], 'the questionnaire has no sections');

  // Old ids carried over by `replaces`.
  const oldIds = new Map<string, Path>();
  for (const { question, path } of questions) {
    (question.replaces ?? []).forEach((old, index) => {
      const at: Path = [...path, 'replaces', index];
      if (nodeIds.has(old)) error(at, `"${old}" is a current id and cannot be replaced`, nodeIds.get(old));
      else if (oldIds.has(old))
        error(at, `"${old}" is already replaced by another question`, oldIds.get(old));
      else oldIds.set(old, at);
    });
  }

  // Questions.
  const questionById = new Map(questions.map((entry) => [entry.question.id, entry]));
  const actionIds = new Map<string, Path>();
  const actions: { action: Action; path: Path; question: string }[] = [];
  for (const { question, path, sectionScale, parentMethod, parentScaleName } of questions) {
    checkText(question.prompt, [...path, 'prompt']);
    checkText(question.help, [...path, 'help']);
    (question.evidence ?? []).forEach((text, index) => checkText(text, [...path, 'evidence', index]));
    (question.references ?? []).forEach((id, index) => checkReference(id, [...path, 'references', index]));
    const linked = new Set<string>();
    (question.alsoIn ?? []).forEach((link, index) => {
      const at: Path = [...path, 'alsoIn', index];
      const key = `${link.questionnaire}/${link.question}`;
      if (link.questionnaire === questionnaire.id)
        error([...at, 'questionnaire'], 'alsoIn names another questionnaire, not this one');
      else if (linked.has(key)) warn(at, `${key} is listed twice`);
      linked.add(key);
    });
    const scored = question.type !== 'number' && question.type !== 'text';
    const scaleName = question.scale ?? sectionScale;

    if (question.scale !== undefined && !scales[question.scale])
      error([...path, 'scale'], `unknown scale "${question.scale}"`);
    if (question.type !== 'level') {
      if (question.scale !== undefined) warn([...path, 'scale'], 'only level items use a scale');
      if (question.levels !== undefined) warn([...path, 'levels'], 'only level items have rubric levels');
    }
    if (question.type !== 'choice' && question.type !== 'multi' && question.options !== undefined)
      warn([...path, 'options'], 'only choice and multi items have options');
    if (question.type !== 'boolean' && question.score !== undefined)
      warn([...path, 'score'], 'only boolean items have a score map');

    if (question.type === 'level' && scales[scaleName]) {
      const values = scaleValues(scaleName);
      const rubric = question.levels ?? {};
      if (question.levels === undefined)
        error(
          path,
          `level item "${question.id}" needs "levels": one rubric per value of scale "${scaleName}"`,
        );
      else {
        for (const value of values) {
          if (!Object.keys(rubric).some((key) => Math.abs(Number(key) - value) < EPSILON))
            error([...path, 'levels'], `no rubric for level ${value} of scale "${scaleName}"`);
        }
        for (const [key, text] of Object.entries(rubric)) {
          const value = Number(key);
          if (
            key.trim() === '' ||
            !Number.isFinite(value) ||
            !values.some((v) => Math.abs(v - value) < EPSILON)
          )
            error(
              [...path, 'levels', key],
              `rubric for ${key}, which is not a value of scale "${scaleName}"`,
              undefined,
              true,
            );
          checkText(text, [...path, 'levels', key]);
        }
      }
    }
    if (question.type === 'choice' || question.type === 'multi') {
      const options = question.options ?? [];
      if (options.length === 0) error(path, `${question.type} item "${question.id}" needs options`);
      const optionIds = new Map<string, Path>();
      options.forEach((option, index) => {
        const at: Path = [...path, 'options', index, 'id'];
        const first = optionIds.get(option.id);
        if (first) error(at, `duplicate option id "${option.id}"`, first);
        else optionIds.set(option.id, at);
        checkText(option.label, [...path, 'options', index, 'label']);
      });
    }
    const range = questionRange(question, scales, sectionScale);
    if (scored && range && !(range.max - range.min > EPSILON)) {
      const why =
        question.type === 'multi'
          ? 'a multi item needs at least one option with a positive score'
          : question.type === 'boolean'
            ? 'its true and false scores are equal'
            : question.type === 'choice'
              ? 'all its options score the same'
              : 'its scale has a single value';
      error(path, `item "${question.id}" has a range of zero width: ${why}`);
    }
    if (
      question.target !== undefined &&
      range &&
      (question.target < range.min - EPSILON || question.target > range.max + EPSILON)
    )
      warn(
        [...path, 'target'],
        `target ${question.target} is outside the item's range ${range.min}..${range.max}`,
      );
    if (!scored && question.target !== undefined)
      warn([...path, 'target'], `${question.type} items are not scored`);

    if (parentMethod === 'cumulative' && scored) {
      if (question.level === undefined)
        error(path, `"${question.id}" is in a cumulative section and needs a "level"`);
      else if (!onScale(question.level, parentScaleName))
        error([...path, 'level'], `level ${question.level} is not a value of the scale "${parentScaleName}"`);
    }

    (question.actions ?? []).forEach((action, index) => {
      const at: Path = [...path, 'actions', index];
      const first = actionIds.get(action.id) ?? nodeIds.get(action.id);
      if (first) error([...at, 'id'], `duplicate id "${action.id}"`, first);
      else actionIds.set(action.id, [...at, 'id']);
      actions.push({ action, path: at, question: question.id });
      checkText(action.title, [...at, 'title']);
      checkText(action.description, [...at, 'description']);
      checkText(action.owner, [...at, 'owner']);
      if (range && (action.to < range.min - EPSILON || action.to > range.max + EPSILON))
        error([...at, 'to'], `"to" ${action.to} is outside the item's range ${range.min}..${range.max}`);
      else if (question.type === 'level' && scales[scaleName] && !onScale(action.to, scaleName))
        error([...at, 'to'], `"to" ${action.to} is not a value of scale "${scaleName}"`);
      (action.resources ?? []).forEach((id, i) => checkReference(id, [...at, 'resources', i]));
    });

    if (question.showIf !== undefined) checkShowIfSyntax(question, path);
  }

  function checkShowIfSyntax(question: Question, path: Path) {
    const at: Path = [...path, 'showIf'];
    const source = question.showIf ?? '';
    if (source.trim() === '') {
      error(at, 'showIf is empty');
      return;
    }
    try {
      const expression = parseShowIf(source);
      for (const id of referencedQuestions(expression)) {
        if (questionById.has(id)) continue;
        if (nodeIds.has(id)) error(at, `showIf names "${id}", which is a section, not a question`);
        else error(at, `showIf names "${id}", which is not a question of this questionnaire`);
      }
    } catch (cause) {
      if (cause instanceof ShowIfSyntaxError)
        error(at, `showIf does not parse at character ${cause.at + 1}: ${cause.message}`);
      else throw cause;
    }
  }

  // showIf cycles: a question whose visibility depends on itself.
  const dependencies = new Map<string, string[]>();
  for (const { question } of questions) {
    if (!question.showIf) continue;
    try {
      dependencies.set(
        question.id,
        referencedQuestions(parseShowIf(question.showIf)).filter((id) => questionById.has(id)),
      );
    } catch {
      // A syntax error is reported above.
    }
  }
  for (const cycle of findCycles(dependencies)) {
    const first = questionById.get(cycle[0]!);
    if (first)
      error([...first.path, 'showIf'], `showIf depends on itself: ${[...cycle, cycle[0]].join(' → ')}`);
  }

  // Action dependencies.
  const actionGraph = new Map<string, string[]>();
  for (const { action, path } of actions) {
    const known: string[] = [];
    (action.dependsOn ?? []).forEach((id, index) => {
      if (!actionIds.has(id))
        error([...path, 'dependsOn', index], `dependsOn names "${id}", which is not an action`);
      else if (id === action.id) error([...path, 'dependsOn', index], `action "${id}" depends on itself`);
      else known.push(id);
    });
    actionGraph.set(action.id, known);
  }
  // A step to a level comes after the same item's steps to lower levels (the roadmap orders
  // them so), so a loop through those implicit links is a cycle too.
  for (const { action, question } of actions) {
    const earlier = actions.filter(
      (other) => other.question === question && other.action.to < action.to - EPSILON,
    );
    actionGraph.get(action.id)?.push(...earlier.map((other) => other.action.id));
  }
  for (const cycle of findCycles(actionGraph)) {
    if (cycle.length < 2) continue;
    const first = actions.find((entry) => entry.action.id === cycle[0]);
    if (first)
      error([...first.path, 'dependsOn'], `dependsOn forms a cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  }

  return problems;
}

/** One representative cycle per strongly connected loop, each reported once. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (seen === 'active') cycles.push(stack.slice(stack.indexOf(next)));
      else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}
