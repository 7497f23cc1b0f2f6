import { useMemo, useRef, useState } from 'preact/hooks';

import { valueText } from '../domain/answer-text.ts';
import { CONSOLIDATIONS, isAnswer, type Assessment, type Consolidation } from '../domain/assessment.ts';
import { assessmentFileName, serializeAssessment } from '../domain/assessment-export.ts';
import {
  addRespondent,
  answerOf,
  applyAnswer,
  applyConsensus,
  removeConsensus,
  type AnswerPatch,
} from '../domain/assessment-edit.ts';
import { crossReferenceIndex, crossReferencesOf, placedQuestions } from '../domain/cross-references.ts';
import {
  areasOf,
  questionsIn,
  type QuestionModel,
  type QuestionnaireModel,
  type SectionModel,
} from '../domain/model.ts';
import { scoreAssessment, type NodeScore } from '../domain/scoring.ts';
import { localize, type Text } from '../domain/text.ts';
import type { Messages } from '../i18n/en.ts';
import { $assessments, flush, updateAssessment } from '../stores/assessments.ts';
import { loadCustomQuestionnaires } from '../stores/custom-questionnaires.ts';
import { AssessmentGate } from './AssessmentGate.tsx';
import { MatrixView } from './MatrixView.tsx';
import { countOf } from '../i18n/locales.ts';
import { displayOf, downloadText, fill, formatRange } from './format.ts';
import { QuestionView, type RelatedItem } from './QuestionView.tsx';
import { SaveStatus } from './SaveStatus.tsx';

/** A questionnaire the site ships, named for the items it shares with others. */
export interface ShippedQuestionnaire {
  id: string;
  title: string;
  /** The prompts of its items that another questionnaire also assesses, by question id. */
  prompts: Record<string, string>;
}

interface Props {
  locale: string;
  t: Messages['runner'];
  tSave: Messages['save'];
  /** The questionnaires the site ships, which have a readable document to link to. */
  shipped: readonly ShippedQuestionnaire[];
}

const now = () => new Date().toISOString();

/**
 * The items of other questionnaires that assess the same thing as each item:
 * links this questionnaire declares, and links that questionnaires kept in this
 * browser declare to it. Shipped ones link to their readable document.
 */
function relatedItemsOf(
  model: QuestionnaireModel,
  shipped: readonly ShippedQuestionnaire[],
  locale: string,
): (question: string) => RelatedItem[] {
  const kept = Object.values(loadCustomQuestionnaires())
    .map((entry) => entry.questionnaire)
    .filter((questionnaire) => questionnaire.id !== model.id);
  const index = crossReferenceIndex([model.source, ...kept]);
  return (question) =>
    crossReferencesOf(index, model.id, question).flatMap((link): RelatedItem[] => {
      const own = shipped.find((entry) => entry.id === link.questionnaire);
      if (own)
        return [
          {
            title: own.title,
            prompt: own.prompts[link.question],
            href: `/${locale}/questionnaires/${link.questionnaire}/#${link.question}`,
          },
        ];
      const other = kept.find((questionnaire) => questionnaire.id === link.questionnaire);
      if (!other) return [];
      const text = (value: Text | undefined) => localize(value, locale, other.locales[0] ?? 'en');
      const target = [...placedQuestions(other)].find((placed) => placed.question.id === link.question);
      return [{ title: text(other.title), prompt: target && text(target.question.prompt) }];
    });
}

/** An assessment always has someone to answer as; a file without respondents gets one. */
function withRespondent(assessment: Assessment, respondent: string): Assessment {
  if (assessment.respondents.some((r) => r.id === respondent)) return assessment;
  return { ...assessment, respondents: [...assessment.respondents, { id: respondent }] };
}

export function Runner({ locale, t, tSave, shipped }: Props) {
  return (
    <AssessmentGate locale={locale} t={t} frame="runner">
      {(assessment, model) => (
        <RunnerView
          locale={locale}
          t={t}
          tSave={tSave}
          shipped={shipped}
          assessment={assessment}
          model={model}
        />
      )}
    </AssessmentGate>
  );
}

interface ViewProps extends Props {
  assessment: Assessment;
  model: QuestionnaireModel;
}

function RunnerView({ locale, t, tSave, shipped, assessment, model }: ViewProps) {
  const id = assessment.id!;
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const relatedTo = useMemo(() => relatedItemsOf(model, shipped, locale), [model, shipped, locale]);
  const areas = useMemo(() => areasOf(model), [model]);
  const [current, setCurrent] = useState(0);
  const area = areas[Math.min(current, areas.length - 1)]!;
  const [respondent, setRespondent] = useState(assessment.respondents[0]?.id ?? 'r1');
  const [onlyUnanswered, setOnlyUnanswered] = useState(false);
  const [view, setView] = useState<'answer' | 'compare'>('answer');
  const [addingRespondent, setAddingRespondent] = useState(false);
  const [formNotice, setFormNotice] = useState<
    { ok: boolean; text: string; problems: string[] } | undefined
  >();
  const words = { ...t.team.formWords };
  const downloadForm = async () => {
    const { blankForm } = await import('./paper-forms.ts');
    const latest = $assessments.get()[id] ?? assessment;
    const name = respondentName(respondent)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .toLowerCase();
    downloadText(
      `${assessmentFileName(latest).replace(/\.cairn\.json$/, '')}-form-${name}.xlsx`,
      blankForm(model, withRespondent(latest, respondent), respondent, locale, words),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };
  const takeForm = async (file: File) => {
    const { importForm } = await import('./paper-forms.ts');
    const latest = $assessments.get()[id] ?? assessment;
    const result = await importForm(file, model, latest, locale, words);
    if (!result.ok) {
      setFormNotice({
        ok: false,
        text: fill(t.team.formRefused, { file: file.name }),
        problems: result.problems,
      });
      return;
    }
    updateAssessment(id, () => result.assessment);
    setRespondent(result.respondent);
    setFormNotice({
      ok: true,
      text: fill(t.team.formImported, {
        n: result.answered,
        name: respondentName(result.respondent),
        file: file.name,
      }),
      problems: [],
    });
  };
  const respondentName = (respondentId: string) =>
    assessment.respondents.find((r) => r.id === respondentId)?.name || respondentId;

  // One pass over the answers serves the scores, the agreed ratings and which items show.
  const result = useMemo(() => scoreAssessment(model, assessment), [model, assessment]);
  const { answers: resolved, visible } = result;
  const consensusOf = (questionId: string) => {
    const entry = resolved.consensus.get(questionId);
    if (!entry) return undefined;
    if (entry.na) return t.na;
    return entry.value === undefined
      ? t.insufficient
      : valueText(model.questions.get(questionId), entry.value, t, text);
  };

  const update = (question: string, patch: AnswerPatch) =>
    updateAssessment(id, (latest) =>
      applyAnswer(withRespondent(latest, respondent), question, respondent, patch, now()),
    );

  const exportFile = () => {
    flush();
    const latest = $assessments.get()[id] ?? assessment;
    downloadText(assessmentFileName(latest), serializeAssessment(latest));
  };

  const heading = useRef<HTMLHeadingElement>(null);
  const go = (index: number) => {
    setCurrent(index);
    requestAnimationFrame(() => {
      heading.current?.focus();
      heading.current?.scrollIntoView({ block: 'start' });
    });
  };

  const overall = result.overall;
  const areaNode = result.nodes[area.id] ?? (area.isRoot ? overall : undefined);
  const hidden = countHidden(area, visible);
  const respondentLabel = (r: Assessment['respondents'][number]) =>
    [r.name || r.id, [r.role, r.unit].filter(Boolean).join(', ')].filter(Boolean).join(' — ');

  return (
    <div class="runner" data-assessment={id}>
      <header class="runner__header">
        <div>
          <p class="eyebrow">
            {text(model.source.title)} · {model.version}
            {assessment.administration ? ` · ${assessment.administration}` : ''}
          </p>
          <h1>{assessment.title || t.title}</h1>
        </div>
        <div class="runner__tools">
          <SaveStatus t={tSave} onExport={exportFile} />
          <a class="button button--secondary" href={`/${locale}/results/#${encodeURIComponent(id)}`}>
            {t.results}
          </a>
          <a class="button button--secondary" href={`/${locale}/roadmap/#${encodeURIComponent(id)}`}>
            {t.roadmap}
          </a>
          <button type="button" class="button button--secondary" onClick={exportFile}>
            {t.export}
          </button>
        </div>
      </header>

      <div class="runner__bar">
        <div class="runner__progress">
          <label for="overall-progress">
            {t.progressLabel}
            {t.colon}
            {overall.answered} / {overall.total}
          </label>
          <progress id="overall-progress" max={Math.max(overall.total, 1)} value={overall.answered} />
          <p class="runner__overall">
            {t.overall}
            {t.colon}
            <ScoreLine node={overall} t={t} locale={locale} />
          </p>
        </div>
        <div class="runner__options">
          <div class="runner__respondent">
            {assessment.respondents.length > 1 ? (
              <label>
                {t.respondent}{' '}
                <select value={respondent} onChange={(event) => setRespondent(event.currentTarget.value)}>
                  {assessment.respondents.map((r) => (
                    <option key={r.id} value={r.id}>
                      {respondentLabel(r)}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              assessment.respondents.length === 1 &&
              hasDetails(assessment.respondents[0]!) && (
                <p>
                  {t.respondent}
                  {t.colon}
                  {respondentLabel(assessment.respondents[0]!)}
                </p>
              )
            )}
            {!addingRespondent && (
              <button type="button" class="button button--quiet" onClick={() => setAddingRespondent(true)}>
                {t.team.addRespondent}
              </button>
            )}
          </div>
          {addingRespondent && (
            <NewRespondent
              t={t}
              onCancel={() => setAddingRespondent(false)}
              onAdd={(details) => {
                const now = new Date().toISOString();
                const added = addRespondent($assessments.get()[id] ?? assessment, details, now);
                updateAssessment(id, () => added);
                setRespondent(added.respondents.at(-1)!.id);
                setAddingRespondent(false);
              }}
            />
          )}
          {assessment.respondents.length > 1 && (
            <label>
              {t.team.consolidation}{' '}
              <select
                value={assessment.consolidation ?? 'median'}
                onChange={(event) => {
                  const consolidation = event.currentTarget.value as Consolidation;
                  updateAssessment(id, (latest) => ({
                    ...latest,
                    consolidation,
                    updated: new Date().toISOString(),
                  }));
                }}
              >
                {CONSOLIDATIONS.map((how) => (
                  <option key={how} value={how}>
                    {t.team.consolidations[how]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div class="runner__forms">
            <button type="button" class="button button--quiet" onClick={() => void downloadForm()}>
              {fill(t.team.paperForm, { name: respondentName(respondent) })}
            </button>
            <input
              id="form-file"
              type="file"
              class="visually-hidden"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                const input = event.currentTarget;
                const file = input.files?.[0];
                input.value = '';
                if (file) void takeForm(file);
              }}
            />
            <label for="form-file" class="button button--quiet">
              {t.team.importForm}
            </label>
          </div>
          {formNotice && (
            <div
              class={`notice notice--${formNotice.ok ? 'info' : 'error'}`}
              role={formNotice.ok ? 'status' : 'alert'}
              data-form-notice
            >
              <p>{formNotice.text}</p>
              {formNotice.problems.length > 0 && (
                <ul>
                  {formNotice.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div class="view-switch" role="group" aria-label={t.team.views}>
            {(['answer', 'compare'] as const).map((option) => (
              <button
                key={option}
                type="button"
                class={`button ${view === option ? 'button--primary' : 'button--secondary'}`}
                aria-pressed={view === option}
                onClick={() => setView(option)}
              >
                {option === 'answer' ? t.team.answerView : t.team.compareView}
              </button>
            ))}
          </div>
          {view === 'answer' && (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={onlyUnanswered}
                onChange={(event) => setOnlyUnanswered(event.currentTarget.checked)}
              />
              {t.onlyUnanswered}
            </label>
          )}
        </div>
      </div>

      <div class="runner__layout">
        <nav class="runner__sections" aria-label={t.sections}>
          <h2 class="runner__sections-title">{t.sections}</h2>
          <ol>
            {areas.map((section, index) => {
              const node = result.nodes[section.id] ?? (section.isRoot ? overall : undefined);
              return (
                <li key={section.id}>
                  <button
                    type="button"
                    class="section-link"
                    aria-current={index === current ? 'step' : undefined}
                    onClick={() => go(index)}
                  >
                    <span class="section-link__title">{text(section.source.title)}</span>
                    {node && (
                      <span class="section-link__meta">
                        <span>
                          {node.answered}/{node.total}
                        </span>
                        <span class="section-link__score">{displayOf(node, locale)}</span>
                      </span>
                    )}
                  </button>
                  {node && (
                    <progress max={Math.max(node.total, 1)} value={node.answered} aria-hidden="true" />
                  )}
                </li>
              );
            })}
          </ol>
        </nav>

        <section class="runner__section" aria-labelledby="section-title">
          <header class="section-head">
            <h2 id="section-title" ref={heading} tabIndex={-1}>
              {text(area.source.title)}
            </h2>
            {areaNode && (
              <p class="section-head__score" data-section-score={area.id}>
                <ScoreLine node={areaNode} t={t} locale={locale} />
              </p>
            )}
            {'intro' in area.source && area.source.intro && (
              <p class="section-head__intro">{text(area.source.intro)}</p>
            )}
            <p class="hint">{t.keyboardHint}</p>
          </header>
          {view === 'compare' ? (
            <MatrixView
              questions={questionsIn(area).filter((question) => visible.has(question.id))}
              model={model}
              assessment={assessment}
              resolved={resolved}
              result={result}
              t={t}
              locale={locale}
              defaultBy={respondentName(respondent)}
              onAgree={(question, input) =>
                updateAssessment(id, (latest) =>
                  applyConsensus(latest, question, input, new Date().toISOString()),
                )
              }
              onWithdraw={(question) =>
                updateAssessment(id, (latest) =>
                  removeConsensus(latest, question, respondentName(respondent), new Date().toISOString()),
                )
              }
            />
          ) : (
            <SectionBody
              section={area}
              depth={0}
              render={(question) => {
                if (!visible.has(question.id)) return null;
                const entry = answerOf(assessment, question.id, respondent);
                if (onlyUnanswered && entry && isAnswer(entry)) return null;
                return (
                  <QuestionView
                    key={`${question.id}:${respondent}`}
                    question={question}
                    consensus={consensusOf(question.id)}
                    model={model}
                    entry={entry}
                    node={result.nodes[question.id]}
                    respondent={respondent}
                    locale={locale}
                    t={t}
                    related={relatedTo(question.id)}
                    onChange={(patch) => update(question.id, patch)}
                  />
                );
              }}
              text={text}
            />
          )}
          {view === 'answer' && onlyUnanswered && allAnswered(area, visible, assessment, respondent) && (
            <p class="notice notice--info">{t.allAnswered}</p>
          )}
          {hidden > 0 && <p class="hint">{countOf(hidden, t.hiddenCount, locale)}</p>}
          <div class="pager">
            {current > 0 && (
              <button type="button" class="button button--secondary" onClick={() => go(current - 1)}>
                ← {t.previous}
              </button>
            )}
            {current < areas.length - 1 && (
              <button type="button" class="button button--primary" onClick={() => go(current + 1)}>
                {t.next} →
              </button>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

function ScoreLine({ node, t, locale }: { node: NodeScore; t: Messages['runner']; locale: string }) {
  const score =
    node.score === null
      ? node.status === 'na'
        ? t.naScore
        : t.noScore
      : fill(t.scoreOf, {
          score: displayOf(node, locale),
          min: formatRange(node.min, locale),
          max: formatRange(node.max, locale),
        });
  return (
    <span class="score-line">
      <strong>{score}</strong>
      <span> · {fill(t.answeredOf, { answered: node.answered, total: node.total })}</span>
      {node.insufficient > 0 && <span> · {fill(t.insufficientCount, { n: node.insufficient })}</span>}
    </span>
  );
}

function SectionBody({
  section,
  depth,
  render,
  text,
}: {
  section: SectionModel;
  depth: number;
  render: (question: QuestionModel) => preact.ComponentChild;
  text: (value: Text | undefined) => string;
}) {
  return (
    <>
      {section.children.map((child) =>
        child.kind === 'question' ? (
          render(child)
        ) : (
          <section key={child.id} class="subsection" aria-labelledby={`sub-${child.id}`}>
            {depth === 0 ? (
              <h3 id={`sub-${child.id}`}>{text(child.source.title)}</h3>
            ) : (
              <h4 id={`sub-${child.id}`}>{text(child.source.title)}</h4>
            )}
            <SectionBody section={child} depth={depth + 1} render={render} text={text} />
          </section>
        ),
      )}
    </>
  );
}

const hasDetails = (respondent: Assessment['respondents'][number]) =>
  !!(respondent.name || respondent.role || respondent.unit);

function countHidden(section: SectionModel, visible: ReadonlySet<string>): number {
  return questionsIn(section).filter((question) => !visible.has(question.id)).length;
}

function allAnswered(
  section: SectionModel,
  visible: ReadonlySet<string>,
  assessment: Assessment,
  respondent: string,
): boolean {
  return questionsIn(section)
    .filter((question) => visible.has(question.id))
    .every((question) => {
      const entry = answerOf(assessment, question.id, respondent);
      return !!entry && isAnswer(entry);
    });
}

function NewRespondent({
  t,
  onCancel,
  onAdd,
}: {
  t: Messages['runner'];
  onCancel: () => void;
  onAdd: (details: { name: string; role?: string; unit?: string }) => void;
}) {
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      class="new-respondent"
      aria-label={t.team.newRespondent}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const field = (name: string) => form.get(name)?.toString().trim() ?? '';
        if (!field('name')) {
          setError(t.team.nameRequired);
          return;
        }
        onAdd({ name: field('name'), role: field('role'), unit: field('unit') });
      }}
    >
      <div class="field-row">
        <div class="field">
          <label for="respondent-name">{t.team.name}</label>
          <input id="respondent-name" name="name" aria-invalid={error ? 'true' : undefined} />
        </div>
        <div class="field">
          <label for="respondent-role">{t.team.role}</label>
          <input id="respondent-role" name="role" />
        </div>
        <div class="field">
          <label for="respondent-unit">{t.team.unit}</label>
          <input id="respondent-unit" name="unit" />
        </div>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button button--primary">
          {t.team.add}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          {t.team.cancel}
        </button>
      </div>
    </form>
  );
}
