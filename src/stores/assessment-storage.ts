/**
 * Assessments kept in this browser. Each assessment is stored under its own
 * key with a schema version, so one bad write never touches the others, and
 * a newer build can migrate what an older one saved.
 */
import type { Assessment } from '../domain/assessment.ts';
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
  return checkStored(migrate(stored));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Only Cairn writes here, after a full check on import or creation, so a
 * structural check is enough to catch a damaged entry; it keeps the schema
 * library out of every page.
 */
function checkStored(value: unknown): Assessment {
  if (!isObject(value) || value['format'] !== 'cairn.assessment' || typeof value['id'] !== 'string')
    throw new Error('not a saved Cairn assessment');
  const questionnaire = value['questionnaire'];
  if (
    !isObject(questionnaire) ||
    typeof questionnaire['id'] !== 'string' ||
    typeof questionnaire['version'] !== 'string'
  )
    throw new Error('the saved assessment names no questionnaire');
  for (const key of ['respondents', 'answers', 'consensus'] as const) {
    const list = value[key] ?? [];
    if (!Array.isArray(list) || !list.every(isObject)) throw new Error(`the saved ${key} are damaged`);
  }
  const answers = (value['answers'] ?? []) as Record<string, unknown>[];
  if (
    !answers.every(
      (answer) => typeof answer['question'] === 'string' && typeof answer['respondent'] === 'string',
    )
  )
    throw new Error('the saved answers are damaged');
  if (value['targets'] !== undefined && !isObject(value['targets']))
    throw new Error('the saved targets are damaged');
  return {
    ...value,
    respondents: value['respondents'] ?? [],
    answers,
    consensus: value['consensus'] ?? [],
    targets: value['targets'] ?? {},
  } as Assessment;
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
export function writeAssessment(storage: Storage, assessment: Assessment, { merge = true } = {}): Assessment {
  const key = `${STORAGE_PREFIX}${assessment.id}`;
  let merged = assessment;
  const existing = merge ? storage.getItem(key) : null;
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
