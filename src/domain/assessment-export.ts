/** Writing `*.cairn.json` files (SPEC §3). */
import type { Assessment } from './assessment.ts';

/** The file as exported: stable key order, readable, ending with a newline. */
export function serializeAssessment(assessment: Assessment): string {
  return `${JSON.stringify(assessment, null, 2)}\n`;
}

/** A file name from the title: `customs-self-assessment-2026.cairn.json`. */
export function assessmentFileName(assessment: Assessment): string {
  const base = (assessment.title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'assessment'}.cairn.json`;
}
