import { describe, expect, it } from 'vitest';
import { searchDocumentOf, type SearchableTrip } from '#app/domain/search/search-document.ts';
import { planSearch } from '#app/domain/search/search-plan.ts';
import { matchesPlan, RANK, rankOf, titleTierTerms } from '#app/domain/search/search-ranking.ts';
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

describe('title terms', () => {
  const titles = ['臺中市政府赴美西進行市政交流合作案', '赴日本名古屋參加花博交流', '2018台中世界花卉博覽會 iclei 年會', '名古屋', '赴韓國昌原市參訪'];
  const queries = ['名古屋', '花博', '名古屋 參加花博', '市政交流', '臺中市政府', '昌原市', '台中世界', '中世', '博覽會'];

  it('are marked so that no body term can be mistaken for one', () => {
    const doc = searchDocumentOf({ ...trip, title: '赴日本名古屋參加花博交流' });
    expect(doc.terms).toEqual(expect.arrayContaining(['§名古', '§古屋', '§花博', '名古', '花博']));
    expect(doc.terms.filter((t) => t.startsWith('§')).every((t) => doc.title.includes(t.slice(1)))).toBe(true);
    // Body-only words get no title term.
    expect(doc.terms).not.toContain('§樹城');
    expect(doc.terms).toContain('樹城');
  });

  it('are held by every document whose title contains a one-run CJK phrase, so the title tier can be read from the index', () => {
    for (const title of titles) {
      const doc = searchDocumentOf({ ...trip, title });
      const held = new Set(doc.terms);
      for (const query of queries) {
        const plan = planSearch(query);
        const terms = titleTierTerms(plan);
        expect(terms, query).not.toBeNull();
        const inTitleTier = matchesPlan(doc, plan) && rankOf(doc, plan) === RANK.phraseInTitle;
        const fromIndex = terms!.every((t) => held.has(t)) && doc.title.includes(plan.phrase);
        expect(fromIndex, `${title} / ${query}`).toBe(inTitleTier);
      }
    }
  });

  it('are not used for phrases the index cannot prove in a title (Latin words, mixed scripts, one character)', () => {
    for (const query of ['NVIDIA', 'iclei 年會', '2018台中', '市']) expect(titleTierTerms(planSearch(query)), query).toBeNull();
  });
});
