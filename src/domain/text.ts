/** A human text: a string in the questionnaire's source locale, or one string per locale. */
export type Text = string | Readonly<Record<string, string>>;

/**
 * The text in `locale`, falling back to the source locale and then to any
 * translation, so a reader never sees an empty label.
 */
export function localize(text: Text | undefined, locale: string, sourceLocale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[sourceLocale] ?? Object.values(text)[0] ?? '';
}

/** Fills `{name}` placeholders of a message template; unknown names stay as they are. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
