/**
 * The one way Triage turns a catalog message and its values into words: ICU MessageFormat
 * (intl-messageformat), so plurals read right in every language ("1 report", "2 reports",
 * "1 Bericht", "2 Berichte") and numbers follow the reader's locale ("1.5" / "1,5").
 *
 * Used by the finding texts (bundles, CLI, report.html) and by the app's own words alike.
 */
import { IntlMessageFormat } from 'intl-messageformat';

export type MessageValues = Readonly<Record<string, string | number>>;

const compiled = new Map<string, IntlMessageFormat>();

function compile(locale: string, message: string): IntlMessageFormat {
  const key = `${locale}\u0000${message}`;
  let format = compiled.get(key);
  if (!format) {
    // ignoreTag: our texts are plain words; "<" in them is text, never markup.
    format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  return format;
}

/**
 * Formats `message` in `locale` with `values`. A value the message names but the caller did not
 * give stays visible as `{name}` rather than vanishing or throwing: a missing word is a bug to see,
 * not a reason to show the user nothing.
 */
export function formatMessage(locale: string, message: string, values: MessageValues = {}): string {
  const missing = [...message.matchAll(/\{([a-zA-Z0-9]+)[,}]/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(name in values));
  const filled: Record<string, string | number> = { ...values };
  for (const name of missing) filled[name] = `{${name}}`;
  const result = compile(locale, message).format(filled);
  return Array.isArray(result) ? result.join('') : String(result);
}

/**
 * "1 problem", "2 problems": a count in the English of the CLI, logs and ticket bodies (nouns with
 * a plain -s plural only).
 */
export function englishCount(count: number, noun: string): string {
  return formatMessage('en', `{count, plural, one {# ${noun}} other {# ${noun}s}}`, { count });
}
