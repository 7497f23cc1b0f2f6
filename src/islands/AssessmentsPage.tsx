import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { valueText } from '../domain/answer-text.ts';
import type { Assessment } from '../domain/assessment.ts';
import { assessmentFileName, serializeAssessment } from '../domain/assessment-export.ts';
import { createAssessment } from '../domain/assessment-edit.ts';
import { chooseEntry, mergeAssessments, type MergeConflict } from '../domain/merge.ts';
import type { QuestionnaireModel } from '../domain/model.ts';
import { scoreAssessment } from '../domain/scoring.ts';
import { localize } from '../domain/text.ts';
import type { Messages } from '../i18n/en.ts';
import {
  $assessments,
  $loadProblems,
  $saveState,
  deleteAssessment,
  flush,
  putAssessment,
  updateAssessment,
} from '../stores/assessments.ts';
import { connectBrowserStorage } from '../stores/browser-storage.ts';
import {
  $customQuestionnaires,
  forgetQuestionnaire,
  keepQuestionnaire,
  loadCustomQuestionnaires,
} from '../stores/custom-questionnaires.ts';
import { forgetModel, loadQuestionnaireModel } from '../stores/questionnaires.ts';
import { downloadText, fill, formatDateTime, newId } from './format.ts';
import { SaveStatus } from './SaveStatus.tsx';

export interface QuestionnaireChoice {
  id: string;
  version: string;
  title: string;
}

interface Props {
  locale: string;
  t: Messages['assessments'];
  tSave: Messages['save'];
  questionnaires: QuestionnaireChoice[];
}

type Notice =
  | { kind: 'info'; text: string; undo?: Assessment | undefined }
  | { kind: 'error'; text: string; details: string[] }
  | { kind: 'warning'; text: string; details: string[] };

interface PendingConflict {
  incoming: Assessment;
  file: string;
  /** Files chosen with it, imported once this one is settled. */
  rest: readonly File[];
}

interface MergeReportState {
  id: string;
  file: string;
  conflicts: MergeConflict[];
  /** Per conflict: whether the version that lost was chosen instead. */
  flipped: boolean[];
}

const now = () => new Date().toISOString();

function exportAssessment(assessment: Assessment): void {
  flush();
  downloadText(assessmentFileName(assessment), serializeAssessment(assessment));
}

export function AssessmentsPage({ locale, t, tSave, questionnaires }: Props) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    connectBrowserStorage();
    setReady(true);
  }, []);
  const all = useStore($assessments);
  const loadProblems = useStore($loadProblems);
  const list = useMemo(
    () =>
      Object.values(all)
        .filter(Boolean)
        .sort((a, b) => ((b.updated ?? '') > (a.updated ?? '') ? 1 : -1)),
    [all],
  );

  const [models, setModels] = useState<Record<string, QuestionnaireModel | null>>({});
  useEffect(() => {
    for (const id of new Set(list.map((assessment) => assessment.questionnaire.id))) {
      if (id in models) continue;
      setModels((known) => ({ ...known, [id]: null }));
      void loadQuestionnaireModel(id).then((model) => {
        if (model) setModels((known) => ({ ...known, [id]: model }));
      });
    }
  }, [list]);

  const [notice, setNotice] = useState<Notice | undefined>();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | undefined>();
  const [conflict, setConflict] = useState<PendingConflict | undefined>();
  const [dragging, setDragging] = useState(false);
  const own = useStore($customQuestionnaires);
  useEffect(() => {
    loadCustomQuestionnaires();
  }, []);
  const choices: QuestionnaireChoice[] = [
    ...questionnaires,
    ...Object.values(own).map(({ questionnaire }) => ({
      id: questionnaire.id,
      version: questionnaire.version,
      title: localize(questionnaire.title, locale, questionnaire.locales[0] ?? 'en'),
    })),
  ];
  const questionnaireTitle = (id: string) => choices.find((q) => q.id === id)?.title ?? id;

  const loadQuestionnaire = async (file: File) => {
    const { parseQuestionnaireText, formatProblem } = await import('../domain/questionnaire-file.ts');
    const { questionnaire, problems } = parseQuestionnaireText(await file.text(), file.name);
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (!questionnaire || errors.length) {
      setNotice({
        kind: 'error',
        text: fill(t.ownRefused, { file: file.name }),
        details: errors.map(formatProblem),
      });
      return;
    }
    if (questionnaires.some((q) => q.id === questionnaire.id)) {
      setNotice({
        kind: 'error',
        text: fill(t.ownRefused, { file: file.name }),
        details: [fill(t.ownBuiltIn, { file: file.name, id: questionnaire.id })],
      });
      return;
    }
    try {
      keepQuestionnaire(questionnaire, file.name);
    } catch {
      setNotice({
        kind: 'error',
        text: fill(t.ownRefused, { file: file.name }),
        details: [fill(t.ownFull, { file: file.name })],
      });
      return;
    }
    forgetModel(questionnaire.id);
    const title = localize(questionnaire.title, locale, questionnaire.locales[0] ?? 'en');
    if (problems.length)
      setNotice({
        kind: 'warning',
        text: fill(t.ownWarnings, { file: file.name }),
        details: problems.map(formatProblem),
      });
    else
      setNotice({
        kind: 'info',
        text: fill(t.ownLoaded, { title, id: questionnaire.id, version: questionnaire.version }),
      });
  };

  const remove = (assessment: Assessment) => {
    deleteAssessment(assessment.id!);
    setNotice({ kind: 'info', text: fill(t.deleted, { title: assessment.title ?? '' }), undo: assessment });
  };

  const duplicate = (assessment: Assessment) => {
    const time = now();
    putAssessment({
      ...assessment,
      id: newId(),
      title: fill(t.copyOf, { title: assessment.title ?? '' }),
      created: time,
      updated: time,
    });
  };

  const store = (incoming: Assessment, file: string, replace = false) => {
    putAssessment(incoming, { replace });
    flush();
    setNotice({ kind: 'info', text: fill(t.imported, { title: incoming.title ?? file }) });
  };

  const importFiles = async (files: readonly File[]) => {
    // Checking files needs the schema library: loaded only when a file comes in.
    const { checkAssessmentImport, parseAssessmentText } = await import('../domain/assessment-file.ts');
    for (const [index, file] of files.entries()) {
      const text = await file.text();
      const parsed = parseAssessmentText(text, file.name);
      if (!parsed.ok) {
        setNotice({
          kind: 'error',
          text: fill(t.importFailed, { file: file.name }),
          details: parsed.problems,
        });
        continue;
      }
      const model = await loadQuestionnaireModel(parsed.assessment.questionnaire.id);
      const result = checkAssessmentImport(text, file.name, (id) => (model?.id === id ? model : undefined));
      if (!result.ok) {
        setNotice({
          kind: 'error',
          text: fill(t.importFailed, { file: file.name }),
          details: result.problems,
        });
        continue;
      }
      const incoming = { ...result.assessment, id: result.assessment.id || newId() };
      if ($assessments.get()[incoming.id!]) {
        setConflict({ incoming, file: file.name, rest: files.slice(index + 1) });
        return;
      }
      store(incoming, file.name);
      if (result.warnings.length)
        setNotice({
          kind: 'warning',
          text: fill(t.importWarnings, { file: file.name }),
          details: result.warnings,
        });
    }
  };

  const settle = async (how: 'replace' | 'both' | 'merge' | 'cancel') => {
    if (!conflict) return;
    const { incoming, file, rest } = conflict;
    setConflict(undefined);
    // The other files chosen at the same time follow, each asked about in turn.
    const next = () => {
      if (rest.length) void importFiles(rest);
    };
    if (how === 'cancel') return next();
    if (how === 'replace') store(incoming, file, true);
    else if (how === 'both') {
      const time = now();
      store(
        { ...incoming, id: newId(), title: fill(t.copyOf, { title: incoming.title ?? '' }), updated: time },
        file,
      );
    } else {
      try {
        const existing = $assessments.get()[incoming.id!]!;
        const { assessment, conflicts } = mergeAssessments([existing, incoming]);
        putAssessment(assessment);
        flush();
        setNotice({
          kind: 'info',
          text: fill(t.merged, { title: assessment.title ?? file, n: conflicts.length }),
        });
        if (conflicts.length)
          setMergeReport({ id: assessment.id!, file, conflicts, flipped: conflicts.map(() => false) });
      } catch (cause) {
        setNotice({
          kind: 'error',
          text: fill(t.importFailed, { file }),
          details: [cause instanceof Error ? cause.message : String(cause)],
        });
      }
    }
    next();
  };

  const [mergeReport, setMergeReport] = useState<MergeReportState | undefined>();
  const choose = (index: number, flipped: boolean) => {
    if (!mergeReport) return;
    const conflict = mergeReport.conflicts[index]!;
    updateAssessment(mergeReport.id, (latest) =>
      chooseEntry(latest, conflict, flipped ? conflict.dropped : conflict.kept, now()),
    );
    setMergeReport({
      ...mergeReport,
      flipped: mergeReport.flipped.map((value, i) => (i === index ? flipped : value)),
    });
  };

  const fileInput = useRef<HTMLInputElement>(null);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) void importFiles(files);
  };

  // Without JavaScript the page's own text explains what to do; nothing here would work.
  if (!ready) return <div class="assessments" />;
  return (
    <div
      class={`assessments${dragging ? ' assessments--dragging' : ''}`}
      data-ready="true"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <SaveStatus t={tSave} />
      <div aria-live="polite" class="notice-region">
        {notice && <NoticeView notice={notice} t={t} onClose={() => setNotice(undefined)} />}
      </div>
      {loadProblems.length > 0 && (
        <div class="notice notice--warning">
          <p>{t.loadProblems}</p>
          <ul>
            {loadProblems.map((problem) => (
              <li key={problem.key}>
                <code>{problem.key}</code>: {problem.reason}
              </li>
            ))}
          </ul>
        </div>
      )}

      <section aria-labelledby="list-title">
        <div class="section-bar">
          <h2 id="list-title">{t.listTitle}</h2>
          {!creating && (
            <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
              {t.newButton}
            </button>
          )}
        </div>
        {list.length === 0 && (
          <div class="empty-state">
            <h3>{t.emptyTitle}</h3>
            <p>{t.emptyText}</p>
          </div>
        )}
        <ul class="assessment-list">
          {list.map((assessment) => {
            const model = models[assessment.questionnaire.id];
            const overall = model ? scoreAssessment(model, assessment).overall : undefined;
            const title = assessment.title || assessment.id!;
            return (
              <li key={assessment.id} class="assessment-card" data-assessment={assessment.id}>
                {renaming === assessment.id ? (
                  <form
                    class="rename-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      const value = new FormData(event.currentTarget).get('title')?.toString().trim();
                      if (value) putAssessment({ ...assessment, title: value, updated: now() });
                      setRenaming(undefined);
                    }}
                  >
                    <label>
                      {t.renameLabel}
                      <input name="title" defaultValue={assessment.title} required autoFocus />
                    </label>
                    <button type="submit" class="button button--primary">
                      {t.save}
                    </button>
                    <button
                      type="button"
                      class="button button--secondary"
                      onClick={() => setRenaming(undefined)}
                    >
                      {t.cancel}
                    </button>
                  </form>
                ) : (
                  <h3>
                    <a href={`/${locale}/assess/#${encodeURIComponent(assessment.id!)}`}>{title}</a>
                  </h3>
                )}
                <p class="assessment-card__meta">
                  {assessment.administration && <span>{assessment.administration} · </span>}
                  <span>
                    {questionnaireTitle(assessment.questionnaire.id)} ·{' '}
                    {fill(t.version, { v: assessment.questionnaire.version })}
                  </span>
                </p>
                {overall && (
                  <p class="assessment-card__progress">
                    <progress max={overall.total} value={overall.answered} aria-label={t.columns.progress} />
                    <span>{fill(t.progress, { answered: overall.answered, total: overall.total })}</span>
                  </p>
                )}
                <p class="assessment-card__updated">
                  {t.columns.updated}
                  {t.colon}
                  {formatDateTime(assessment.updated, locale)}
                </p>
                <div
                  class="assessment-card__actions"
                  role="group"
                  aria-label={`${t.columns.actions}${t.colon}${title}`}
                >
                  <a
                    class="button button--primary"
                    href={`/${locale}/assess/#${encodeURIComponent(assessment.id!)}`}
                  >
                    {t.open}
                  </a>
                  <a
                    class="button button--secondary"
                    href={`/${locale}/results/#${encodeURIComponent(assessment.id!)}`}
                  >
                    {t.results}
                  </a>
                  <a
                    class="button button--secondary"
                    href={`/${locale}/roadmap/#${encodeURIComponent(assessment.id!)}`}
                  >
                    {t.roadmap}
                  </a>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => setRenaming(assessment.id)}
                  >
                    {t.rename}
                  </button>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => duplicate(assessment)}
                  >
                    {t.duplicate}
                  </button>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => exportAssessment(assessment)}
                  >
                    {t.export}
                  </button>
                  <button type="button" class="button button--danger" onClick={() => remove(assessment)}>
                    {t.delete}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {(creating || list.length === 0) && (
        <NewAssessmentForm
          t={t}
          locale={locale}
          questionnaires={choices}
          onCancel={list.length ? () => setCreating(false) : undefined}
        />
      )}

      <section aria-labelledby="import-title" class="import-zone">
        <h2 id="import-title">{t.importTitle}</h2>
        <p>{t.importText}</p>
        <input
          ref={fileInput}
          id="import-files"
          type="file"
          accept=".json,.cairn.json,application/json"
          multiple
          class="visually-hidden"
          onChange={(event) => {
            const input = event.currentTarget;
            const files = [...(input.files ?? [])];
            input.value = '';
            void importFiles(files);
          }}
        />
        <label for="import-files" class="button button--secondary">
          {t.importButton}
        </label>
        {dragging && <p class="drop-hint">{t.dropHere}</p>}
      </section>

      <section aria-labelledby="own-title" class="import-zone own-questionnaires">
        <h2 id="own-title">{t.ownTitle}</h2>
        <p>{t.ownText}</p>
        {Object.keys(own).length > 0 && (
          <ul class="own-questionnaires__list">
            {Object.values(own).map(({ questionnaire, file }) => (
              <li key={questionnaire.id} data-own={questionnaire.id}>
                <strong>{localize(questionnaire.title, locale, questionnaire.locales[0] ?? 'en')}</strong>{' '}
                <code>
                  {questionnaire.id} {questionnaire.version}
                </code>{' '}
                <span class="hint">{file}</span>{' '}
                <button
                  type="button"
                  class="button button--quiet"
                  onClick={() => {
                    forgetQuestionnaire(questionnaire.id);
                    forgetModel(questionnaire.id);
                  }}
                >
                  {t.ownRemove}
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id="own-file"
          type="file"
          accept=".yaml,.yml,text/yaml,application/yaml"
          class="visually-hidden"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void loadQuestionnaire(file);
          }}
        />
        <label for="own-file" class="button button--secondary">
          {t.ownButton}
        </label>
      </section>

      {conflict && <ConflictDialog t={t} conflict={conflict} onSettle={settle} />}
      {mergeReport && (
        <MergeReport
          t={t}
          report={mergeReport}
          model={models[$assessments.get()[mergeReport.id]?.questionnaire.id ?? ''] ?? undefined}
          assessment={$assessments.get()[mergeReport.id]}
          locale={locale}
          onChoose={choose}
          onClose={() => setMergeReport(undefined)}
        />
      )}
    </div>
  );
}

function NoticeView({
  notice,
  t,
  onClose,
}: {
  notice: Notice;
  t: Messages['assessments'];
  onClose: () => void;
}) {
  return (
    <div class={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
      <p>{notice.text}</p>
      {'details' in notice && (
        <ul>
          {notice.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      <div class="notice__actions">
        {notice.kind === 'info' && notice.undo && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              putAssessment(notice.undo!);
              onClose();
            }}
          >
            {t.undo}
          </button>
        )}
        <button type="button" class="button button--quiet" onClick={onClose} aria-label="×">
          ×
        </button>
      </div>
    </div>
  );
}

function ConflictDialog({
  t,
  conflict,
  onSettle,
}: {
  t: Messages['assessments'];
  conflict: PendingConflict;
  onSettle: (how: 'replace' | 'both' | 'merge' | 'cancel') => Promise<void>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="conflict-title"
      onCancel={(event) => {
        event.preventDefault();
        void onSettle('cancel');
      }}
    >
      <h2 id="conflict-title">{t.conflictTitle}</h2>
      <p>{fill(t.conflictText, { title: conflict.incoming.title ?? '', file: conflict.file })}</p>
      <p class="hint">{t.mergeHint}</p>
      <div class="dialog__actions">
        <button type="button" class="button button--primary" onClick={() => void onSettle('merge')}>
          {t.merge}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void onSettle('both')}>
          {t.keepBoth}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void onSettle('replace')}>
          {t.replace}
        </button>
        <button type="button" class="button button--quiet" onClick={() => void onSettle('cancel')}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}

function NewAssessmentForm({
  t,
  locale,
  questionnaires,
  onCancel,
}: {
  t: Messages['assessments'];
  locale: string;
  questionnaires: QuestionnaireChoice[];
  onCancel: (() => void) | undefined;
}) {
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => form.get(name)?.toString().trim() ?? '';
    const questionnaire = questionnaires.find((q) => q.id === field('questionnaire')) ?? questionnaires[0];
    if (!field('title')) {
      setError(t.titleRequired);
      return;
    }
    if (!questionnaire) return;
    const assessment = createAssessment({
      id: newId(),
      now: now(),
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      title: field('title'),
      administration: field('administration'),
      respondent: { id: 'r1', name: field('name'), role: field('role'), unit: field('unit') },
    });
    putAssessment(assessment);
    flush();
    // Where the browser keeps nothing, leaving this page would lose the new assessment.
    if ($saveState.get().status === 'failed') return;
    location.assign(`/${locale}/assess/#${encodeURIComponent(assessment.id!)}`);
  };
  return (
    <section aria-labelledby="new-title" class="card new-assessment">
      <h2 id="new-title">{t.newTitle}</h2>
      <form onSubmit={onSubmit} noValidate>
        <div class="field">
          <label for="new-questionnaire">{t.questionnaire}</label>
          <select id="new-questionnaire" name="questionnaire">
            {questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title} ({q.version})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="new-title-input">{t.titleLabel}</label>
          <input
            id="new-title-input"
            name="title"
            required
            aria-describedby="new-title-hint"
            aria-invalid={error ? 'true' : undefined}
            aria-errormessage={error ? 'new-title-error' : undefined}
          />
          <p id="new-title-hint" class="hint">
            {t.titleHint}
          </p>
          {error && (
            <p id="new-title-error" class="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div class="field">
          <label for="new-administration">{t.administration}</label>
          <input id="new-administration" name="administration" />
        </div>
        <fieldset>
          <legend>{t.respondentLegend}</legend>
          <p class="hint">{t.respondentHint}</p>
          <div class="field-row">
            <div class="field">
              <label for="new-name">{t.respondentName}</label>
              <input id="new-name" name="name" autoComplete="name" />
            </div>
            <div class="field">
              <label for="new-role">{t.respondentRole}</label>
              <input id="new-role" name="role" />
            </div>
            <div class="field">
              <label for="new-unit">{t.respondentUnit}</label>
              <input id="new-unit" name="unit" />
            </div>
          </div>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button button--primary">
            {t.create}
          </button>
          {onCancel && (
            <button type="button" class="button button--secondary" onClick={onCancel}>
              {t.cancel}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function MergeReport({
  t,
  report,
  model,
  assessment,
  locale,
  onChoose,
  onClose,
}: {
  t: Messages['assessments'];
  report: MergeReportState;
  model: QuestionnaireModel | undefined;
  assessment: Assessment | undefined;
  locale: string;
  onChoose: (index: number, flipped: boolean) => void;
  onClose: () => void;
}) {
  const prompt = (question: string) => {
    const found = model?.questions.get(question);
    return found ? localize(found.source.prompt, locale, model!.sourceLocale) : question;
  };
  const who = (respondent: string | undefined) =>
    assessment?.respondents.find((r) => r.id === respondent)?.name || respondent || '';
  const version = (entry: MergeConflict['kept'], question: string) => {
    const value = entry.na
      ? t.mergeNa
      : entry.value === undefined || entry.value === null
        ? t.mergeNoValue
        : valueText(model?.questions.get(question), entry.value, t, (text) =>
            localize(text, locale, model?.sourceLocale ?? 'en'),
          );
    return `${value}${entry.insufficient && !entry.na ? ` (${t.mergeInsufficient})` : ''} · ${formatDateTime(entry.updated, locale)}`;
  };
  return (
    <section class="card merge-report" aria-labelledby="merge-report-title" data-merge-report>
      <h2 id="merge-report-title">{fill(t.mergeReportTitle, { file: report.file })}</h2>
      <p class="hint">{t.mergeReportHint}</p>
      <ol>
        {report.conflicts.map((conflict, index) => (
          <li key={index} data-conflict={conflict.question}>
            <fieldset>
              <legend>
                {prompt(conflict.question)} <code>{conflict.question}</code>
                {conflict.kind === 'answer' ? ` · ${who(conflict.respondent)}` : ` · ${t.mergeConsensus}`}
              </legend>
              <label class="option">
                <input
                  type="radio"
                  name={`conflict-${index}`}
                  checked={!report.flipped[index]}
                  onChange={() => onChoose(index, false)}
                />
                {fill(t.mergeLater, { version: version(conflict.kept, conflict.question) })}
              </label>
              <label class="option">
                <input
                  type="radio"
                  name={`conflict-${index}`}
                  checked={report.flipped[index]}
                  onChange={() => onChoose(index, true)}
                />
                {fill(t.mergeEarlier, { version: version(conflict.dropped, conflict.question) })}
              </label>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" class="button button--secondary" onClick={onClose}>
        {t.mergeDone}
      </button>
    </section>
  );
}
