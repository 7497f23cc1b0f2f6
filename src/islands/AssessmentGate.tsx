import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';

import type { Assessment } from '../domain/assessment.ts';
import type { QuestionnaireModel } from '../domain/model.ts';
import { $assessments } from '../stores/assessments.ts';
import { connectBrowserStorage } from '../stores/browser-storage.ts';
import { loadQuestionnaireModel } from '../stores/questionnaires.ts';

function readHash(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return location.hash.slice(1);
  }
}

export interface GateTexts {
  title: string;
  loading: string;
  notFound: string;
  noId: string;
  backToList: string;
}

interface Props {
  locale: string;
  t: GateTexts;
  /** A class for the page's frame, such as `runner`. */
  frame: string;
  children: (assessment: Assessment, model: QuestionnaireModel) => preact.ComponentChild;
}

/**
 * Opens the assessment named by the page's `#id`: from this browser's storage,
 * with its questionnaire. Says so plainly when either is missing.
 */
export function AssessmentGate({ locale, t, frame, children }: Props) {
  const [id, setId] = useState<string | undefined>();
  useEffect(() => {
    connectBrowserStorage();
    const read = () => setId(readHash());
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  const all = useStore($assessments);
  const assessment = id ? all[id] : undefined;

  const [model, setModel] = useState<QuestionnaireModel | null | undefined>();
  const questionnaireId = assessment?.questionnaire.id;
  useEffect(() => {
    if (!questionnaireId) return;
    let live = true;
    void loadQuestionnaireModel(questionnaireId).then((loaded) => {
      if (live) setModel(loaded ?? null);
    });
    return () => {
      live = false;
    };
  }, [questionnaireId]);

  // Before the page's script runs (or without JavaScript) only the heading is shown.
  if (id === undefined) return <h1>{t.title}</h1>;
  if (assessment && model === undefined)
    return (
      <div class={`${frame} ${frame}--loading`}>
        <h1>{t.title}</h1>
        <p>{t.loading}</p>
      </div>
    );
  if (!assessment || !model)
    return (
      <div class={`${frame} ${frame}--missing`}>
        <h1>{t.title}</h1>
        <p class="notice notice--warning">{id ? t.notFound : t.noId}</p>
        <p>
          <a class="button button--primary" href={`/${locale}/assessments/`}>
            {t.backToList}
          </a>
        </p>
      </div>
    );
  return <>{children(assessment, model)}</>;
}
