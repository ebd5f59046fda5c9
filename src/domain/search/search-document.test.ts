import { describe, expect, it } from 'vitest';
import { searchDocumentOf, type SearchableTrip } from '#app/domain/search/search-document.ts';
import { planSearch } from '#app/domain/search/search-plan.ts';
import { matchesPlan, RANK, rankOf } from '#app/domain/search/search-ranking.ts';
import { bigramsOf, textRuns } from '#app/domain/search/text-runs.ts';

const trip: SearchableTrip = {
  title: '臺中市政府赴美西進行市政交流合作案',
  purpose: '',
  invitingBody: '',
  organisingAgency: '經濟發展局',
  destinations: [{ country: '美國', countryCode: 'US', cities: ['聖荷西', '樹城'] }],
  members: [{ name: '呂曜志', title: '經發局局長', agency: null }],
  outcomes: [{ text: '參訪 NVIDIA 總部，洽談 2017 年 AI 合作。' }],
};

describe('textRuns and bigrams', () => {
  it('separates CJK runs, letter runs and digit runs', () => {
    expect(textRuns('2015年iclei世界大會 g20')).toEqual([
      { kind: 'word', text: '2015' },
      { kind: 'gram', text: '年' },
      { kind: 'word', text: 'iclei' },
      { kind: 'gram', text: '世界大會' },
      { kind: 'word', text: 'g' },
      { kind: 'word', text: '20' },
    ]);
    expect(bigramsOf('名古屋')).toEqual(['名古', '古屋']);
    expect(bigramsOf('市')).toEqual([]);
  });
});

describe('searchDocumentOf', () => {
  const doc = searchDocumentOf(trip);

  it('indexes bigrams of Chinese text and whole words of Latin text and numbers, once each', () => {
    expect(doc.terms).toEqual(expect.arrayContaining(['樹城', '呂曜', '曜志', 'nvidia', '2017', 'ai', 'us', '台中']));
    expect(doc.terms).not.toContain('臺中');
    expect(new Set(doc.terms).size).toBe(doc.terms.length);
  });

  it('keeps one field per line so a phrase cannot match across fields', () => {
    expect(doc.body.split('\n')).toContain('樹城');
    expect(matchesPlan(doc, planSearch('西樹城'))).toBe(false);
  });

  it('matches by every token and ranks the phrase in the title above the phrase elsewhere', () => {
    expect(matchesPlan(doc, planSearch('呂曜志 NVIDIA'))).toBe(true);
    expect(matchesPlan(doc, planSearch('呂曜志 Intel'))).toBe(false);
    expect(rankOf(doc, planSearch('臺中市政府'))).toBe(RANK.phraseInTitle);
    expect(rankOf(doc, planSearch('經發局局長'))).toBe(RANK.phraseInBody);
    expect(rankOf(doc, planSearch('NVIDIA 呂曜志'))).toBe(RANK.allTokens);
  });
});
