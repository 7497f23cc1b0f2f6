import { describe, expect, it } from 'vitest';

import type { Assessment } from '../../src/domain/assessment.ts';
import { buildModel } from '../../src/domain/model.ts';
import type { Questionnaire } from '../../src/domain/questionnaire-schema.ts';
import {
  buildRoadmap,
  DEFAULT_PHASES,
  readRoadmapSettings,
  type Roadmap,
  type RoadmapSettings,
} from '../../src/domain/roadmap.ts';
import { scoreAssessment } from '../../src/domain/scoring.ts';

const levels = { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e' };
const action = (id: string, to: number, effort: number, duration: number, dependsOn: string[] = []) => ({
  id,
  to,
  title: id,
  effort,
  duration,
  ...(dependsOn.length ? { dependsOn } : {}),
});

// Two areas. a's steps form a chain; b-to-3 needs a-to-3; d-to-2 needs b-to-3 and c-to-2 (a diamond).
const questionnaire = {
  id: 'plan',
  version: '1.0.0',
  locales: ['en'],
  title: 'Plan',
  scales: { default: { levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })) } },
  target: 3,
  sections: [
    {
      id: 'one',
      title: 'One',
      questions: [
        {
          id: 'a',
          type: 'level',
          prompt: 'a',
          levels,
          actions: [action('a-to-2', 2, 4, 3), action('a-to-3', 3, 4, 6)],
        },
        { id: 'b', type: 'level', prompt: 'b', levels, actions: [action('b-to-3', 3, 6, 6, ['a-to-3'])] },
      ],
    },
    {
      id: 'two',
      title: 'Two',
      questions: [
        { id: 'c', type: 'level', prompt: 'c', levels, actions: [action('c-to-2', 2, 10, 4)] },
        {
          id: 'd',
          type: 'level',
          prompt: 'd',
          levels,
          actions: [action('d-to-2', 2, 2, 2, ['b-to-3', 'c-to-2'])],
        },
      ],
    },
  ],
} as unknown as Questionnaire;
const model = buildModel(questionnaire);

function assessment(
  values: Record<string, number>,
  targets: Record<string, number> = {},
  roadmap = {},
): Assessment {
  return {
    format: 'cairn.assessment',
    formatVersion: 1,
    questionnaire: { id: 'plan', version: '1.0.0' },
    respondents: [{ id: 'r1' }],
    answers: Object.entries(values).map(([question, value]) => ({ question, respondent: 'r1', value })),
    consensus: [],
    targets,
    roadmap,
  };
}

function plan(
  values: Record<string, number>,
  targets = {},
  settings: Partial<RoadmapSettings> = {},
): Roadmap {
  const file = assessment(values, targets);
  const result = scoreAssessment(model, file);
  return buildRoadmap(model, file, result, { ...readRoadmapSettings({}), ...settings });
}

function placed(roadmap: Roadmap) {
  if (!roadmap.ok) throw new Error(`cycle: ${roadmap.cycle.join(', ')}`);
  return Object.fromEntries(roadmap.actions.map((a) => [a.id, [a.phase, a.start, a.end]]));
}

describe('roadmap: which actions are needed', () => {
  it('takes the steps above the score and up to the target, and the unmet dependencies', () => {
    // a at 1, target 3: both steps; b at 2: b-to-3, which needs a-to-3 (already in).
    const roadmap = plan({ a: 1, b: 2, c: 2, d: 2 });
    if (!roadmap.ok) throw new Error('cycle');
    expect(roadmap.actions.map((a) => a.id)).toEqual(['a-to-2', 'a-to-3', 'b-to-3']);
    expect(roadmap.actions.map((a) => [a.id, a.from, a.to])).toEqual([
      ['a-to-2', 1, 2],
      ['a-to-3', 2, 3],
      ['b-to-3', 2, 3],
    ]);
  });

  it('leaves out levels already met and targets below the score', () => {
    // a already at 3 meets a-to-3, so b-to-3 needs nothing more; c at 4 is above its target of 3.
    const roadmap = plan({ a: 3, b: 2, c: 4, d: 2 }, { c: 1 });
    if (!roadmap.ok) throw new Error('cycle');
    expect(roadmap.actions.map((a) => a.id)).toEqual(['b-to-3']);
    expect(roadmap.actions[0]!.after).toEqual([]);
  });

  it('adds the dependency of another item, saying which action needs it', () => {
    // d at 1 needs d-to-2, which needs b-to-3 (b at 1: b is not planned for itself, target 1) and c-to-2.
    const roadmap = plan({ a: 3, b: 1, c: 1, d: 1 }, { b: 1, c: 1, a: 3, d: 2 });
    if (!roadmap.ok) throw new Error('cycle');
    expect(roadmap.actions.map((a) => a.id)).toEqual(['b-to-3', 'c-to-2', 'd-to-2']);
    expect(roadmap.actions.find((a) => a.id === 'b-to-3')!.neededBy).toEqual(['d-to-2']);
    expect([...roadmap.actions.find((a) => a.id === 'd-to-2')!.after].sort()).toEqual(['b-to-3', 'c-to-2']);
  });

  it('lists items that have a target but no score, and those the library cannot lift', () => {
    const roadmap = plan({ a: 1 }, { a: 5 });
    if (!roadmap.ok) throw new Error('cycle');
    expect(roadmap.unassessed).toEqual(['b', 'c', 'd']);
    expect(roadmap.uncovered).toEqual(['a']); // steps go to 3 only
  });
});

describe('roadmap: scheduling into phases', () => {
  it('runs a chain back to back inside a phase with room', () => {
    // a-to-2 0→3, a-to-3 3→9 (starts in phase 1, 0–6), b-to-3 9→15 in phase 2 (6–12).
    expect(placed(plan({ a: 1, b: 2, c: 3, d: 3 }))).toEqual({
      'a-to-2': [0, 0, 3],
      'a-to-3': [0, 3, 9],
      'b-to-3': [1, 9, 15],
    });
  });

  it('moves an action to a later phase when capacity is used up, and says why', () => {
    const roadmap = plan({ a: 1, b: 2, c: 3, d: 3 }, {}, { capacity: 6 });
    // a-to-2 (4) fills phase 0 enough that a-to-3 (4) cannot join: it starts in phase 1 at month 6.
    expect(placed(roadmap)).toEqual({
      'a-to-2': [0, 0, 3],
      'a-to-3': [1, 6, 12],
      'b-to-3': [2, 12, 18],
    });
    if (!roadmap.ok) return;
    expect(roadmap.actions[1]!.placement).toMatchObject({
      kind: 'scheduled',
      waitedFor: { action: 'a-to-2', phase: 0 },
      fullPhases: [0],
    });
    expect(roadmap.phases.map((phase) => phase.used)).toEqual([4, 4, 6, 0, 0]);
  });

  it('places an action bigger than a phase alone in an empty phase', () => {
    const roadmap = plan({ a: 3, b: 3, c: 1, d: 3 }, {}, { capacity: 5 });
    expect(placed(roadmap)).toEqual({ 'c-to-2': [0, 0, 4] });
    if (roadmap.ok) expect(roadmap.actions[0]!.placement.oversized).toBe(true);
  });

  it('waits for both sides of a diamond', () => {
    // b-to-3 ends at 15 (after a's chain), c-to-2 at 4: d-to-2 starts at 15, in phase 3 (12–24).
    const roadmap = plan({ a: 1, b: 2, c: 1, d: 1 });
    expect(placed(roadmap)['d-to-2']).toEqual([2, 15, 17]);
    if (roadmap.ok)
      expect(roadmap.actions.find((a) => a.id === 'd-to-2')!.placement.waitedFor).toEqual({
        action: 'b-to-3',
        phase: 1,
      });
  });

  it('leaves beyond the plan what no phase can take', () => {
    const roadmap = plan({ a: 1, b: 2, c: 3, d: 3 }, {}, { phases: [{ start: 0, end: 4 }] });
    expect(placed(roadmap)).toEqual({
      'a-to-2': [0, 0, 3],
      'a-to-3': [0, 3, 9],
      'b-to-3': [null, null, null],
    });
    if (roadmap.ok) expect(roadmap.actions[2]!.placement.kind).toBe('beyond');
  });

  it('keeps a planner’s placement, and warns when it breaks a dependency', () => {
    const roadmap = plan({ a: 1, b: 2, c: 3, d: 3 }, {}, { placements: { 'a-to-2': 2 } });
    expect(placed(roadmap)['a-to-2']).toEqual([2, 12, 15]);
    if (!roadmap.ok) return;
    expect(roadmap.actions.find((a) => a.id === 'a-to-2')!.placement.kind).toBe('manual');
    // a-to-3 follows its dependency into phase 2; moving a-to-3 back to phase 0 breaks it.
    const broken = plan({ a: 1, b: 2, c: 3, d: 3 }, {}, { placements: { 'a-to-2': 2, 'a-to-3': 0 } });
    if (!broken.ok) return;
    expect(broken.warnings).toContainEqual({ kind: 'dependency-later', action: 'a-to-3', on: 'a-to-2' });
  });

  it('refuses a cycle made by added actions', () => {
    const roadmap = plan(
      { a: 1, b: 3, c: 3, d: 3 },
      { a: 2 },
      {
        custom: [
          { id: 'x', question: 'a', to: 2, title: 'x', effort: 1, duration: 1, dependsOn: ['y'] },
          { id: 'y', question: 'b', to: 4, title: 'y', effort: 1, duration: 1, dependsOn: ['x'] },
        ],
      },
    );
    expect(roadmap.ok).toBe(false);
    if (!roadmap.ok) expect([...roadmap.cycle].sort()).toEqual(['x', 'y']);
  });

  it('drops an action from the plan and warns those that needed it', () => {
    const roadmap = plan({ a: 1, b: 2, c: 3, d: 3 }, {}, { status: { 'a-to-3': 'dropped' } });
    expect(placed(roadmap)['a-to-3']).toEqual([null, null, null]);
    // b-to-3 no longer waits for anything: a-to-2 is a step of another item.
    expect(placed(roadmap)['b-to-3']).toEqual([0, 0, 6]);
    if (roadmap.ok)
      expect(roadmap.warnings).toContainEqual({ kind: 'dependency-dropped', action: 'b-to-3', on: 'a-to-3' });
  });
});

describe('roadmap: projected maturity', () => {
  it('lifts each item to the level of its actions done by each phase', () => {
    const roadmap = plan({ a: 1, b: 2, c: 3, d: 3 });
    if (!roadmap.ok) throw new Error('cycle');
    const after = roadmap.projections.map((result) => [result.nodes['a']!.score, result.nodes['b']!.score]);
    expect(after).toEqual([
      [3, 2],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    // Area one: mean of a and b on 1–5; before 1.5, after phase 2 it is 3.
    expect(roadmap.projections[1]!.nodes['one']!.score).toBe(3);
  });

  it('reads settings tolerantly, with the default phases', () => {
    expect(
      readRoadmapSettings({ phases: 'soon', capacity: -1, status: { x: 'maybe', y: 'done' } }),
    ).toMatchObject({
      phases: DEFAULT_PHASES,
      capacity: 24,
      status: { y: 'done' },
    });
  });
});
