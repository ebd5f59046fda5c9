import { z } from 'zod';
import { destination, member } from '#app/domain/trips/trip-schema.ts';

// The interchange format: what `mission-ledger parse` prints and `import` reads. Documented
// in docs/interchange-format.md; field names are part of the public contract.

export const importWarning = z.object({
  line: z.number().int().nonnegative().describe('1-based line of the source text; 0 for the whole document'),
  column: z.string().nullable().describe('Table column the warning is about (title, dates, places, members, budget, outcomes), if any'),
  code: z.string().describe('Stable machine-readable code'),
  message: z.string().describe('What was found and where (line and cell)'),
  assumed: z.string().describe('What the importer assumed or did about it, e.g. "year 107 taken from the previous trip"'),
});
export type ImportWarning = z.infer<typeof importWarning>;

export const parsedTrip = z.object({
  title: z.string(),
  start: z.iso.date().nullable(),
  end: z.iso.date().nullable(),
  destinations: z.array(destination),
  members: z.array(member),
  headcount: z.number().int().positive().nullable(),
  budget: z.object({
    amount: z.number().int().nonnegative().nullable(),
    currency: z.literal('TWD'),
    status: z.enum(['settled', 'settling', 'pending', 'planned']),
  }),
  outcomes: z.array(z.string()),
  purpose: z.string().describe('What the trip was for, when the source says it (footnotes)'),
  invitingBody: z.string(),
  source: z.object({
    line: z.number().int().positive().describe('Line where the trip starts'),
    lines: z.array(z.number().int().positive()).describe('Every line the trip was read from'),
    kind: z.enum(['table-row', 'footnote']),
  }),
});
export type ParsedTrip = z.infer<typeof parsedTrip>;

export const parsedDocument = z.object({
  document: z.object({ name: z.string(), sha256: z.string().nullable() }),
  format: z.enum(['tsv', 'markdown', 'html']).describe('How the trip table was laid out: tab-separated rows, a Markdown pipe table or an HTML <table>'),
  trips: z.array(parsedTrip),
  warnings: z.array(importWarning).describe('What could not be read as written, and what was assumed instead'),
  findings: z.array(importWarning).describe('Data-quality findings: values that read fine but look wrong together (headcount below the names listed, overlapping trips of one person, a name repeated in one outcome, an amount not final)'),
});
export type ParsedDocument = z.infer<typeof parsedDocument>;
