/**
 * Merging assessment files of one questionnaire (SPEC §3): respondents united
 * by id, answers by (question, respondent), consensus by question. Where two
 * files disagree the later `updated` wins and the conflict is listed. The
 * result does not depend on the order of the files.
 */
import { currentQuestionId, type AnswerEntry, type Assessment, type ConsensusEntry } from './assessment.ts';
import type { QuestionnaireModel } from './model.ts';

export interface MergeConflict {
  kind: 'answer' | 'consensus';
  question: string;
  /** For answers: whose answer it is. */
  respondent?: string | undefined;
  kept: AnswerEntry | ConsensusEntry;
  dropped: AnswerEntry | ConsensusEntry;
}

export interface MergeResult {
  assessment: Assessment;
  conflicts: MergeConflict[];
}

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

/** JSON with sorted keys: equal content gives an equal string. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonical(child)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const time = (updated: string | undefined) => {
  const parsed = updated === undefined ? Number.NaN : Date.parse(updated);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
};

/** The entry that wins: the later `updated`, then (for a total order) the larger canonical form. */
function later<T extends { updated?: string | undefined }>(a: T, b: T): T {
  const ta = time(a.updated);
  const tb = time(b.updated);
  if (ta !== tb) return ta > tb ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

/** What an entry says, without when it was said. */
function content(entry: AnswerEntry | ConsensusEntry): string {
  const { updated: _updated, ...rest } = entry;
  return canonical(rest);
}

function mergeEntries<T extends AnswerEntry | ConsensusEntry>(
  lists: readonly (readonly T[])[],
  keyOf: (entry: T) => string,
  conflict: (kept: T, dropped: T) => void,
): T[] {
  const candidates = new Map<string, T[]>();
  // Within one file, the later entry for a key already counts (SPEC §4.2): fold each file first.
  for (const list of lists) {
    const own = new Map<string, T>();
    for (const entry of list) {
      const key = keyOf(entry);
      const held = own.get(key);
      own.set(key, held ? later(held, entry) : entry);
    }
    for (const [key, entry] of own) {
      const list = candidates.get(key);
      if (list) list.push(entry);
      else candidates.set(key, [entry]);
    }
  }
  const winners: [string, T][] = [];
  for (const [key, entries] of candidates) {
    const kept = entries.reduce((a, b) => later(a, b));
    // Each different version that lost is one conflict, however many files carried it.
    const lost = new Map<string, T>();
    for (const entry of entries) {
      const what = content(entry);
      if (what === content(kept)) continue;
      const held = lost.get(what);
      lost.set(what, held ? later(held, entry) : entry);
    }
    for (const dropped of [...lost.values()].sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1)))
      conflict(kept, dropped);
    winners.push([key, kept]);
  }
  return winners.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
}

/** A file's own settings (title, targets, consolidation…), without its answers. */
function settingsOf(file: Assessment): { updated?: string | undefined } {
  const { respondents: _respondents, answers: _answers, consensus: _consensus, ...settings } = file;
  return settings as { updated?: string | undefined };
}

/**
 * Merges assessments of the same questionnaire and version. Migrate files of
 * older versions first (`migrateAssessment`).
 */
export function mergeAssessments(files: readonly Assessment[]): MergeResult {
  if (files.length === 0) throw new MergeError('nothing to merge');
  const [first] = files;
  for (const file of files) {
    if (file.questionnaire.id !== first!.questionnaire.id)
      throw new MergeError(
        `assessments of different questionnaires cannot be merged ("${first!.questionnaire.id}" and "${file.questionnaire.id}")`,
      );
    if (file.questionnaire.version !== first!.questionnaire.version)
      throw new MergeError(
        `assessments of versions ${first!.questionnaire.version} and ${file.questionnaire.version} must be migrated to one version first`,
      );
  }
  // The most recently updated file gives title, targets and settings; ties broken by content.
  const settings = files.map(settingsOf);
  let newestIndex = 0;
  settings.forEach((candidate, index) => {
    if (later(settings[newestIndex]!, candidate) === candidate && candidate !== settings[newestIndex])
      newestIndex = index;
  });
  const newest = files[newestIndex]!;
  const conflicts: MergeConflict[] = [];

  const respondents = new Map<string, Assessment['respondents'][number]>();
  // Older files first, so that a newer file's details of a respondent win.
  const byAge = files
    .map((file) => ({ file, settings: settingsOf(file) }))
    .sort((a, b) => (later(a.settings, b.settings) === a.settings ? 1 : -1))
    .map(({ file }) => file);
  for (const file of byAge) {
    for (const respondent of file.respondents)
      respondents.set(respondent.id, { ...respondents.get(respondent.id), ...respondent });
  }

  const answers = mergeEntries(
    files.map((file) => file.answers),
    (entry) => `${entry.question}\u0000${entry.respondent}`,
    (kept, dropped) =>
      conflicts.push({ kind: 'answer', question: kept.question, respondent: kept.respondent, kept, dropped }),
  );
  const consensus = mergeEntries(
    files.map((file) => file.consensus),
    (entry) => entry.question,
    (kept, dropped) => conflicts.push({ kind: 'consensus', question: kept.question, kept, dropped }),
  );
  const created = files
    .map((file) => file.created)
    .filter((value): value is string => !!value)
    .sort()[0];
  const updated = files
    .map((file) => file.updated)
    .filter((value): value is string => !!value)
    .sort()
    .at(-1);
  conflicts.sort((a, b) => {
    const ka = canonical([a.kind, a.question, a.respondent ?? '', a.dropped]);
    const kb = canonical([b.kind, b.question, b.respondent ?? '', b.dropped]);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

  return {
    assessment: {
      ...newest,
      ...(created ? { created } : {}),
      ...(updated ? { updated } : {}),
      respondents: [...respondents.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      answers,
      consensus,
    },
    conflicts,
  };
}

export interface Migration {
  assessment: Assessment;
  /** Old id → current id, for every id that `replaces` mapped. */
  renamed: [string, string][];
  /** Question ids the questionnaire no longer has; their answers are left out of the result. */
  dropped: string[];
}

/**
 * Brings an assessment of another version of a questionnaire to the version
 * of `model` (SPEC §3): ids that an item `replaces` become that item's id, and
 * answers to questions the version no longer has are left out, each named.
 * The original is not changed.
 */
export function migrateAssessment(model: QuestionnaireModel, assessment: Assessment): Migration {
  const renamed = new Map<string, string>();
  const dropped = new Set<string>();
  const map = <T extends { question: string }>(entries: readonly T[]): T[] =>
    entries.flatMap((entry) => {
      const id = currentQuestionId(model, entry.question);
      if (id === undefined) {
        dropped.add(entry.question);
        return [];
      }
      if (id !== entry.question) renamed.set(entry.question, id);
      return [{ ...entry, question: id }];
    });
  const targets: Assessment['targets'] = {};
  for (const [id, target] of Object.entries(assessment.targets)) {
    const current = model.sections.has(id) || id === model.id ? id : currentQuestionId(model, id);
    if (current !== undefined && !(current in targets && id !== current)) targets[current] = target;
  }
  return {
    assessment: {
      ...assessment,
      questionnaire: { ...assessment.questionnaire, version: model.version },
      answers: map(assessment.answers),
      consensus: map(assessment.consensus),
      targets,
    },
    renamed: [...renamed].sort(),
    dropped: [...dropped].sort(),
  };
}

/**
 * Settles a merge conflict the other way: `entry` (one of the conflict's two
 * versions) becomes the one that counts, stamped `now` so that it keeps
 * winning when the files are merged again.
 */
export function chooseEntry(
  assessment: Assessment,
  conflict: MergeConflict,
  entry: AnswerEntry | ConsensusEntry,
  now: string,
): Assessment {
  // Later than both versions even when a clock was ahead, so that the choice holds.
  const newest = Math.max(time(now), time(conflict.kept.updated), time(conflict.dropped.updated));
  const stamp = newest > time(now) ? new Date(newest + 1).toISOString() : now;
  const chosen = { ...entry, updated: stamp };
  if (conflict.kind === 'answer') {
    const answers = assessment.answers.filter(
      (other) => !(other.question === conflict.question && other.respondent === conflict.respondent),
    );
    return { ...assessment, answers: [...answers, chosen as AnswerEntry], updated: stamp };
  }
  const consensus = assessment.consensus.filter((other) => other.question !== conflict.question);
  return { ...assessment, consensus: [...consensus, chosen as ConsensusEntry], updated: stamp };
}
