/** A placeholder in a narrative template that the system does not know; the template needs fixing. */
export interface TemplateProblem {
  placeholder: string;
  message: string;
  messageZh: string;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Joins the lines of one paragraph: Chinese lines join directly, Latin words keep one space between them. */
function joinLines(paragraph: string): string {
  return paragraph
    .trim()
    .replace(/([^\n])[ \t]*\n\s*(?=(.))/g, (_whole, before: string, after: string) => (CJK.test(before) || CJK.test(after) ? before : `${before} `));
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders of a narrative template written by the secretariat and splits it
 * into paragraphs at blank lines. Lines starting with `#` are notes to the editor and are dropped.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): { ok: true; paragraphs: string[] } | { ok: false; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const text = template
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value !== undefined && Object.hasOwn(values, name)) return value;
      problems.push({
        placeholder: whole,
        message: `unknown placeholder ${whole}; known: ${Object.keys(values).map((k) => `{{${k}}}`).join(', ')}`,
        messageZh: `無法識別的代入欄位 ${whole}`,
      });
      return whole;
    });
  if (problems.length > 0) return { ok: false, problems };
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => joinLines(p))
    .filter((p) => p !== '');
  return { ok: true, paragraphs };
}
