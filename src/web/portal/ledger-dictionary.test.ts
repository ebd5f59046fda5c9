import { describe, expect, it } from 'vitest';
import { LEDGER_CSV_COLUMNS } from '#app/domain/export/trip-ledger-csv.ts';
import { LEDGER_DICTIONARY } from '#app/web/portal/ledger-dictionary.ts';

describe('the open-data page’s data dictionary', () => {
  it('describes every CSV column, in the order of the file, in both languages', () => {
    expect(Object.keys(LEDGER_DICTIONARY)).toEqual([...LEDGER_CSV_COLUMNS]);
    for (const [column, meaning] of Object.entries(LEDGER_DICTIONARY)) {
      expect(meaning.zh, column).toMatch(/\p{Script=Han}/u);
      expect(meaning.en, column).toMatch(/^[A-Z]/);
    }
  });
});
