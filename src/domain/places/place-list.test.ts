import { describe, expect, it } from 'vitest';
import { isCrossStrait, parsePlaces, type PlaceList } from '#app/domain/places/place-list.ts';
import { joinCellPieces } from '#app/domain/text/join-cell-pieces.ts';
import { SAMPLE_TRIPS } from '#app/domain/outcomes/outcome-items.fixtures.ts';

function places(cell: string): PlaceList {
  const result = parsePlaces(cell);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const d = (country: string, countryCode: string | null, cities: string[] = []) => ({ country, countryCode, cities });

describe('parsePlaces on the sample report', () => {
  it.each([
    ['韓國 首爾市', [d('韓國', 'KR', ['首爾市'])]],
    ['日本名古屋、東京', [d('日本', 'JP', ['名古屋', '東京'])]],
    ['新加坡', [d('新加坡', 'SG')]],
    ['日本東京、韓國首爾', [d('日本', 'JP', ['東京']), d('韓國', 'KR', ['首爾'])]],
    ['日本東京', [d('日本', 'JP', ['東京'])]],
    ['日本愛媛縣', [d('日本', 'JP', ['愛媛縣'])]],
    ['法國巴黎', [d('法國', 'FR', ['巴黎'])]],
    ['美國聖荷西、樹城', [d('美國', 'US', ['聖荷西', '樹城'])]],
    ['蒙古', [d('蒙古', 'MN')]],
    ['以色列耶路撒冷', [d('以色列', 'IL', ['耶路撒冷'])]],
    ['韓國昌原市', [d('韓國', 'KR', ['昌原市'])]],
    ['荷蘭阿姆斯特丹等城市、德國波昂', [d('荷蘭', 'NL', ['阿姆斯特丹']), d('德國', 'DE', ['波昂'])]],
  ])('%s', (cell, expected) => {
    expect(places(cell)).toEqual({ destinations: expected, warnings: [] });
  });

  it('reads every places cell of the sample table without a warning', () => {
    const read = Object.values(SAMPLE_TRIPS).map((t) => places(joinCellPieces(t.placePieces)));
    expect(read.flatMap((r) => r.warnings)).toEqual([]);
    expect(read.map((r) => r.destinations.map((x) => x.countryCode).join('+'))).toEqual([
      'KR', 'JP', 'SG', 'JP+KR', 'NL+DE', 'JP', 'JP', 'FR', 'US', 'MN', 'SG', 'IL', 'KR',
    ]);
  });

  it('reads the Netherlands cell rejoined across its page break', () => {
    const cell = joinCellPieces(['荷蘭阿姆斯特丹等城市、德國波昂', '等城市']);
    expect(places(cell).destinations).toEqual([d('荷蘭', 'NL', ['阿姆斯特丹']), d('德國', 'DE', ['波昂'])]);
  });
});

describe('parsePlaces', () => {
  it('stores the canonical name for an alias', () => {
    expect(places('南韓首爾').destinations).toEqual([d('韓國', 'KR', ['首爾'])]);
    expect(places('外蒙古烏蘭巴托').destinations).toEqual([d('蒙古', 'MN', ['烏蘭巴托'])]);
    expect(places('美西舊金山、洛杉磯').destinations).toEqual([d('美國', 'US', ['舊金山', '洛杉磯'])]);
    expect(places('大陸地區上海').destinations).toEqual([d('中國大陸', 'CN', ['上海'])]);
  });

  it('drops 等城市, 等地 and 等', () => {
    expect(places('日本東京等地').destinations).toEqual([d('日本', 'JP', ['東京'])]);
    expect(places('日本東京、大阪等').destinations).toEqual([d('日本', 'JP', ['東京', '大阪'])]);
    expect(places('德國柏林等城市').destinations).toEqual([d('德國', 'DE', ['柏林'])]);
    expect(places('日本東京、等城市').destinations).toEqual([d('日本', 'JP', ['東京'])]);
  });

  it.each([
    ['、'],
    ['，'],
    [','],
    [';'],
    ['；'],
    ['及'],
    ['與'],
    ['/'],
  ])('splits at %s', (sep) => {
    expect(places(`日本東京${sep}大阪${sep}韓國首爾`).destinations).toEqual([d('日本', 'JP', ['東京', '大阪']), d('韓國', 'KR', ['首爾'])]);
  });

  it('removes stray and full-width spaces but keeps spaces between Latin words', () => {
    expect(places('日本　東京 、 大阪').destinations).toEqual([d('日本', 'JP', ['東京', '大阪'])]);
    expect(places('美國 New York、Boise').destinations).toEqual([d('美國', 'US', ['New York', 'Boise'])]);
  });

  it('does not split country or place names that contain 及 or 與', () => {
    expect(places('千里達及托巴哥西班牙港').destinations).toEqual([d('千里達及托巴哥', 'TT', ['西班牙港'])]);
    expect(places('聖克里斯多福及尼維斯').destinations).toEqual([d('聖克里斯多福及尼維斯', 'KN')]);
    expect(places('日本石垣島及與那國島').destinations).toEqual([d('日本', 'JP', ['石垣島', '與那國島'])]);
  });

  it('keeps brackets together and splits cities listed inside them', () => {
    expect(places('美國(San Jose, Boise)').destinations).toEqual([d('美國', 'US', ['San Jose', 'Boise'])]);
    expect(places('荷蘭阿密爾市(Almere)').destinations).toEqual([d('荷蘭', 'NL', ['阿密爾市(Almere)'])]);
  });

  it('merges a country named twice', () => {
    expect(places('日本東京、韓國首爾、日本大阪、東京').destinations).toEqual([d('日本', 'JP', ['東京', '大阪']), d('韓國', 'KR', ['首爾'])]);
  });

  it('keeps a leading place with no known country, with a warning', () => {
    expect(places('上海、北京')).toEqual({
      destinations: [d('上海', null), d('北京', null)],
      warnings: ['unknown country "上海"', 'unknown country "北京"'],
    });
    expect(places('關西、日本大阪')).toEqual({
      destinations: [d('關西', null), d('日本', 'JP', ['大阪'])],
      warnings: ['unknown country "關西"'],
    });
  });

  it('accepts English country names', () => {
    expect(places('Japan、韓國').destinations).toEqual([d('日本', 'JP'), d('韓國', 'KR')]);
  });

  it('fails on an empty cell or one with only separators', () => {
    for (const cell of ['', '   ', '\u3000', '、', '等城市']) {
      const result = parsePlaces(cell);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ kind: 'place', code: 'empty', input: cell });
    }
  });

  it('never throws on arbitrary text', () => {
    for (const cell of ['((((', ')))、', '日本(', '及及及', '<p>日本</p>', '\u0000']) {
      expect(() => parsePlaces(cell)).not.toThrow();
    }
  });
});

describe('isCrossStrait', () => {
  it('is true when any destination is mainland China, Hong Kong or Macau', () => {
    expect(isCrossStrait(places('中國大陸上海').destinations)).toBe(true);
    expect(isCrossStrait(places('日本東京、香港').destinations)).toBe(true);
    expect(isCrossStrait(places('澳門').destinations)).toBe(true);
  });
  it('is false otherwise, including for unknown countries', () => {
    expect(isCrossStrait(places('日本東京、韓國首爾').destinations)).toBe(false);
    expect(isCrossStrait(places('上海').destinations)).toBe(false);
    expect(isCrossStrait([])).toBe(false);
  });
});
