import { describe, expect, it } from 'vitest';
import { findCounterparties } from '#app/domain/partners/counterparty-finder.ts';

const places = [{ name: '昌原市', countryCode: 'KR', country: '韓國' }, { name: '首爾市', countryCode: 'KR', country: '韓國' }, { name: '巴黎', countryCode: 'FR', country: '法國' }];
const brief = (text: string, extra: Partial<Parameters<typeof findCounterparties>[1]> = {}) =>
  findCounterparties(text, { places, partners: [], ...extra }).map((c) => `${c.kind}:${c.name}:${c.countryCode ?? ''}${c.partnerId ? `#${c.partnerId}` : ''}`);

describe('findCounterparties', () => {
  it('finds Changwon in the 104 Seoul item and the people and association it names', () => {
    expect(brief('國會議員趙慶泰 104 年 5 月回訪本市；106 年 6 月再率「韓國國會議員親善協會」議員團蒞市，協助促成本市與韓國昌原市於 107 年 4 月締結友好城市。')).toEqual([
      'city:昌原市:KR',
      'organisation:韓國國會議員親善協會:',
      'person:趙慶泰:',
    ]);
  });

  it('tells people before a title from places before it', () => {
    expect(brief('拜會首爾市長朴元淳、韓國國會議員趙慶泰、文炳浩及朱豪英等政要')).toEqual(['city:首爾市:KR', 'person:朴元淳:', 'person:趙慶泰:', 'person:文炳浩:', 'person:朱豪英:']);
    expect(brief('拜會昌原市安商守市長及鄭九彰副市長')).toEqual(['city:昌原市:KR', 'person:安商守:', 'person:鄭九彰:']);
    expect(brief('拜會巴黎副市長、大土魯斯副市長等政府部門首長')).toEqual(['city:巴黎:FR']);
    expect(brief('拜會荷蘭烏特勒支市副市長 Jeroen Kreijkamp')).toEqual(['city:烏特勒支市:NL', 'person:Jeroen Kreijkamp:']);
  });

  it('reads cities after a country name, before 締結, and before 市政府 (in the trip’s country)', () => {
    expect(brief('與以色列珮塔提克瓦締結姊妹市關係')).toEqual(['city:珮塔提克瓦:IL']);
    expect(brief('大土魯斯都會區市政府副市長應邀回訪', { defaultCountry: { code: 'FR', name: '法國' } })).toEqual(['city:大土魯斯:FR']);
    expect(brief('協助本市業者拓展新加坡及東協市場')).toEqual([]);
  });

  it('names organisations without the verbs in front of them', () => {
    expect(brief('拜會日本三井集團並成功招商')).toEqual(['organisation:日本三井集團:']);
    expect(brief('參訪東映東京攝影所、橫濱大棧橋國際客輪碼頭及日本松下株式會社')).toEqual(['organisation:日本松下株式會社:']);
  });

  it('links names and aliases to registry partners', () => {
    const partners = [{ id: 'p1', kind: 'city' as const, name: '昌原市', aliases: ['Changwon'], countryCode: 'KR' }];
    expect(brief('與 Changwon 簽署臺中宣言', { partners })).toEqual(['city:昌原市:KR#p1']);
    expect(brief('韓國昌原市', { partners, places: [] })).toEqual(['city:昌原市:KR#p1']);
  });
});
