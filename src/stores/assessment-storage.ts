/**
 * Assessments kept in this browser. Each assessment is stored under its own
 * key with a schema version, so one bad write never touches the others, and
 * a newer build can migrate what an older one saved.
 */
import { assessmentSchema, type Assessment } from '../domain/assessment.ts';
import { mergeAssessments } from '../domain/merge.ts';

export const STORAGE_PREFIX = 'cairn:assessment:';
export const STORAGE_SCHEMA = 1;

interface StoredAssessment {
  schema: number;
  assessment: unknown;
}

export type LoadProblem = { key: string; reason: string };

/** Upgrades what an older build stored; the only version so far is 1. */
function migrate(stored: StoredAssessment): unknown {
  if (stored.schema === STORAGE_SCHEMA) return stored.assessment;
  throw new Error(`saved by a newer version of Cairn (storage schema ${stored.schema})`);
}

export function decodeStored(text: string): Assessment {
  const stored = JSON.parse(text) as StoredAssessment;
  if (!stored || typeof stored !== 'object' || typeof stored.schema !== 'number')
    throw new Error('not a saved Cairn assessment');
  return assessmentSchema.parse(migrate(stored));
}

export function encodeStored(assessment: Assessment): string {
  const stored: StoredAssessment = { schema: STORAGE_SCHEMA, assessment };
  return JSON.stringify(stored);
}

/** Every assessment in `storage`, and the entries that could not be read (left untouched). */
export function readAll(storage: Storage): {
  assessments: Record<string, Assessment>;
  problems: LoadProblem[];
} {
  const assessments: Record<string, Assessment> = {};
  const problems: LoadProblem[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (!key?.startsWith(STORAGE_PREFIX)) continue;
    try {
      const assessment = decodeStored(storage.getItem(key) ?? '');
      if (assessment.id) assessments[assessment.id] = assessment;
    } catch (cause) {
      problems.push({ key, reason: cause instanceof Error ? cause.message : String(cause) });
    }
  }
  return { assessments, problems };
}

/**
 * Writes one assessment, first folding in what another tab may have saved
 * meanwhile: answers merge pair by pair, so the later edit of an answer wins
 * and no other answer is touched.
 */
export function writeAssessment(storage: Storage, assessment: Assessment): Assessment {
  const key = `${STORAGE_PREFIX}${assessment.id}`;
  let merged = assessment;
  const existing = storage.getItem(key);
  if (existing) {
    try {
      merged = mergeAssessments([decodeStored(existing), assessment]).assessment;
    } catch {
      // An unreadable or incompatible stored copy is replaced by the one in hand.
    }
  }
  storage.setItem(key, encodeStored(merged));
  return merged;
}

export function removeAssessment(storage: Storage, id: string): void {
  storage.removeItem(`${STORAGE_PREFIX}${id}`);
}
