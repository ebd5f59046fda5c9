import { describe, expect, it } from 'vitest';
import { countKey, TABLES, translate, type MessageKey } from '#app/web/i18n/messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface messages', () => {
  it('use the same placeholders in Chinese and English, so no figure is lost in translation', () => {
    for (const key of Object.keys(TABLES['zh-TW']) as MessageKey[]) {
      expect(placeholders(TABLES.en[key]), key).toEqual(placeholders(TABLES['zh-TW'][key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-TW', 'countryTrips', { n: 4 })).toBe('4 案');
    expect(translate('en', 'resultCount', { total: 14, from: 1, to: 10 })).toBe('14 trips, showing 1–10');
    expect(translate('en', 'countryTrips')).toBe('{n} trips');
  });

  it('picks the singular English message for exactly one', () => {
    expect(translate('en', countKey('countryTrips', 1), { n: 1 })).toBe('1 trip');
    expect(translate('en', countKey('countryTrips', 2), { n: 2 })).toBe('2 trips');
    expect(countKey('statTrips', 1)).toBe('statTrips');
  });
});
