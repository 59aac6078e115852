/**
 * Text from a bundle, made safe to print in a terminal. Bundles come from machines we do not
 * control: a description, a hostname or a probe value can carry escape sequences that clear the
 * screen, overwrite a line with a fake "OK", hide a link (OSC 8) or fill the clipboard (OSC 52).
 *
 * What is shown escaped instead of sent to the terminal:
 * - every C0 control except tab (and newline where a field may have several lines): ESC, BEL, BS,
 *   CR, NUL…, and DEL;
 * - every C1 control (U+0080–U+009F: some terminals read U+009B as CSI and U+009D as OSC);
 * - the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and other invisible
 *   format characters that can disguise text: zero-width U+200B–U+200D and U+2060–U+2064,
 *   U+206A–U+206F, the line and paragraph separators U+2028/U+2029, U+FEFF, U+FFF9–U+FFFB and the
 *   tag characters U+E0000–U+E007F (so emoji joined with U+200D or tag flags show their parts);
 * - lone surrogates (a UTF-16 half without its other half).
 *
 * Notation: `\xHH` for a character up to U+00FF, `\uHHHH` (or `\u{HHHHH}` above U+FFFF) for the
 * rest, hex in lower case: `\x1b[2J`, `\u202e`, `\ud800`. A backslash from the bundle stays as it is
 * (so `C:\Program Files` reads naturally) unless it is followed by a backslash, `x`, `u` or a
 * character that is escaped: then it is doubled. So in the output `\\` always means one literal
 * backslash and a single `\x`/`\u` is always a neutralised character; the bundle cannot fake one.
 *
 * Linear time: one global regular expression whose alternatives are single characters (a lookahead
 * of one character for the backslash), so no backtracking whatever the input.
 */

export interface TerminalSafeOptions {
  /**
   * Keep line breaks (a user's description). Off by default: a one-line field such as a hostname
   * must not be able to start a new line that looks like Triage's own ("✓ verified").
   */
  readonly multiline?: boolean;
  /**
   * In multi-line mode, what starts every continuation line, so a line from the bundle never
   * begins where Triage's own lines begin. Default `CONTINUATION`.
   */
  readonly indent?: string;
}

/** The default start of a continuation line of multi-line bundle text. */
export const CONTINUATION = '  │ ';

// Characters escaped in both modes (newline is handled separately).
const UNSAFE_CLASS =
  '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb\\u{e0000}-\\u{e007f}\\ud800-\\udfff';
const SINGLE_LINE = new RegExp(`\\\\(?=[\\\\xu\\n${UNSAFE_CLASS}])|[\\n${UNSAFE_CLASS}]`, 'gu');
const MULTI_LINE = new RegExp(`\\\\(?=[\\\\xu${UNSAFE_CLASS}])|\\r?\\n|[${UNSAFE_CLASS}]`, 'gu');

const hex = (code: number, digits: number): string => code.toString(16).padStart(digits, '0');

function escapeChar(char: string): string {
  // With the `u` flag a match is one code point: a whole astral character or a lone surrogate.
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\u{${hex(code, 5)}}`;
}

/** `text` with every control, bidi override and invisible format character shown escaped. */
export function terminalSafe(text: string, options: TerminalSafeOptions = {}): string {
  if (!options.multiline)
    return text.replace(SINGLE_LINE, (match) => (match === '\\' ? '\\\\' : escapeChar(match)));
  const indent = options.indent ?? CONTINUATION;
  return text.replace(MULTI_LINE, (match) => {
    if (match === '\\') return '\\\\';
    // Windows line ends count as one line break in multi-line text.
    if (match === '\n' || match === '\r\n') return `\n${indent}`;
    return escapeChar(match);
  });
}

/**
 * Text Triage wrote itself (its own words, its colour codes), or bundle text already made safe.
 * `line` passes it through unchanged; every other value it prints is made safe.
 */
export class TerminalText {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Marks Triage's own text (e.g. a colour code around safe text) as not to be escaped. */
export const trusted = (text: string): TerminalText => new TerminalText(text);

/** Bundle text that may have several lines, continuation lines marked (see `terminalSafe`). */
export const multiline = (text: string, indent: string = CONTINUATION): TerminalText =>
  new TerminalText(terminalSafe(text, { multiline: true, indent }));

/**
 * The choke point for human output of bundle data: a tagged template whose fixed parts are
 * Triage's own and whose values are all made safe (one-line) unless they are `TerminalText`.
 * Numbers and Triage's fixed labels pass unchanged since they hold nothing to escape.
 *
 *     out.push(line`${path}: OK — ${count} files`);
 */
export function line(
  strings: TemplateStringsArray,
  ...values: readonly (string | number | TerminalText)[]
): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += value instanceof TerminalText ? value.text : terminalSafe(String(value));
    out += strings[i + 1] ?? '';
  });
  return out;
}

/**
 * JSON for `--json`: exactly JSON.stringify's data, with the characters it leaves raw that a
 * terminal may act on or that disguise text (C1 controls, bidi and invisible format characters,
 * U+2028/U+2029) written as \uXXXX escapes. They can only occur inside strings, where an escape
 * means the same character, so every parser reads back identical data.
 */
export function jsonForTerminal(value: unknown, space = 2): string {
  return JSON.stringify(value, null, space).replace(
    /[\u0080-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
