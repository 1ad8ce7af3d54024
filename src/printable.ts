/**
 * Text from data, templates or file names on its way to a terminal or a log: every character that
 * could move the cursor, start a new line, colour the screen or reorder what is shown (C0 and C1
 * controls, DEL, line and paragraph separators, bidi controls, half surrogates) is written as an
 * escape instead, so a key holding "\nok output/forged.pdf" cannot forge a line of a CI log and
 * an ESC sequence cannot repaint the terminal.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_BUT_NEWLINE = new RegExp(UNSAFE.source.replace("\\u0000-\\u001f", "\\u0000-\\u0009\\u000b-\\u001f"), "g");

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escape = (c: string) => NAMED[c] ?? `\\u{${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}}`;

/** One line: every unsafe character escaped, line breaks included. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Several lines (a stack trace, a library's output): unsafe characters escaped, line feeds kept. */
export function printableLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escape);
}
