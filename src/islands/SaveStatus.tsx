import { useStore } from '@nanostores/preact';

import type { Messages } from '../i18n/en.ts';
import { $saveState } from '../stores/assessments.ts';
import { fill } from './format.ts';

interface Props {
  t: Messages['save'];
  /** Offered when saving fails, so the answers on screen can still be kept. */
  onExport?: (() => void) | undefined;
}

/** "Saved" or "Saving…", and a clear alarm with an export button when the browser refuses to save. */
export function SaveStatus({ t, onExport }: Props) {
  const state = useStore($saveState);
  if (state.status === 'failed') {
    const message =
      state.reason === 'full'
        ? t.full
        : state.reason === 'unavailable'
          ? t.unavailable
          : fill(t.other, state);
    return (
      <div class="save-status save-status--failed" role="alert">
        <p>{message}</p>
        {onExport && (
          <button type="button" class="button button--primary" onClick={onExport}>
            {t.export}
          </button>
        )}
      </div>
    );
  }
  return (
    <p class={`save-status save-status--${state.status}`} role="status" data-save-state={state.status}>
      <span aria-hidden="true" class="save-status__dot" />
      {state.status === 'pending' ? t.pending : t.saved}
    </p>
  );
}
