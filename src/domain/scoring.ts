/**
 * The scoring engine: SPEC §4, exactly. Pure and deterministic: the same
 * questionnaire and assessment always give the same result.
 */
import { resolveAnswers, type CountedAnswer, type ResolvedAnswers, type Sheet } from './answers.ts';
import type { AnswerValue, Assessment, Consolidation } from './assessment.ts';
import { EPSILON } from './ids.ts';
import type { QuestionModel, QuestionnaireModel, ScaleModel, SectionModel } from './model.ts';
import type { Method, Rounding } from './questionnaire-schema.ts';
import { evaluateShowIf, type SheetValue } from './show-if.ts';

/** Scored: has a score. N/A: every answer says so. Unanswered: neither. Empty: nothing visible to score. */
export type NodeStatus = 'scored' | 'na' | 'unanswered' | 'empty';

export interface LeftOut {
  readonly id: string;
  readonly why: 'unanswered' | 'na' | 'empty';
}

export interface NodeScore {
  readonly id: string;
  readonly kind: 'overall' | 'section' | 'question';
  readonly status: NodeStatus;
  readonly score: number | null;
  readonly min: number;
  readonly max: number;
  readonly normalized: number | null;
  readonly display: string | null;
  readonly answered: number;
  readonly total: number;
  readonly insufficient: number;
  readonly target: number | null;
  readonly gap: number | null;
  readonly explanation: string;
  /** Ids of the children that count (sections only), in order. */
  readonly counted: readonly string[];
  readonly leftOut: readonly LeftOut[];
}

export interface ScoreResult {
  readonly questionnaire: { readonly id: string; readonly version: string };
  readonly overall: NodeScore;
  /** Every section and every visible scored question, in document order. */
  readonly nodes: Readonly<Record<string, NodeScore>>;
  /** The answers that counted, so that pages showing them need not resolve them again. */
  readonly answers: ResolvedAnswers;
  /** Every question a respondent should see now, scored or not (SPEC §4.3). */
  readonly visible: ReadonlySet<string>;
}

const near = (a: number, b: number) => Math.abs(a - b) < EPSILON;

// ---------------------------------------------------------------- numbers

/** `values` consolidated as an assessment's `consolidation` says (SPEC §4.2). */
export function consolidate(values: readonly number[], how: Consolidation): number {
  switch (how) {
    case 'mean':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'median':
      return median(values);
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Rounds a section score onto its scale (SPEC §4.5). */
export function roundOnScale(score: number, values: readonly number[], rounding: Rounding): number {
  if (rounding === 'none') return score;
  const sorted = [...values].sort((a, b) => a - b);
  const lowest = sorted[0]!;
  switch (rounding) {
    case 'floor': {
      let result = lowest;
      for (const value of sorted) if (value <= score + EPSILON) result = value;
      return result;
    }
    case 'half-down':
    case 'half-up': {
      const candidates: number[] = [];
      sorted.forEach((value, index) => {
        candidates.push(value);
        const next = sorted[index + 1];
        if (next !== undefined) candidates.push((value + next) / 2);
      });
      if (rounding === 'half-down') {
        let result = lowest;
        for (const candidate of candidates) if (candidate <= score + EPSILON) result = candidate;
        return result;
      }
      for (const candidate of candidates) if (candidate >= score - EPSILON) return candidate;
      return sorted[sorted.length - 1]!;
    }
    case 'nearest': {
      let result = lowest;
      let distance = Number.POSITIVE_INFINITY;
      for (const value of sorted) {
        const d = Math.abs(value - score);
        // Ascending order: a tie (within ε) goes to the later, higher value.
        if (d < distance - EPSILON || near(d, distance)) {
          result = value;
          distance = Math.min(d, distance);
        }
      }
      return result;
    }
  }
}

/** One decimal, halves towards +∞, never "-0.0" (SPEC §4.6). */
export function formatScore(score: number): string {
  const tenths = Math.floor(score * 10 + 0.5 + EPSILON * 10);
  const value = tenths === 0 ? 0 : tenths / 10;
  return value.toFixed(1);
}

/** The label display of a score on a `display: label` scale (SPEC §4.6). */
export function labelDisplay(score: number, scale: ScaleModel): string {
  const values = scale.values;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    if (near(score, value)) return scale.labels[index]!;
    const next = values[index + 1];
    if (next !== undefined && near(score, (value + next) / 2)) return `${scale.labels[index]!}+`;
  }
  return formatScore(score);
}

function displayOn(score: number, scale: ScaleModel | undefined): string {
  return scale?.display === 'label' ? labelDisplay(score, scale) : formatScore(score);
}

function normalize(score: number, min: number, max: number): number {
  if (!(max - min > 0)) return 0;
  return Math.min(1, Math.max(0, (score - min) / (max - min)));
}

const MAX_LISTED_ANSWERS = 8;

/** "3 items", "2 sections" or "4 parts", as the counted children are. */
const children = (entries: readonly { child: { kind: string } }[]) => {
  const kinds = new Set(entries.map((entry) => entry.child.kind));
  const noun = kinds.size > 1 ? 'part' : kinds.has('section') ? 'section' : 'item';
  return entries.length === 1 ? `1 ${noun}` : `${entries.length} ${noun}s`;
};

const ROUNDING_WORDS: Record<Exclude<Rounding, 'none'>, string> = {
  floor: 'down',
  'half-down': 'down to a level or half-level',
  'half-up': 'up to a level or half-level',
  nearest: 'to the nearest level',
};

const fmt = (value: number) => {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

// ---------------------------------------------------------------- engine

export interface ScoreOptions {
  /** Names to use for respondents in explanations (default: their ids). */
  readonly respondentNames?: ReadonlyMap<string, string>;
}

interface Context {
  readonly model: QuestionnaireModel;
  readonly assessment: Assessment;
  readonly answers: ResolvedAnswers;
  readonly consolidation: Consolidation;
  readonly nodes: Record<string, NodeScore>;
  readonly visibleCache: Map<Sheet, Map<string, boolean>>;
  readonly names: ReadonlyMap<string, string>;
}

/** Whether a question is visible on one sheet (SPEC §4.3, §4.4). */
function visibleOnSheet(
  context: Context,
  question: QuestionModel,
  sheet: Sheet,
  stack: Set<string>,
): boolean {
  if (!question.showIf) return true;
  let cache = context.visibleCache.get(sheet);
  if (!cache) context.visibleCache.set(sheet, (cache = new Map()));
  const known = cache.get(question.id);
  if (known !== undefined) return known;
  // Validation rejects cycles; this guard only keeps a hand-made model from looping.
  if (stack.has(question.id)) return false;
  stack.add(question.id);
  const valueOf = (id: string): SheetValue => {
    const other = context.model.questions.get(id);
    const answer = sheet.answers.get(id);
    if (!other || !answer || answer.na || answer.value === undefined) return undefined;
    if (!visibleOnSheet(context, other, sheet, stack)) return undefined;
    return Array.isArray(answer.value) ? new Set(answer.value) : answer.value;
  };
  const visible = evaluateShowIf(question.showIf, valueOf);
  stack.delete(question.id);
  cache.set(question.id, visible);
  return visible;
}

function isVisible(context: Context, question: QuestionModel): boolean {
  return context.answers.sheets.some((sheet) => visibleOnSheet(context, question, sheet, new Set()));
}

/** The item score of a value (SPEC §4.2): a level, an option's score, the clamped sum of options, a boolean's score. */
export function valueScore(question: QuestionModel, value: Exclude<AnswerValue, null>): number | undefined {
  switch (question.type) {
    case 'level':
      return value as number;
    case 'choice':
      return question.optionScores.get(value as string) ?? question.min;
    case 'multi': {
      const checked = new Set(value as string[]);
      let sum = 0;
      for (const id of checked) sum += question.optionScores.get(id) ?? 0;
      return Math.min(question.max, Math.max(0, sum));
    }
    case 'boolean':
      return value === true ? question.booleanScores.true : question.booleanScores.false;
    default:
      return undefined;
  }
}

function itemScore(question: QuestionModel, answer: CountedAnswer, context: Context): number | undefined {
  if (answer.na) return context.model.na === 'lowest' ? question.min : undefined;
  if (answer.value !== undefined) return valueScore(question, answer.value);
  if (answer.insufficient) return context.model.insufficient === 'lowest' ? question.min : undefined;
  return undefined;
}

function describeAnswer(
  question: QuestionModel,
  answer: CountedAnswer,
  score: number | undefined,
  context: Context,
): string {
  const who =
    answer.respondent === undefined
      ? 'consensus'
      : (context.names.get(answer.respondent) ?? answer.respondent);
  if (answer.na) return `${who}: N/A${score !== undefined ? ` (counted as the lowest, ${fmt(score)})` : ''}`;
  if (answer.value === undefined)
    return `${who}: insufficient evidence${score !== undefined ? ` (counted as the lowest, ${fmt(score)})` : ', left out'}`;
  const shown =
    question.type === 'level' && question.scale ? displayOn(score ?? 0, question.scale) : fmt(score ?? 0);
  return `${who}: ${shown}${answer.insufficient ? ', with insufficient evidence' : ''}`;
}

/** A node's target on its own range (SPEC §4.7). */
function targetOf(
  context: Context,
  id: string,
  own: number | undefined,
  min: number,
  max: number,
  oldIds: readonly string[] = [],
): number | null {
  const targets = context.assessment.targets;
  const set = targets[id];
  if (set !== undefined && set !== null) return set;
  for (const old of oldIds) {
    const value = targets[old];
    if (value !== undefined && value !== null) return value;
  }
  if (own !== undefined) return own;
  const base = context.model.target;
  if (base === undefined) return null;
  const { min: d0, max: d1 } = context.model.defaultScale;
  return min + ((base - d0) / (d1 - d0)) * (max - min);
}

function gapOf(target: number | null, score: number | null): number | null {
  if (target === null || score === null) return null;
  const gap = target - score;
  return gap < EPSILON ? 0 : gap;
}

function scoreQuestion(context: Context, question: QuestionModel): NodeScore {
  const consensus = context.answers.consensus.get(question.id);
  const answers: readonly CountedAnswer[] = consensus
    ? [consensus]
    : (context.answers.byQuestion.get(question.id) ?? []);
  const scores: number[] = [];
  const parts: string[] = [];
  // Past a handful of answers a list stops explaining anything: summarize instead.
  const listed = answers.length <= MAX_LISTED_ANSWERS;
  let naCount = 0;
  let insufficientCount = 0;
  for (const answer of answers) {
    const score = itemScore(question, answer, context);
    if (score !== undefined) scores.push(score);
    if (answer.na) naCount += 1;
    else if (answer.insufficient) insufficientCount += 1;
    if (listed) parts.push(describeAnswer(question, answer, score, context));
  }
  if (!listed && scores.length) {
    const low = Math.min(...scores);
    const high = Math.max(...scores);
    parts.push(
      `${scores.length} scored, from ${fmt(low)} to ${fmt(high)}` +
        (naCount ? `; ${naCount} N/A` : '') +
        (insufficientCount ? `; ${insufficientCount} with insufficient evidence` : ''),
    );
  }
  const score = scores.length ? consolidate(scores, context.consolidation) : null;
  const allNa = answers.length > 0 && answers.every((answer) => answer.na);
  const status: NodeStatus = score !== null ? 'scored' : allNa ? 'na' : 'unanswered';
  const { min, max } = question;
  const target = targetOf(context, question.id, question.target, min, max, question.source.replaces);

  let explanation: string;
  if (status === 'unanswered')
    explanation = answers.length ? `No score: ${parts.join('; ')}.` : 'No answer yet.';
  else if (status === 'na')
    explanation = 'Not applicable: every answer is N/A, so the item is left out of its section.';
  else if (consensus) {
    const others = context.answers.byQuestion.get(question.id)?.length ?? 0;
    explanation = `Agreed consensus rating (${parts[0]})${others ? `; the ${others} individual answer${others > 1 ? 's are' : ' is'} not used` : ''}.`;
  } else if (answers.length === 1) explanation = `One answer: ${parts[0]}.`;
  else
    explanation = `The ${context.consolidation} of ${scores.length} answers is ${fmt(score!)} (${parts.join('; ')}).`;

  return {
    id: question.id,
    kind: 'question',
    status,
    score,
    min,
    max,
    normalized: score === null ? null : normalize(score, min, max),
    display: score === null ? null : displayOn(score, question.scale),
    answered: answers.length > 0 ? 1 : 0,
    total: 1,
    insufficient: answers.some((answer) => !answer.na && answer.insufficient) ? 1 : 0,
    target,
    gap: gapOf(target, score),
    explanation,
    counted: [],
    leftOut: [],
  };
}

const METHOD_NAMES: Partial<Record<Method, string>> = {
  mean: 'Mean',
  'weighted-mean': 'Weighted mean',
  median: 'Median',
  min: 'Lowest (weakest link)',
  sum: 'Sum',
  cumulative: 'Gated levels',
};

function cumulativeScore(
  section: SectionModel,
  taking: readonly { child: SectionModel | QuestionModel; result: NodeScore }[],
): { score: number; text: string } {
  const { threshold, fractional } = section.scoring;
  const xOf = (entry: { result: NodeScore }) => entry.result.normalized ?? 0;
  const levels = [...new Set(taking.map((entry) => entry.child.level ?? 0))].sort((a, b) => a - b);
  let reached: number | undefined;
  let blockers: string[] = [];
  for (const level of levels) {
    const failing = taking.filter(
      (entry) => (entry.child.level ?? 0) <= level && xOf(entry) < threshold - EPSILON,
    );
    if (failing.length) {
      blockers = failing.map((entry) => entry.child.id);
      break;
    }
    reached = level;
  }
  let score = reached ?? section.scale.min;
  let text =
    reached === undefined
      ? `no level reached (${blockers.join(', ')} below the threshold of ${fmt(threshold * 100)}% of their range), so the lowest value ${fmt(score)}`
      : `level ${fmt(reached)} reached: every item at or below it has at least ${fmt(threshold * 100)}% of its range`;
  if (reached !== undefined && blockers.length)
    text += `; the next level is held back by ${blockers.join(', ')}`;
  if (fractional) {
    const next = levels.find((level) => reached === undefined || level > reached + EPSILON);
    if (next !== undefined && (reached === undefined || next > reached)) {
      const atNext = taking.filter((entry) => near(entry.child.level ?? 0, next));
      const progress = atNext.reduce((sum, entry) => sum + xOf(entry), 0) / atNext.length;
      const before = score;
      score += progress * (next - score);
      text += `; plus ${fmt(progress * 100)}% progress towards level ${fmt(next)}: ${fmt(before)} + ${fmt(progress)} × (${fmt(next)} − ${fmt(before)}) = ${fmt(score)}`;
    }
  }
  return { score, text };
}

function scoreSection(context: Context, section: SectionModel): NodeScore {
  const results: { child: SectionModel | QuestionModel; result: NodeScore }[] = [];
  for (const child of section.children) {
    if (child.kind === 'question') {
      if (!child.scored || !isVisible(context, child)) continue;
      const result = scoreQuestion(context, child);
      context.nodes[child.id] = result;
      results.push({ child, result });
    } else {
      // Reserve the section's place in document order before its descendants.
      context.nodes[child.id] = undefined as unknown as NodeScore;
      const result = scoreSection(context, child);
      context.nodes[child.id] = result;
      results.push({ child, result });
    }
  }
  const present = results.filter((entry) => entry.result.total > 0);
  const answered = present.reduce((sum, entry) => sum + entry.result.answered, 0);
  const total = present.reduce((sum, entry) => sum + entry.result.total, 0);
  const insufficient = present.reduce((sum, entry) => sum + entry.result.insufficient, 0);
  const { method, rounding, plus } = section.scoring;
  const scale = section.scale;
  const leftOutOf = (entries: typeof results): LeftOut[] =>
    entries.map((entry) => ({
      id: entry.child.id,
      why: entry.result.status === 'scored' ? 'unanswered' : (entry.result.status as LeftOut['why']),
    }));

  const taking =
    method === 'cumulative'
      ? present.filter((entry) => entry.result.status !== 'na')
      : present.filter((entry) => entry.result.score !== null);
  const hasAnyScore = present.some((entry) => entry.result.score !== null);
  const counted = method === 'cumulative' ? (hasAnyScore ? taking : []) : taking;
  const leftOut = leftOutOf(present.filter((entry) => !counted.includes(entry)));

  let min = scale.min;
  let max = scale.max;
  let score: number | null = null;
  let status: NodeStatus;
  let how = '';
  if (total === 0) status = 'empty';
  else if (counted.length === 0)
    status = present.every((entry) => entry.result.status === 'na') ? 'na' : 'unanswered';
  else status = 'scored';
  if (method === 'sum') {
    min = counted.reduce((sum, entry) => sum + entry.result.min, 0);
    max = counted.reduce((sum, entry) => sum + entry.result.max, 0);
  }

  if (status === 'scored') {
    const xs = counted.map((entry) => entry.result.normalized ?? 0);
    const terms = counted.map((entry) => `${entry.child.id} ${entry.result.display ?? '—'}`);
    switch (method) {
      case 'mean': {
        const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
        score = min + mean * (max - min);
        how = `mean of ${children(counted)}: ${terms.join(', ')} = ${fmt(score)} on the ${fmt(min)}–${fmt(max)} scale`;
        break;
      }
      case 'weighted-mean': {
        const weights = counted.map((entry) => entry.child.weight);
        const totalWeight = weights.reduce((sum, w) => sum + w, 0);
        const mean = xs.reduce((sum, x, index) => sum + x * weights[index]!, 0) / totalWeight;
        score = min + mean * (max - min);
        const weighted = counted.map(
          (entry) => `${entry.child.id} ${entry.result.display ?? '—'} (weight ${fmt(entry.child.weight)})`,
        );
        how = `weighted mean of ${children(counted)}: ${weighted.join(', ')} = ${fmt(score)} on the ${fmt(min)}–${fmt(max)} scale`;
        break;
      }
      case 'median':
        score = min + median(xs) * (max - min);
        how = `median of ${children(counted)}: ${terms.join(', ')} = ${fmt(score)} on the ${fmt(min)}–${fmt(max)} scale`;
        break;
      case 'min': {
        const lowest = Math.min(...xs);
        score = min + lowest * (max - min);
        const weakest = counted.filter((_, index) => near(xs[index]!, lowest)).map((entry) => entry.child.id);
        how = `the weakest of ${children(counted)} sets the score (${terms.join(', ')}): ${weakest.join(', ')} gives ${fmt(score)}`;
        break;
      }
      case 'sum':
        score = counted.reduce((sum, entry) => sum + (entry.result.score ?? 0), 0);
        how = `sum of ${children(counted)}: ${terms.join(' + ')} = ${fmt(score)}, out of a possible ${fmt(min)}–${fmt(max)}`;
        break;
      case 'cumulative': {
        const result = cumulativeScore(section, counted);
        score = result.score;
        how = result.text;
        break;
      }
    }
    if (method !== 'sum' && score !== null && rounding !== 'none') {
      const rounded = roundOnScale(score, scale.values, rounding);
      if (!near(rounded, score)) how += `; rounded ${ROUNDING_WORDS[rounding]} on the scale: ${fmt(rounded)}`;
      score = rounded;
    }
  }

  let display: string | null = null;
  if (score !== null) {
    display = method !== 'sum' ? displayOn(score, scale) : formatScore(score);
    if (method === 'min' && plus) {
      const xs = counted.map((entry) => entry.result.normalized ?? 0);
      const lowest = Math.min(...xs);
      if (xs.some((x) => x > lowest + EPSILON) && !display.endsWith('+')) {
        display += '+';
        how += '; "+" because some items stand above the weakest';
      }
    }
  }
  const id = section.isRoot ? context.model.id : section.id;
  const target = targetOf(context, id, section.target, min, max);

  let explanation: string;
  if (status === 'empty')
    explanation = 'Nothing to score here: no visible scored question; left out of its parent.';
  else if (status === 'na') explanation = 'Not applicable: every item below is N/A.';
  else if (status === 'unanswered')
    explanation = `No score yet: none of its ${children(present)} has a score.`;
  else {
    explanation =
      method === 'cumulative'
        ? `${METHOD_NAMES[method]}: ${how}.`
        : `${how.charAt(0).toUpperCase()}${how.slice(1)}.`;
    const na = leftOut.filter((entry) => entry.why === 'na').map((entry) => entry.id);
    const unanswered = leftOut.filter((entry) => entry.why !== 'na').map((entry) => entry.id);
    if (na.length) explanation += ` Left out as N/A: ${na.join(', ')}.`;
    if (unanswered.length) explanation += ` Left out as unanswered: ${unanswered.join(', ')}.`;
    if (insufficient)
      explanation += ` ${insufficient} item${insufficient > 1 ? 's' : ''} flagged for insufficient evidence.`;
  }

  return {
    id,
    kind: section.isRoot ? 'overall' : 'section',
    status,
    score,
    min,
    max,
    normalized: score === null ? null : normalize(score, min, max),
    display,
    answered,
    total,
    insufficient,
    target,
    gap: gapOf(target, score),
    explanation,
    counted: counted.map((entry) => entry.child.id),
    leftOut,
  };
}

function newContext(
  model: QuestionnaireModel,
  assessment: Assessment,
  names: ReadonlyMap<string, string>,
): Context {
  return {
    model,
    assessment,
    answers: resolveAnswers(model, assessment),
    consolidation: assessment.consolidation ?? 'median',
    nodes: {},
    visibleCache: new Map(),
    names,
  };
}

/** Scores every node of an assessment (SPEC §4). */
export function scoreAssessment(
  model: QuestionnaireModel,
  assessment: Assessment,
  options: ScoreOptions = {},
): ScoreResult {
  const names = new Map(options.respondentNames ?? []);
  if (!options.respondentNames) {
    for (const respondent of assessment.respondents)
      if (respondent.name) names.set(respondent.id, respondent.name);
  }
  const context = newContext(model, assessment, names);
  const overall = scoreSection(context, model.root);
  return {
    questionnaire: { id: model.id, version: model.version },
    overall,
    nodes: context.nodes,
    answers: context.answers,
    visible: visibleIn(context),
  };
}

/** Trims float noise (0.30000000000000004) without changing any value by 1e-9. */
function tidy(value: number | null): number | null {
  return value === null ? null : Number(value.toPrecision(12));
}

function nodeJson(node: NodeScore) {
  return {
    score: tidy(node.score),
    min: tidy(node.min),
    max: tidy(node.max),
    normalized: tidy(node.normalized),
    display: node.display,
    answered: node.answered,
    total: node.total,
    insufficient: node.insufficient,
    target: tidy(node.target),
    gap: tidy(node.gap),
    explanation: node.explanation,
  };
}

/** The score result as SPEC §4.8 prints it. */
export function scoreResultJson(result: ScoreResult) {
  return {
    questionnaire: result.questionnaire,
    overall: nodeJson(result.overall),
    nodes: Object.fromEntries(Object.entries(result.nodes).map(([id, node]) => [id, nodeJson(node)])),
  };
}

/**
 * The questions a respondent should see now (SPEC §4.3), scored or not: every
 * question without a `showIf`, and those whose `showIf` holds on some sheet.
 */
export function visibleQuestions(model: QuestionnaireModel, assessment: Assessment): Set<string> {
  return visibleIn(newContext(model, assessment, new Map()));
}

function visibleIn(context: Context): Set<string> {
  const visible = new Set<string>();
  for (const question of context.model.questions.values())
    if (isVisible(context, question)) visible.add(question.id);
  return visible;
}
