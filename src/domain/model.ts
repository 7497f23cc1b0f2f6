/**
 * A questionnaire with every default of SPEC §4.1 resolved and every node
 * indexed: what the scoring engine, the gap report and the pages walk.
 */
import { questionRange } from './question-range.ts';
import type {
  Method,
  Question,
  QuestionType,
  Questionnaire,
  Rounding,
  Scale,
  Section,
} from './questionnaire-schema.ts';
import { parseShowIf, type Expression } from './show-if.ts';
import { localize, type Text } from './text.ts';

export interface ScaleModel {
  readonly name: string;
  readonly display: 'number' | 'label';
  readonly levels: readonly { value: number; label: Text; description?: Text | undefined }[];
  readonly values: readonly number[];
  /** Labels in the source locale, by position in `values`. */
  readonly labels: readonly string[];
  readonly min: number;
  readonly max: number;
}

export interface ResolvedScoring {
  readonly method: Method;
  readonly rounding: Rounding;
  readonly plus: boolean;
  readonly threshold: number;
  readonly fractional: boolean;
}

export interface QuestionModel {
  readonly kind: 'question';
  readonly id: string;
  readonly type: QuestionType;
  readonly scored: boolean;
  readonly weight: number;
  readonly level: number | undefined;
  readonly target: number | undefined;
  /** The item's scale (level items only). */
  readonly scale: ScaleModel | undefined;
  readonly min: number;
  readonly max: number;
  readonly optionScores: ReadonlyMap<string, number>;
  readonly booleanScores: { readonly true: number; readonly false: number };
  readonly showIf: Expression | undefined;
  readonly source: Question;
  readonly parent: SectionModel;
}

export interface SectionModel {
  readonly kind: 'section';
  readonly id: string;
  readonly isRoot: boolean;
  readonly weight: number;
  readonly level: number | undefined;
  readonly target: number | undefined;
  readonly scale: ScaleModel;
  readonly scoring: ResolvedScoring;
  readonly children: readonly (SectionModel | QuestionModel)[];
  readonly source: Section | Questionnaire;
  readonly parent: SectionModel | undefined;
}

export interface QuestionnaireModel {
  readonly source: Questionnaire;
  readonly id: string;
  readonly version: string;
  readonly sourceLocale: string;
  readonly root: SectionModel;
  readonly defaultScale: ScaleModel;
  readonly na: 'exclude' | 'lowest';
  readonly insufficient: 'lowest' | 'exclude';
  readonly target: number | undefined;
  readonly questions: ReadonlyMap<string, QuestionModel>;
  readonly sections: ReadonlyMap<string, SectionModel>;
  /** Old id (from `replaces`) → current question id. */
  readonly replaced: ReadonlyMap<string, string>;
  readonly hasShowIf: boolean;
  readonly scales: ReadonlyMap<string, ScaleModel>;
}

function scaleModel(name: string, scale: Scale, sourceLocale: string): ScaleModel {
  const values = scale.levels.map((level) => level.value);
  return {
    name,
    display: scale.display ?? 'number',
    levels: scale.levels,
    values,
    labels: scale.levels.map((level) => localize(level.label, sourceLocale, sourceLocale)),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

function resolveScoring(section: Section | Questionnaire): ResolvedScoring {
  const scoring = section.scoring ?? {};
  return {
    method: scoring.method ?? 'weighted-mean',
    rounding: scoring.rounding ?? 'none',
    plus: scoring.plus ?? false,
    threshold: scoring.threshold ?? 1,
    fractional: scoring.fractional ?? false,
  };
}

/** Builds the model of a questionnaire that has passed validation. */
export function buildModel(questionnaire: Questionnaire): QuestionnaireModel {
  const sourceLocale = questionnaire.locales[0] ?? 'en';
  const scales = new Map(
    Object.entries(questionnaire.scales).map(([name, scale]) => [
      name,
      scaleModel(name, scale, sourceLocale),
    ]),
  );
  const defaultScale = scales.get('default');
  if (!defaultScale) throw new Error('questionnaire has no default scale');
  const questions = new Map<string, QuestionModel>();
  const sections = new Map<string, SectionModel>();
  const replaced = new Map<string, string>();

  const buildQuestion = (question: Question, parent: SectionModel, sectionScale: string): QuestionModel => {
    const scaleName = question.scale ?? sectionScale;
    const range = questionRange(question, questionnaire.scales, sectionScale) ?? { min: 0, max: 0 };
    const model: QuestionModel = {
      kind: 'question',
      id: question.id,
      type: question.type,
      scored: question.type !== 'number' && question.type !== 'text',
      weight: question.weight ?? 1,
      level: question.level,
      target: question.target,
      scale: question.type === 'level' ? scales.get(scaleName) : undefined,
      min: range.min,
      max: range.max,
      optionScores: new Map((question.options ?? []).map((option) => [option.id, option.score])),
      booleanScores: { true: question.score?.true ?? 1, false: question.score?.false ?? 0 },
      showIf: question.showIf ? parseShowIf(question.showIf) : undefined,
      source: question,
      parent,
    };
    questions.set(question.id, model);
    for (const old of question.replaces ?? []) replaced.set(old, question.id);
    return model;
  };

  const buildSection = (
    section: Section | Questionnaire,
    parent: SectionModel | undefined,
    scaleName: string,
  ): SectionModel => {
    const children: (SectionModel | QuestionModel)[] = [];
    const isRoot = parent === undefined;
    const own = section as Section;
    const model: SectionModel = {
      kind: 'section',
      id: section.id,
      isRoot,
      weight: isRoot ? 1 : (own.weight ?? 1),
      level: isRoot ? undefined : own.level,
      target: isRoot ? undefined : own.target,
      scale: scales.get(scaleName) ?? defaultScale,
      scoring: resolveScoring(section),
      children,
      source: section,
      parent,
    };
    if (!isRoot) sections.set(section.id, model);
    for (const child of section.sections ?? []) {
      children.push(buildSection(child, model, child.scale ?? scaleName));
    }
    for (const question of section.questions ?? []) children.push(buildQuestion(question, model, scaleName));
    return model;
  };

  const root = buildSection(questionnaire, undefined, 'default');
  return {
    source: questionnaire,
    id: questionnaire.id,
    version: questionnaire.version,
    sourceLocale,
    root,
    defaultScale,
    na: questionnaire.na ?? 'exclude',
    insufficient: questionnaire.insufficient ?? 'lowest',
    target: questionnaire.target,
    questions,
    sections,
    replaced,
    hasShowIf: [...questions.values()].some((question) => question.showIf !== undefined),
    scales,
  };
}

/** Sections and questions in document order, depth first. */
export function* walk(section: SectionModel): Generator<SectionModel | QuestionModel> {
  for (const child of section.children) {
    yield child;
    if (child.kind === 'section') yield* walk(child);
  }
}

/** The top-level sections of a questionnaire. */
export function topSections(model: QuestionnaireModel): SectionModel[] {
  return model.root.children.filter((child): child is SectionModel => child.kind === 'section');
}

/** The parts a questionnaire is answered and reported by: its top-level sections, or the root when it has none. */
export function areasOf(model: QuestionnaireModel): SectionModel[] {
  const sections = topSections(model);
  return sections.length ? sections : [model.root];
}

/** The top-level section a question belongs to: its area (the questionnaire's id when it sits at the root). */
export function areaOf(question: QuestionModel, model: QuestionnaireModel): string {
  let node: SectionModel | QuestionModel = question;
  while (node.parent && !node.parent.isRoot) node = node.parent;
  return node.kind === 'section' ? node.id : model.id;
}

/** Every question below a section, at any depth, in questionnaire order. */
export function questionsIn(section: SectionModel): QuestionModel[] {
  return [...walk(section)].filter((node): node is QuestionModel => node.kind === 'question');
}
