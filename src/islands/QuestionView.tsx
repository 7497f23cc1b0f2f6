import { useEffect, useRef } from 'preact/hooks';

import type { AnswerEntry } from '../domain/assessment.ts';
import { isAnswer } from '../domain/assessment.ts';
import type { AnswerPatch } from '../domain/assessment-edit.ts';
import type { QuestionModel, QuestionnaireModel } from '../domain/model.ts';
import type { NodeScore } from '../domain/scoring.ts';
import { localize, type Text } from '../domain/text.ts';
import type { Messages } from '../i18n/en.ts';
import { displayOf, fill } from './format.ts';

/** An item of another questionnaire that assesses the same thing. */
export interface RelatedItem {
  title: string;
  /** The item's prompt, when known. */
  prompt?: string | undefined;
  /** Its place in the questionnaire's readable document, when the site ships it. */
  href?: string | undefined;
}

interface Props {
  question: QuestionModel;
  /** The agreed rating, when there is one: it counts instead of the answers (SPEC §4.2). */
  consensus?: string | undefined;
  model: QuestionnaireModel;
  entry: AnswerEntry | undefined;
  node: NodeScore | undefined;
  respondent: string;
  locale: string;
  t: Messages['runner'];
  related?: readonly RelatedItem[] | undefined;
  onChange: (patch: AnswerPatch) => void;
}

/** A titled line of links, such as an item's references; nothing when there are none. */
function LinkLine({
  class: className,
  title,
  links,
  external = false,
}: {
  class: string;
  title: string;
  links: readonly { title: string; href?: string | undefined }[];
  external?: boolean;
}) {
  if (!links.length) return null;
  return (
    <p class={className}>
      <span class="question__references-title">{title}</span>
      {links.map((link, index) => (
        <span key={index}>
          {index > 0 && ' · '}
          <MaybeLink label={link.title} href={link.href} external={external} />
        </span>
      ))}
    </p>
  );
}

/** A label that opens `href` in a new tab, or plain text without one; outside sites get no referrer. */
function MaybeLink({
  label,
  href,
  external = false,
}: {
  label: string;
  href?: string | undefined;
  external?: boolean;
}) {
  return href ? (
    <a href={href} target="_blank" rel={external ? 'noopener noreferrer' : undefined}>
      {label}
    </a>
  ) : (
    <>{label}</>
  );
}

/** Moves focus to the first control of the next item, so a section can be answered from the keyboard alone. */
function focusNextItem(from: Element): void {
  const items = [...document.querySelectorAll<HTMLElement>('.question')];
  const index = items.findIndex((item) => item.contains(from));
  const next = items[index + 1];
  if (!next) {
    document.querySelector<HTMLElement>('.pager .button--primary, .pager .button')?.focus();
    return;
  }
  const target =
    next.querySelector<HTMLInputElement>('input[type=radio]:checked') ??
    next.querySelector<HTMLElement>('input, select, textarea, button');
  target?.focus();
  next.scrollIntoView({ block: 'nearest' });
}

export function QuestionView({
  question,
  consensus,
  model,
  entry,
  node,
  respondent,
  locale,
  t,
  related = [],
  onChange,
}: Props) {
  const text = (value: Text | undefined) => localize(value, locale, model.sourceLocale);
  const source = question.source;
  const base = `q-${question.id}`;
  const name = `${base}-${respondent}`;
  const na = entry?.na === true;
  const answered = !!entry && isAnswer(entry);
  const value = entry?.value;
  const references = (source.references ?? [])
    .map((id) => model.source.references?.find((reference) => reference.id === id))
    .filter((reference) => reference !== undefined);

  const onGroupKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).matches('input[type=radio]')) {
      event.preventDefault();
      focusNextItem(event.currentTarget as Element);
      return;
    }
    if (question.type !== 'level' || !/^[0-9]$/.test(event.key)) return;
    const levels = question.scale?.levels ?? [];
    const digit = Number(event.key);
    const byValue = levels.findIndex((level) => level.value === digit);
    const index = byValue >= 0 ? byValue : digit - 1;
    const level = levels[index];
    if (!level) return;
    event.preventDefault();
    onChange({ value: level.value, na: false });
    const group = event.currentTarget as HTMLElement;
    requestAnimationFrame(() =>
      group.querySelector<HTMLInputElement>(`input[value="${CSS.escape(String(level.value))}"]`)?.focus(),
    );
  };

  let control: preact.ComponentChild = null;
  switch (question.type) {
    case 'level': {
      const rubric = (source.levels ?? {}) as Record<string, Text>;
      control = (
        <fieldset class={`levels${na ? ' levels--muted' : ''}`} onKeyDown={onGroupKey}>
          <legend class="visually-hidden">
            {text(source.prompt)}
            {t.colon}
            {t.levelsLegend}
          </legend>
          <div class="levels__grid">
            {question.scale!.levels.map((level) => {
              const checked = value === level.value;
              return (
                <label key={level.value} class={`level-card${checked ? ' level-card--checked' : ''}`}>
                  <input
                    type="radio"
                    name={name}
                    value={String(level.value)}
                    checked={checked}
                    onChange={() => onChange({ value: level.value, na: false })}
                  />
                  <span class="level-card__head">
                    <span class="level-card__value" aria-hidden="true">
                      {level.value}
                    </span>
                    <span class="level-card__label">{text(level.label)}</span>
                  </span>
                  <span class="level-card__text">{text(rubric[String(level.value)])}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      );
      break;
    }
    case 'choice':
    case 'boolean': {
      const options =
        question.type === 'choice'
          ? (source.options ?? []).map((option) => ({
              value: option.id as string | boolean,
              label: text(option.label),
            }))
          : [
              { value: true as string | boolean, label: t.yes },
              { value: false as string | boolean, label: t.no },
            ];
      control = (
        <fieldset class="options" onKeyDown={onGroupKey}>
          <legend class="visually-hidden">{text(source.prompt)}</legend>
          {options.map((option) => (
            <label key={String(option.value)} class="option">
              <input
                type="radio"
                name={name}
                value={String(option.value)}
                checked={value === option.value}
                onChange={() => onChange({ value: option.value, na: false })}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      );
      break;
    }
    case 'multi': {
      const checked = new Set(Array.isArray(value) ? value : []);
      control = (
        <fieldset class="options">
          <legend class="visually-hidden">{text(source.prompt)}</legend>
          {(source.options ?? []).map((option) => (
            <label key={option.id} class="option">
              <input
                type="checkbox"
                value={option.id}
                checked={checked.has(option.id)}
                onChange={(event) => {
                  const next = new Set(checked);
                  if (event.currentTarget.checked) next.add(option.id);
                  else next.delete(option.id);
                  // Kept in the questionnaire's order, so equal answers are equal files.
                  const ordered = (source.options ?? []).map((o) => o.id).filter((id) => next.has(id));
                  onChange({ value: ordered, na: false });
                }}
              />
              {text(option.label)}
            </label>
          ))}
        </fieldset>
      );
      break;
    }
    case 'number':
      control = (
        <div class="field">
          <label for={`${base}-number`}>{t.numberLabel}</label>
          <input
            id={`${base}-number`}
            type="number"
            inputMode="decimal"
            value={typeof value === 'number' ? value : ''}
            onInput={(event) => {
              const raw = event.currentTarget.value;
              const parsed = raw === '' ? undefined : Number(raw);
              if (parsed === undefined || Number.isFinite(parsed)) onChange({ value: parsed });
            }}
          />
        </div>
      );
      break;
    case 'text':
      control = (
        <div class="field">
          <label for={`${base}-text`}>{t.textLabel}</label>
          <textarea
            id={`${base}-text`}
            rows={3}
            value={typeof value === 'string' ? value : ''}
            onInput={(event) => onChange({ value: event.currentTarget.value })}
          />
        </div>
      );
      break;
  }

  const evidence = entry?.evidence ?? [];
  // A new evidence line takes the focus once it is on the page.
  const focusEvidence = useRef<number | undefined>(undefined);
  useEffect(() => {
    const index = focusEvidence.current;
    if (index === undefined || index >= evidence.length) return;
    focusEvidence.current = undefined;
    document.getElementById(`${base}-evidence-${index}`)?.focus();
  }, [evidence.length]);
  const status = answered ? t.answered : t.unanswered;
  return (
    <article
      class={`question${answered ? ' question--answered' : ''}`}
      id={base}
      aria-labelledby={`${base}-prompt`}
      data-question={question.id}
    >
      <header class="question__head">
        <h3 id={`${base}-prompt`} class="question__prompt">
          {text(source.prompt)}
        </h3>
        <p class="question__status">
          <code>{question.id}</code>
          <span class={`badge${answered ? ' badge--done' : ''}`}>{status}</span>
          {node && node.score !== null && <span class="badge badge--score">{displayOf(node, locale)}</span>}
        </p>
      </header>
      {source.help && <p class="question__help">{text(source.help)}</p>}
      {consensus !== undefined && (
        <p class="notice notice--info question__consensus">{fill(t.consensusNote, { value: consensus })}</p>
      )}
      {control}
      {question.scored && (
        <div class="question__flags">
          <label class="checkbox">
            <input
              type="checkbox"
              checked={na}
              onChange={(event) => onChange({ na: event.currentTarget.checked })}
            />
            {t.na}
          </label>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={entry?.insufficient === true}
              disabled={na}
              onChange={(event) => onChange({ insufficient: event.currentTarget.checked })}
            />
            {t.insufficient}
          </label>
          {answered && (
            <button
              type="button"
              class="button button--quiet"
              onClick={() => onChange({ value: undefined, na: false, insufficient: false })}
            >
              {t.clear}
            </button>
          )}
        </div>
      )}
      <LinkLine
        class="question__references"
        title={`${t.references}${t.colon}`}
        links={references.map((reference) => ({ title: text(reference!.title), href: reference!.url }))}
        external
      />
      {related.length > 0 && (
        <div class="question__references question__related">
          <span class="question__references-title">
            {t.alsoIn}
            {t.colon}
          </span>
          <ul>
            {related.map((item, index) => (
              <li key={index}>
                {item.prompt ? `${item.title}${t.colon}` : ''}
                <MaybeLink label={item.prompt ?? item.title} href={item.href} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <details class="question__more" open={!!entry?.note || evidence.length > 0}>
        <summary>{t.noteAndEvidence}</summary>
        <div class="field">
          <label for={`${base}-note`}>{t.note}</label>
          <textarea
            id={`${base}-note`}
            rows={3}
            value={entry?.note ?? ''}
            onInput={(event) => onChange({ note: event.currentTarget.value })}
          />
        </div>
        {source.evidence && source.evidence.length > 0 && (
          <div class="evidence-ask">
            <p class="evidence-ask__title">{t.evidenceAsk}</p>
            <ul>
              {source.evidence.map((item, index) => (
                <li key={index}>{text(item)}</li>
              ))}
            </ul>
          </div>
        )}
        <fieldset class="evidence">
          <legend>{t.evidence}</legend>
          {evidence.map((item, index) => (
            <div class="evidence__row" key={index}>
              <label class="visually-hidden" for={`${base}-evidence-${index}`}>
                {fill(t.evidenceItem, { n: index + 1 })}
              </label>
              <input
                id={`${base}-evidence-${index}`}
                value={item}
                onInput={(event) => {
                  const next = [...evidence];
                  next[index] = event.currentTarget.value;
                  onChange({ evidence: next });
                }}
              />
              <button
                type="button"
                class="button button--quiet"
                aria-label={fill(t.removeEvidence, { n: index + 1 })}
                onClick={() => onChange({ evidence: evidence.filter((_, i) => i !== index) })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              focusEvidence.current = evidence.length;
              onChange({ evidence: [...evidence, ''] });
            }}
          >
            {t.addEvidence}
          </button>
        </fieldset>
      </details>
    </article>
  );
}
