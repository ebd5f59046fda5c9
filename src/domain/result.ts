/** What a value parser returns: the value, or a typed error that names the text it could not read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ValueError };

/** The kinds of value the domain parsers read. */
export type ValueKind = 'date' | 'date-range' | 'money' | 'headcount' | 'numeral' | 'member' | 'place' | 'outcome';

/** A parse failure: which kind of value, a stable code, the offending text and a sentence that says what was wrong. */
export interface ValueError {
  kind: ValueKind;
  code: string;
  input: string;
  message: string;
}

/** Wraps a value as a successful parse. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** Builds a failed parse for `input` with a code and an explanation. */
export function fail<T = never>(kind: ValueKind, code: string, input: string, message: string): Parsed<T> {
  return { ok: false, error: { kind, code, input, message } };
}
