/**
 * `$assessments`: every assessment kept in this browser, saved at most 300 ms
 * after each change and at once when the page is hidden or closed.
 */
import { atom, map } from 'nanostores';

import type { Assessment } from '../domain/assessment.ts';
import {
  decodeStored,
  readAll,
  removeAssessment,
  STORAGE_PREFIX,
  writeAssessment,
  type LoadProblem,
} from './assessment-storage.ts';

export const SAVE_DELAY_MS = 300;

export type SaveState =
  | { status: 'saved'; at: string | undefined }
  | { status: 'pending' }
  | { status: 'failed'; reason: 'full' | 'unavailable' | 'other'; message: string };

export const $assessments = map<Record<string, Assessment>>({});
export const $saveState = atom<SaveState>({ status: 'saved', at: undefined });
export const $loadProblems = atom<LoadProblem[]>([]);

let storage: Storage | undefined;
const dirty = new Set<string>();
/** Assessments to write as they are, without folding in the stored copy (an import that replaces). */
const replacing = new Set<string>();
let timer: ReturnType<typeof setTimeout> | undefined;

function failure(cause: unknown): SaveState {
  const message = cause instanceof Error ? cause.message : String(cause);
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(message))
    return { status: 'failed', reason: 'full', message };
  return { status: 'failed', reason: 'other', message };
}

/** Connects the store to a storage (localStorage in the browser); returns a disconnect function. */
export function connectStorage(target: Storage | undefined, events?: Window): () => void {
  storage = target;
  if (!target) {
    $saveState.set({ status: 'failed', reason: 'unavailable', message: 'browser storage is not available' });
    return () => {};
  }
  const { assessments, problems } = readAll(target);
  $assessments.set(assessments);
  $loadProblems.set(problems);
  if (!events) return () => {};
  const onStorage = (event: StorageEvent) => {
    if (!event.key?.startsWith(STORAGE_PREFIX)) return;
    const id = event.key.slice(STORAGE_PREFIX.length);
    if (event.newValue === null) {
      if (!dirty.has(id)) $assessments.setKey(id, undefined as unknown as Assessment);
      return;
    }
    try {
      const theirs = decodeStored(event.newValue);
      // Our own unsaved edits are folded in when they are written; until then keep them on screen.
      if (!dirty.has(id)) $assessments.setKey(id, theirs);
    } catch {
      // Another tab wrote something this build cannot read: leave it alone.
    }
  };
  const onHide = () => flush();
  const onVisibility = () => {
    if (events.document.visibilityState === 'hidden') flush();
  };
  events.addEventListener('storage', onStorage);
  events.addEventListener('pagehide', onHide);
  events.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    events.removeEventListener('storage', onStorage);
    events.removeEventListener('pagehide', onHide);
    events.document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Writes every pending change now. */
export function flush(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (!storage || dirty.size === 0) return;
  try {
    for (const id of [...dirty]) {
      const assessment = $assessments.get()[id];
      if (assessment) {
        const merged = writeAssessment(storage, assessment, { merge: !replacing.has(id) });
        if (merged !== assessment) $assessments.setKey(id, merged);
      } else removeAssessment(storage, id);
      dirty.delete(id);
      replacing.delete(id);
    }
    $saveState.set({ status: 'saved', at: new Date().toISOString() });
  } catch (cause) {
    // The changes stay in memory and marked dirty: nothing is lost, and the page can offer an export.
    $saveState.set(failure(cause));
  }
}

function schedule(id: string): void {
  dirty.add(id);
  $saveState.set({ status: 'pending' });
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(flush, SAVE_DELAY_MS);
}

/**
 * Keeps `assessment`. Its answers are merged with what another tab may have
 * saved meanwhile, unless `replace` is set: then it overwrites the stored copy.
 */
export function putAssessment(assessment: Assessment, { replace = false } = {}): void {
  if (!assessment.id) throw new Error('an assessment kept in the browser needs an id');
  if (replace) replacing.add(assessment.id);
  $assessments.setKey(assessment.id, assessment);
  schedule(assessment.id);
}

/** Applies `change` to the stored assessment `id`, if it exists. */
export function updateAssessment(id: string, change: (assessment: Assessment) => Assessment): void {
  const current = $assessments.get()[id];
  if (current) putAssessment(change(current));
}

export function deleteAssessment(id: string): Assessment | undefined {
  const current = $assessments.get()[id];
  const { [id]: _removed, ...rest } = $assessments.get();
  $assessments.set(rest);
  schedule(id);
  return current;
}
