import { describe, expect, it } from 'vitest';
import { planSearch } from '#app/domain/search/search-plan.ts';
import { matchesHoldPhrase } from '#app/store/search/trip-search-query.ts';

// Ranking skips the LIKE over the body only where every match is known to hold the phrase; the
// seed recall tests (tests/search, tests/integration/search-api.test.ts) check the order itself.
describe('matchesHoldPhrase', () => {
  it('is true for one token that is the whole phrase and is proved by its term or checked on the body', () => {
    for (const query of ['花博', '樹城', 'NVIDIA', 'iclei', '名古屋', '呂曜志', '龍']) expect(matchesHoldPhrase(planSearch(query)), query).toBe(true);
  });

  it('is false when the tokens may lie apart or the terms do not prove the text', () => {
    // 世界設計之都 and 友好城市 are segmented into several words, which may lie apart.
    for (const query of ['林佳龍 花博', '友好城市', '世界設計之都', 'ICLEI2015', 'ICLEI 2015']) expect(matchesHoldPhrase(planSearch(query)), query).toBe(false);
  });
});
