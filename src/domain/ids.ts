export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Words of the `showIf` language, so never usable as an id. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'true', 'false']);

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id) && !RESERVED_IDS.has(id);
}

/** Two computed numbers closer than this are equal (SPEC §4). */
export const EPSILON = 1e-9;
