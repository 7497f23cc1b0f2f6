/**
 * The roadmap: from gaps to a phased capacity-building plan. Pure and
 * deterministic: which actions are needed, in which order, in which phase
 * (under a capacity per phase), why each lands where it does, and the
 * maturity expected after each phase, computed by the scoring engine.
 */
import type { Assessment } from './assessment.ts';
import { EPSILON } from './ids.ts';
import { areaOf, type QuestionModel, type QuestionnaireModel } from './model.ts';
import type { ActionKind } from './questionnaire-schema.ts';
import { scoreAssessment, type ScoreResult } from './scoring.ts';
import type { Text } from './text.ts';

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface PhaseSetting {
  /** Months from the start of the plan. */
  readonly start: number;
  readonly end: number;
}

/** An action a planner adds to the questionnaire's library. */
export interface CustomAction {
  readonly id: string;
  readonly question: string;
  readonly to: number;
  readonly title: string;
  readonly description?: string | undefined;
  readonly kind?: ActionKind | undefined;
  readonly effort: number;
  readonly duration: number;
  readonly owner?: string | undefined;
  readonly dependsOn?: readonly string[] | undefined;
}

/**
 * The projection as it stood when the planner recorded it, so that a later
 * re-assessment can be set against what the plan expected.
 */
export interface RoadmapBaseline {
  readonly recorded: string;
  readonly phases: readonly PhaseSetting[];
  /** Per node id (and `overall`): the score then, and the score expected after each phase. */
  readonly scores: Readonly<Record<string, readonly (number | null)[]>>;
}

/** What a planner sets, kept in the assessment's `roadmap`. */
export interface RoadmapSettings {
  readonly phases: readonly PhaseSetting[];
  /** Person-months the administration can give to actions starting in one phase. */
  readonly capacity: number;
  /** Action id → phase index, where the planner moved an action by hand. */
  readonly placements: Readonly<Record<string, number>>;
  readonly status: Readonly<Record<string, ActionStatus>>;
  readonly owners: Readonly<Record<string, string>>;
  readonly comments: Readonly<Record<string, string>>;
  readonly custom: readonly CustomAction[];
  readonly baseline?: RoadmapBaseline | undefined;
}

/** Short term ≤ 12 months, medium 1–3 years, long 3–5 years, as planners cut them. */
export const DEFAULT_PHASES: readonly PhaseSetting[] = [
  { start: 0, end: 6 },
  { start: 6, end: 12 },
  { start: 12, end: 24 },
  { start: 24, end: 36 },
  { start: 36, end: 60 },
];
export const DEFAULT_CAPACITY = 24;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function record<T>(value: unknown, keep: (entry: unknown) => entry is T): Record<string, T> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => keep(entry))) as Record<string, T>;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The settings in an assessment's `roadmap`, with defaults for whatever is missing or malformed. */
export function readRoadmapSettings(value: unknown): RoadmapSettings {
  const source = isRecord(value) ? value : {};
  const phases = Array.isArray(source['phases'])
    ? source['phases'].filter(
        (phase): phase is PhaseSetting =>
          isRecord(phase) &&
          isNumber(phase['start']) &&
          isNumber(phase['end']) &&
          phase['end'] > phase['start'],
      )
    : [];
  const custom = Array.isArray(source['custom'])
    ? source['custom'].filter(
        (action): action is CustomAction =>
          isRecord(action) &&
          isString(action['id']) &&
          isString(action['question']) &&
          isNumber(action['to']) &&
          isString(action['title']) &&
          isNumber(action['effort']) &&
          isNumber(action['duration']),
      )
    : [];
  const baseline = source['baseline'];
  const validBaseline =
    isRecord(baseline) &&
    isString(baseline['recorded']) &&
    Array.isArray(baseline['phases']) &&
    isRecord(baseline['scores']) &&
    Object.values(baseline['scores']).every(
      (scores) => Array.isArray(scores) && scores.every((score) => score === null || isNumber(score)),
    );
  return {
    ...(validBaseline ? { baseline: baseline as unknown as RoadmapBaseline } : {}),
    phases: phases.length ? [...phases].sort((a, b) => a.start - b.start) : DEFAULT_PHASES,
    capacity: isNumber(source['capacity']) && source['capacity'] > 0 ? source['capacity'] : DEFAULT_CAPACITY,
    placements: record(source['placements'], (entry): entry is number => Number.isInteger(entry)),
    status: record(source['status'], (entry): entry is ActionStatus =>
      (ACTION_STATUSES as readonly unknown[]).includes(entry),
    ),
    owners: record(source['owners'], isString),
    comments: record(source['comments'], isString),
    custom,
  };
}

/** Why an action sits where it does; the page turns it into a sentence. */
export interface Placement {
  readonly kind: 'scheduled' | 'manual' | 'beyond' | 'dropped';
  /** The dependency that made it wait, and that dependency's phase. */
  readonly waitedFor?: { readonly action: string; readonly phase: number | null } | undefined;
  /** Earlier phases it could not join because their capacity was used up. */
  readonly fullPhases: readonly number[];
  /** Its effort alone is above one phase's capacity. */
  readonly oversized: boolean;
}

export type PlanWarning =
  | { readonly kind: 'dependency-later'; readonly action: string; readonly on: string }
  | { readonly kind: 'dependency-dropped'; readonly action: string; readonly on: string }
  | {
      readonly kind: 'over-capacity';
      readonly phase: number;
      readonly used: number;
      readonly capacity: number;
    };

export interface PlannedAction {
  readonly id: string;
  readonly question: string;
  /** The top-level section of the item (the questionnaire's id when it has none). */
  readonly area: string;
  /** The item's level before this action (its score, or the previous step's `to`). */
  readonly from: number;
  readonly to: number;
  readonly title: Text;
  readonly description: Text | undefined;
  readonly kind: ActionKind | undefined;
  readonly effort: number;
  readonly duration: number;
  readonly owner: Text | undefined;
  readonly resources: readonly string[];
  /** Every action it waits for in this plan: the questionnaire's `dependsOn` and the item's earlier steps. */
  readonly after: readonly string[];
  /** Actions of other items it was added for, when it is not needed for its own item's target. */
  readonly neededBy: readonly string[];
  readonly custom: boolean;
  readonly status: ActionStatus;
  readonly phase: number | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly placement: Placement;
}

export interface PhasePlan {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly capacity: number;
  /** Person-months of the actions starting in this phase. */
  readonly used: number;
  readonly actions: readonly string[];
  readonly done: number;
  readonly inProgress: number;
}

export type Roadmap =
  | {
      readonly ok: true;
      readonly phases: readonly PhasePlan[];
      /** In the order they can be done: every action after those it waits for. */
      readonly actions: readonly PlannedAction[];
      /** Items with a target but no score yet: nothing is planned for them. */
      readonly unassessed: readonly string[];
      /** Items below target with no action in the library to reach it. */
      readonly uncovered: readonly string[];
      readonly warnings: readonly PlanWarning[];
      /** The score result expected after each phase, when every action of it and before is done. */
      readonly projections: readonly ScoreResult[];
    }
  | { readonly ok: false; readonly cycle: readonly string[] };

interface Candidate {
  id: string;
  question: QuestionModel;
  to: number;
  title: Text;
  description: Text | undefined;
  kind: ActionKind | undefined;
  effort: number;
  duration: number;
  owner: Text | undefined;
  resources: readonly string[];
  dependsOn: readonly string[];
  custom: boolean;
}

function libraryOf(model: QuestionnaireModel, settings: RoadmapSettings): Map<string, Candidate> {
  const library = new Map<string, Candidate>();
  for (const question of model.questions.values()) {
    for (const action of question.source.actions ?? [])
      library.set(action.id, {
        id: action.id,
        question,
        to: action.to,
        title: action.title,
        description: action.description,
        kind: action.kind,
        effort: action.effort ?? 0,
        duration: action.duration ?? 0,
        owner: action.owner,
        resources: action.resources ?? [],
        dependsOn: action.dependsOn ?? [],
        custom: false,
      });
  }
  for (const action of settings.custom) {
    const question = model.questions.get(action.question);
    if (!question || library.has(action.id)) continue;
    library.set(action.id, {
      id: action.id,
      question,
      to: action.to,
      title: action.title,
      description: action.description,
      kind: action.kind,
      effort: Math.max(0, action.effort),
      duration: Math.max(0, action.duration),
      owner: action.owner,
      resources: [],
      dependsOn: action.dependsOn ?? [],
      custom: true,
    });
  }
  return library;
}

/** Builds the plan for an assessment, from its consolidated scores and targets. */
export function buildRoadmap(
  model: QuestionnaireModel,
  assessment: Assessment,
  result: ScoreResult,
  settings: RoadmapSettings = readRoadmapSettings(assessment.roadmap),
): Roadmap {
  const library = libraryOf(model, settings);
  const order = new Map<string, number>();
  [...model.questions.keys()].forEach((id, index) => order.set(id, index));

  // Where each item stands: its score, or below its lowest level when it has none.
  const levelOf = (question: QuestionModel) => result.nodes[question.id]?.score ?? question.min - 1;
  const met = (candidate: Candidate) => levelOf(candidate.question) >= candidate.to - EPSILON;
  const stepsOf = new Map<string, Candidate[]>();
  for (const candidate of library.values()) {
    const steps = stepsOf.get(candidate.question.id) ?? [];
    steps.push(candidate);
    stepsOf.set(candidate.question.id, steps);
  }
  for (const steps of stepsOf.values()) steps.sort((a, b) => a.to - b.to || (a.id < b.id ? -1 : 1));

  // Needed: the steps above each item's score and up to its target.
  const needed = new Map<string, Set<string>>();
  const unassessed: string[] = [];
  const uncovered: string[] = [];
  const include = (candidate: Candidate, by: string | undefined) => {
    const reasons = needed.get(candidate.id);
    if (reasons) {
      if (by) reasons.add(by);
      return;
    }
    needed.set(candidate.id, new Set(by ? [by] : []));
    // The item's earlier unmet steps come first, and with them whatever they depend on.
    for (const step of stepsOf.get(candidate.question.id) ?? [])
      if (step.to < candidate.to - EPSILON && !met(step)) include(step, by);
    for (const id of candidate.dependsOn) {
      const dependency = library.get(id);
      if (dependency && !met(dependency)) include(dependency, candidate.id);
    }
  };
  for (const question of model.questions.values()) {
    const node = result.nodes[question.id];
    if (!node || node.kind !== 'question') continue;
    if (node.target === null) continue;
    if (node.score === null) {
      if (node.status !== 'na') unassessed.push(question.id);
      continue;
    }
    if (node.score >= node.target - EPSILON) continue;
    const steps = (stepsOf.get(question.id) ?? []).filter(
      (step) => step.to > node.score! + EPSILON && step.to <= node.target! + EPSILON,
    );
    if (steps.length === 0 || steps.at(-1)!.to < node.target - EPSILON) uncovered.push(question.id);
    for (const step of steps) include(step, undefined);
  }

  // What each needed action waits for: its dependencies in the plan and its item's earlier steps.
  const after = new Map<string, string[]>();
  for (const id of needed.keys()) {
    const candidate = library.get(id)!;
    const waits = new Set<string>();
    for (const dependency of candidate.dependsOn) if (needed.has(dependency)) waits.add(dependency);
    for (const step of stepsOf.get(candidate.question.id) ?? [])
      if (step.to < candidate.to - EPSILON && needed.has(step.id)) waits.add(step.id);
    after.set(id, [...waits]);
  }

  // Topological order; among the actions ready at once, questionnaire order, then level.
  const rank = (id: string) => {
    const candidate = library.get(id)!;
    return [order.get(candidate.question.id) ?? 0, candidate.to, id] as const;
  };
  const before = (a: string, b: string) => {
    const [qa, ta, ia] = rank(a);
    const [qb, tb, ib] = rank(b);
    return qa - qb || ta - tb || (ia < ib ? -1 : ia > ib ? 1 : 0);
  };
  const waiting = new Map([...after].map(([id, waits]) => [id, waits.length]));
  const followers = new Map<string, string[]>();
  for (const [id, waits] of after)
    for (const wait of waits) followers.set(wait, [...(followers.get(wait) ?? []), id]);
  const ready = [...waiting].filter(([, count]) => count === 0).map(([id]) => id);
  const sorted: string[] = [];
  while (ready.length) {
    ready.sort(before);
    const next = ready.shift()!;
    sorted.push(next);
    for (const follower of followers.get(next) ?? []) {
      const count = waiting.get(follower)! - 1;
      waiting.set(follower, count);
      if (count === 0) ready.push(follower);
    }
  }
  if (sorted.length < needed.size) return { ok: false, cycle: findCycle(after, sorted) };

  // Scheduling: each action in the earliest phase where its dependencies are done in time and
  // the phase has capacity left; a planner's placement overrides that.
  const phases = settings.phases;
  const used = phases.map(() => 0);
  const placed = new Map<
    string,
    { phase: number | null; start: number | null; end: number | null; placement: Placement }
  >();
  const warnings: PlanWarning[] = [];
  const statusOf = (id: string): ActionStatus => settings.status[id] ?? 'planned';
  for (const id of sorted) {
    const candidate = library.get(id)!;
    if (statusOf(id) === 'dropped') {
      placed.set(id, {
        phase: null,
        start: null,
        end: null,
        placement: { kind: 'dropped', fullPhases: [], oversized: false },
      });
      continue;
    }
    const waits = after.get(id)!.filter((wait) => statusOf(wait) !== 'dropped');
    for (const wait of after.get(id)!)
      if (statusOf(wait) === 'dropped') warnings.push({ kind: 'dependency-dropped', action: id, on: wait });
    let dependencyEnd = phases[0]?.start ?? 0;
    let dependencyPhase = 0;
    let blocker: string | undefined;
    let blocked = false;
    for (const wait of waits) {
      const done = placed.get(wait)!;
      if (done.phase === null) {
        blocked = true;
        blocker = wait;
        continue;
      }
      if (done.end! > dependencyEnd || (done.end === dependencyEnd && blocker === undefined)) {
        dependencyEnd = done.end!;
        blocker = wait;
      }
      dependencyPhase = Math.max(dependencyPhase, done.phase);
    }
    const manual = settings.placements[id];
    if (manual !== undefined && manual >= 0 && manual < phases.length) {
      const phase = phases[manual]!;
      const start = Math.min(Math.max(phase.start, dependencyEnd), phase.end);
      for (const wait of waits) {
        const done = placed.get(wait)!;
        if (done.phase === null || done.phase > manual || done.end! > phase.end + EPSILON)
          warnings.push({ kind: 'dependency-later', action: id, on: wait });
      }
      used[manual]! += candidate.effort;
      placed.set(id, {
        phase: manual,
        start,
        end: start + candidate.duration,
        placement: { kind: 'manual', fullPhases: [], oversized: false },
      });
      continue;
    }
    const full: number[] = [];
    let chosen: number | null = null;
    let oversized = false;
    if (!blocked) {
      for (let index = dependencyPhase; index < phases.length; index += 1) {
        const phase = phases[index]!;
        const start = Math.max(phase.start, dependencyEnd);
        if (start >= phase.end - EPSILON) continue;
        if (used[index]! + candidate.effort > settings.capacity + EPSILON) {
          if (used[index]! > EPSILON) {
            full.push(index);
            continue;
          }
          oversized = true;
        }
        chosen = index;
        break;
      }
    }
    if (chosen === null) {
      placed.set(id, {
        phase: null,
        start: null,
        end: null,
        placement: {
          kind: 'beyond',
          waitedFor: blocker ? { action: blocker, phase: placed.get(blocker)?.phase ?? null } : undefined,
          fullPhases: full,
          oversized,
        },
      });
      continue;
    }
    const start = Math.max(phases[chosen]!.start, dependencyEnd);
    used[chosen]! += candidate.effort;
    const waitedFor =
      blocker && dependencyEnd > (phases[0]?.start ?? 0) + EPSILON
        ? { action: blocker, phase: placed.get(blocker)!.phase }
        : undefined;
    placed.set(id, {
      phase: chosen,
      start,
      end: start + candidate.duration,
      placement: { kind: 'scheduled', waitedFor, fullPhases: full, oversized },
    });
  }
  used.forEach((amount, index) => {
    if (amount > settings.capacity + EPSILON)
      warnings.push({ kind: 'over-capacity', phase: index, used: amount, capacity: settings.capacity });
  });

  // Each step starts where the item stands: its score, or the previous step's level.
  const reached = new Map<string, number>();
  const actions: PlannedAction[] = sorted.map((id) => {
    const candidate = library.get(id)!;
    const question = candidate.question.id;
    const from = Math.max(
      levelOf(candidate.question),
      reached.get(question) ?? -Infinity,
      candidate.question.min,
    );
    if (statusOf(id) !== 'dropped')
      reached.set(question, Math.max(reached.get(question) ?? -Infinity, candidate.to));
    const place = placed.get(id)!;
    return {
      id,
      question,
      area: areaOf(candidate.question, model),
      from,
      to: candidate.to,
      title: candidate.title,
      description: candidate.description,
      kind: candidate.kind,
      effort: candidate.effort,
      duration: candidate.duration,
      owner: settings.owners[id] ?? candidate.owner,
      resources: candidate.resources,
      after: after.get(id)!,
      neededBy: [...needed.get(id)!].sort(),
      custom: candidate.custom,
      status: statusOf(id),
      ...place,
    };
  });

  const phasePlans: PhasePlan[] = phases.map((phase, index) => {
    const inPhase = actions.filter((action) => action.phase === index);
    return {
      index,
      start: phase.start,
      end: phase.end,
      capacity: settings.capacity,
      used: used[index]!,
      actions: inPhase.map((action) => action.id),
      done: inPhase.filter((action) => action.status === 'done').length,
      inProgress: inPhase.filter((action) => action.status === 'in-progress').length,
    };
  });

  return {
    ok: true,
    phases: phasePlans,
    actions,
    unassessed,
    uncovered,
    warnings,
    projections: phases.map((_, index) => project(model, assessment, actions, index)),
  };
}

/**
 * The scores expected once every action up to phase `index` is done: each lifts
 * its item to its level, as an agreed rating would, and the engine does the rest.
 */
export function project(
  model: QuestionnaireModel,
  assessment: Assessment,
  actions: readonly PlannedAction[],
  index: number,
): ScoreResult {
  const lifted = new Map<string, number>();
  for (const action of actions) {
    if (action.phase === null || action.phase > index || action.status === 'dropped') continue;
    if (model.questions.get(action.question)?.type !== 'level') continue;
    lifted.set(action.question, Math.max(lifted.get(action.question) ?? -Infinity, action.to));
  }
  if (lifted.size === 0) return scoreAssessment(model, assessment);
  const consensus = assessment.consensus.filter((entry) => !lifted.has(entry.question));
  for (const [question, to] of lifted) consensus.push({ question, value: to });
  return scoreAssessment(model, { ...assessment, consensus });
}

function findCycle(after: ReadonlyMap<string, readonly string[]>, sorted: readonly string[]): string[] {
  const done = new Set(sorted);
  const start = [...after.keys()].find((id) => !done.has(id))!;
  const path: string[] = [];
  const seen = new Map<string, number>();
  let current = start;
  while (!seen.has(current)) {
    seen.set(current, path.length);
    path.push(current);
    current = after.get(current)!.find((next) => !done.has(next))!;
  }
  return path.slice(seen.get(current)!);
}

/** The roadmap as `report --format json` prints it. */
export function roadmapJson(roadmap: Roadmap, sourceText: (text: Text | undefined) => string) {
  if (!roadmap.ok) return { error: `the actions form a cycle: ${roadmap.cycle.join(' → ')}` };
  const byId = new Map(roadmap.actions.map((action) => [action.id, action]));
  const actionJson = (action: PlannedAction) => ({
    id: action.id,
    question: action.question,
    area: action.area,
    from: action.from,
    to: action.to,
    title: sourceText(action.title),
    kind: action.kind ?? null,
    owner: sourceText(action.owner) || null,
    effort: action.effort,
    duration: action.duration,
    start: action.start,
    end: action.end,
    status: action.status,
    dependsOn: action.after,
  });
  return {
    phases: roadmap.phases.map((phase) => ({
      index: phase.index,
      start: phase.start,
      end: phase.end,
      capacity: phase.capacity,
      used: phase.used,
      actions: phase.actions.map((id) => actionJson(byId.get(id)!)),
      projected: {
        overall: roadmap.projections[phase.index]?.overall.score ?? null,
      },
    })),
    beyond: roadmap.actions.filter((action) => action.placement.kind === 'beyond').map((action) => action.id),
    dropped: roadmap.actions.filter((action) => action.status === 'dropped').map((action) => action.id),
    unassessed: roadmap.unassessed,
    uncovered: roadmap.uncovered,
    warnings: roadmap.warnings,
  };
}

/** The current projection, to keep as the plan's baseline. */
export function recordBaseline(
  model: QuestionnaireModel,
  result: ScoreResult,
  roadmap: Extract<Roadmap, { ok: true }>,
  recorded: string,
): RoadmapBaseline {
  const moments = [result, ...roadmap.projections];
  const scores: Record<string, (number | null)[]> = {
    overall: moments.map((moment) => moment.overall.score),
  };
  for (const id of model.sections.keys())
    scores[id] = moments.map((moment) => moment.nodes[id]?.score ?? null);
  return {
    recorded,
    phases: roadmap.phases.map((phase) => ({ start: phase.start, end: phase.end })),
    scores,
  };
}
