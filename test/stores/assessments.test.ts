import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { applyAnswer, createAssessment } from '../../src/domain/assessment-edit.ts';
import {
  encodeStored,
  readAll,
  STORAGE_PREFIX,
  writeAssessment,
} from '../../src/stores/assessment-storage.ts';
import {
  $assessments,
  $saveState,
  connectStorage,
  deleteAssessment,
  flush,
  putAssessment,
  SAVE_DELAY_MS,
  updateAssessment,
} from '../../src/stores/assessments.ts';
import { MemoryStorage } from './memory-storage.ts';

const fresh = (id = 'a1') =>
  createAssessment({
    id,
    now: '2026-01-01T00:00:00Z',
    questionnaire: { id: 'rm-core', version: '1.0.0' },
    title: 'Baseline',
    respondent: { id: 'r1', name: 'Unit' },
  });

describe('$assessments', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    connectStorage(storage);
  });
  afterEach(() => {
    flush();
    vi.useRealTimers();
  });

  it('saves a change within 300 ms, and shows it pending until then', () => {
    putAssessment(fresh());
    expect($saveState.get().status).toBe('pending');
    expect(storage.getItem(`${STORAGE_PREFIX}a1`)).toBeNull();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect($saveState.get().status).toBe('saved');
    expect(readAll(storage).assessments['a1']?.title).toBe('Baseline');
  });

  it('writes at once on flush, as on pagehide', () => {
    putAssessment(fresh());
    flush();
    expect(readAll(storage).assessments['a1']).toBeDefined();
  });

  it('reloads every saved assessment, and keeps unreadable entries untouched', () => {
    putAssessment(fresh('a1'));
    putAssessment(fresh('a2'));
    flush();
    storage.setItem(`${STORAGE_PREFIX}broken`, '{not json');
    connectStorage(storage);
    expect(Object.keys($assessments.get()).sort()).toEqual(['a1', 'a2']);
    expect(storage.getItem(`${STORAGE_PREFIX}broken`)).toBe('{not json');
  });

  it('keeps the other tab’s answers when two tabs edit different items', () => {
    const base = fresh();
    putAssessment(base);
    flush();
    // Another tab saves an answer to q2 meanwhile.
    writeAssessment(storage, applyAnswer(base, 'q2', 'r1', { value: 4 }, '2026-01-01T00:00:02Z'));
    updateAssessment('a1', (a) => applyAnswer(a, 'q1', 'r1', { value: 2 }, '2026-01-01T00:00:03Z'));
    flush();
    const saved = readAll(storage).assessments['a1']!;
    expect(saved.answers.map((answer) => [answer.question, answer.value]).sort()).toEqual([
      ['q1', 2],
      ['q2', 4],
    ]);
  });

  it('reports a full storage and keeps the change in memory', () => {
    storage.full = true;
    putAssessment(fresh());
    flush();
    expect($saveState.get()).toMatchObject({ status: 'failed', reason: 'full' });
    expect($assessments.get()['a1']).toBeDefined();
    storage.full = false;
    putAssessment($assessments.get()['a1']!);
    flush();
    expect(readAll(storage).assessments['a1']).toBeDefined();
  });

  it('reports storage that is not there at all', () => {
    connectStorage(undefined);
    expect($saveState.get()).toMatchObject({ status: 'failed', reason: 'unavailable' });
    connectStorage(storage);
  });

  it('deletes an assessment from storage', () => {
    putAssessment(fresh());
    flush();
    deleteAssessment('a1');
    flush();
    expect(readAll(storage).assessments).toEqual({});
  });

  it('refuses stored data from a newer version of Cairn without deleting it', () => {
    storage.setItem(`${STORAGE_PREFIX}x`, JSON.stringify({ schema: 99, assessment: fresh('x') }));
    const { problems } = readAll(storage);
    expect(problems[0]?.reason).toMatch(/newer version/);
    expect(encodeStored(fresh())).toContain('"schema":1');
  });
});

describe('what is stored', () => {
  it('refuses a damaged entry on reading and leaves it as it was', () => {
    const storage = new MemoryStorage();
    const damaged = JSON.stringify({ schema: 1, assessment: { ...fresh('d1'), answers: [{ value: 3 }] } });
    storage.setItem(`${STORAGE_PREFIX}d1`, damaged);
    storage.setItem(`${STORAGE_PREFIX}d2`, JSON.stringify({ schema: 1, assessment: { format: 'other' } }));
    const { assessments, problems } = readAll(storage);
    expect(assessments).toEqual({});
    expect(problems.map((problem) => problem.key).sort()).toEqual([
      `${STORAGE_PREFIX}d1`,
      `${STORAGE_PREFIX}d2`,
    ]);
    expect(storage.getItem(`${STORAGE_PREFIX}d1`)).toBe(damaged);
  });

  it('replaces the stored copy when asked, instead of merging into it', () => {
    const storage = new MemoryStorage();
    const base = fresh('r1');
    const answered = applyAnswer(base, 'legal-mandate', 'r1', { value: 3 }, '2026-02-01T00:00:00Z');
    writeAssessment(storage, answered);
    writeAssessment(storage, base, { merge: false });
    expect(readAll(storage).assessments['r1']?.answers).toEqual([]);
    writeAssessment(storage, answered);
    writeAssessment(storage, base);
    expect(readAll(storage).assessments['r1']?.answers).toHaveLength(1);
  });
});
