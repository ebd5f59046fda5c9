import { describe, expect, it } from 'vitest';
import { countries, countryByCode, countryNamePrefix, findCountry } from '#app/domain/places/country-list.ts';

describe('countries', () => {
  it('has unique ISO codes and unique names and aliases', () => {
    const codes = countries.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const names = countries.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
  it('gives every entry a two-letter code, a Chinese name and an English name', () => {
    for (const c of countries) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.name).toMatch(/^[\u4E00-\u9FFF]+$/);
      expect(c.en.length).toBeGreaterThan(2);
    }
  });
  it('covers the UN members and the territories Taiwan deals with', () => {
    expect(countries.length).toBeGreaterThanOrEqual(193 + 3);
    for (const code of ['HK', 'MO', 'CN', 'TW', 'VA', 'PS', 'GU', 'SZ', 'BZ', 'GT', 'PY', 'MH', 'PW', 'TV']) {
      expect(countryByCode(code), code).not.toBeNull();
    }
  });
  it('flags exactly mainland China, Hong Kong and Macau as cross-strait', () => {
    expect(countries.filter((c) => c.crossStrait).map((c) => c.code).sort()).toEqual(['CN', 'HK', 'MO']);
  });
});

describe('findCountry', () => {
  it.each([
    ['韓國', 'KR'],
    ['南韓', 'KR'],
    ['大韓民國', 'KR'],
    ['日本', 'JP'],
    ['美國', 'US'],
    ['美西', 'US'],
    ['美', 'US'],
    ['外蒙古', 'MN'],
    ['蒙古國', 'MN'],
    ['阿聯', 'AE'],
    ['大陸', 'CN'],
    ['中國', 'CN'],
    ['中國大陸地區', 'CN'],
    ['香港', 'HK'],
    ['澳門', 'MO'],
    ['史瓦帝尼', 'SZ'],
    ['kr', 'KR'],
    ['JP', 'JP'],
    ['Japan', 'JP'],
    ['south korea', 'KR'],
    [' 以色列 ', 'IL'],
    ['以 色列', 'IL'],
  ])('%s → %s', (input, code) => {
    expect(findCountry(input)?.code).toBe(code);
  });
  it('returns null for unknown names, cities and empty text', () => {
    expect(findCountry('首爾')).toBeNull();
    expect(findCountry('日本東京')).toBeNull();
    expect(findCountry('')).toBeNull();
    expect(findCountry('XX')).toBeNull();
  });
});

describe('countryByCode', () => {
  it('finds by code in any case and returns the canonical name', () => {
    expect(countryByCode('kr')).toMatchObject({ name: '韓國', en: 'South Korea', crossStrait: false });
    expect(countryByCode('CN')).toMatchObject({ name: '中國大陸', crossStrait: true });
    expect(countryByCode('ZZ')).toBeNull();
  });
});

describe('countryNamePrefix', () => {
  it('finds the country at the start of a place written without a separator', () => {
    expect(countryNamePrefix('日本名古屋')).toMatchObject({ matched: '日本', country: { code: 'JP' } });
    expect(countryNamePrefix('以色列耶路撒冷')).toMatchObject({ matched: '以色列', country: { code: 'IL' } });
  });
  it('prefers the longest name', () => {
    expect(countryNamePrefix('中國大陸地區上海')?.matched).toBe('中國大陸地區');
    expect(countryNamePrefix('美西舊金山')?.matched).toBe('美西');
    expect(countryNamePrefix('剛果民主共和國金夏沙')?.country.code).toBe('CD');
    expect(countryNamePrefix('美屬薩摩亞')?.country.code).toBe('AS');
  });
  it('uses a one-character alias only when it is the whole text', () => {
    expect(countryNamePrefix('美')?.country.code).toBe('US');
    expect(countryNamePrefix('美瑛')).toBeNull();
  });
  it('returns null when no country starts the text', () => {
    expect(countryNamePrefix('東京')).toBeNull();
    expect(countryNamePrefix(' 日本')).toBeNull();
    expect(countryNamePrefix('')).toBeNull();
  });
});
