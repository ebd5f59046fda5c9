/** Whether a text cell would be taken for a formula if typed or pasted into a spreadsheet (= + - @, tab, CR). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** Excel's limit on the characters of one cell; longer text makes Excel repair the file. */
export const MAX_CELL_CHARS = 32767;

/** Text cut to fit one spreadsheet cell, marked with an ellipsis when it was cut. */
export function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 1)}…`;
}
