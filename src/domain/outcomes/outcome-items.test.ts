import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitOutcomeItems } from '#app/domain/outcomes/outcome-items.ts';
import { SAMPLE_TRIPS } from '#app/domain/outcomes/outcome-items.fixtures.ts';
import { joinCellPieces } from '#app/domain/text/join-cell-pieces.ts';

type TripKey = keyof typeof SAMPLE_TRIPS;

function sampleItems(key: TripKey): string[] {
  const result = splitOutcomeItems(joinCellPieces(SAMPLE_TRIPS[key].outcomePieces));
  expect(result.warnings).toEqual([]);
  return result.items;
}

const items = (cell: string): string[] => splitOutcomeItems(cell).items;

describe('splitOutcomeItems on the sample report', () => {
  const expectedCounts: Record<TripKey, number> = {
    seoul: 3,
    nagoya: 4,
    singapore2016: 5,
    eastAsianGames: 1,
    netherlandsGermany: 11,
    tokyo: 5,
    ehime: 2,
    france: 8,
    usWest: 7,
    mongolia: 3,
    singapore2018: 3,
    israel: 4,
    changwon: 3,
  };

  it.each(Object.entries(expectedCounts))('%s has %i items', (key, count) => {
    expect(sampleItems(key as TripKey)).toHaveLength(count);
  });

  it('finds 59 items in the 13 trips', () => {
    const total = (Object.keys(SAMPLE_TRIPS) as TripKey[]).reduce((sum, key) => sum + sampleItems(key).length, 0);
    expect(total).toBe(59);
  });

  it('leaves no tags, entities, item numbers or doubled spaces in any item', () => {
    for (const key of Object.keys(SAMPLE_TRIPS) as TripKey[]) {
      for (const item of sampleItems(key)) {
        expect(item).not.toMatch(/<|>|&[a-z]+;|\s{2}|^\s|\s$/);
        expect(item).not.toMatch(/^(?:\d{1,2}\.|[(（]\d{1,2}[)）])/);
      }
    }
  });

  it('rejoins the Seoul item 3 cut inside 首爾', () => {
    expect(sampleItems('seoul')[2]).toBe('出席「2015 地方環境行動國際委員會世界大會」（ICLEI World Congress 2015）並共同簽署「首爾宣言」。');
  });

  it('keeps numbers inside sentences (104 年 5 月, 106 年 6 月) in Seoul item 2', () => {
    expect(sampleItems('seoul')[1]).toBe(
      '國會議員趙慶泰 104 年 5 月回訪本市並獲頒榮譽市民獎章以表彰其促進臺韓外交貢獻；106 年 6 月再率「韓國國會議員親善協會」議員團蒞市，推動雙方友好關係，協助促成本市與韓國昌原市於 107 年 4 月締結友好城市。',
    );
  });

  it('rejoins Nagoya item 3 across the page break and does not take 3 月 as an item', () => {
    const nagoya = sampleItems('nagoya');
    expect(nagoya[0]).toBe('中彰投 3 縣市首長共同包機首航日本名古屋，宣傳 2018 世界花博及中臺灣觀光資源，對日行銷「中進中出」旅遊。');
    expect(nagoya[2]).toBe(
      '拜會日本三井集團並成功招商同意於海線地區設立 OUTLET PARK，在市府、三井、港務公司三方共同努力下，該園區已於 106 年 8 月開工、107 年 3 月上樑。本招商案逐步落實推動臺中港周邊建設及「港市合一」政策。',
    );
    expect(nagoya[3]).toMatch(/^拜會愛知縣大村秀章知事.*締結姐妹湯。$/);
  });

  it('finds Singapore item 5 that a page break glued to the full stop of item 4', () => {
    const singapore = sampleItems('singapore2016');
    expect(singapore[3]).toBe(
      '與「嘉里大榮物流」、「佳新集團」及新加坡 12 家旅行業者，分別就物流、生技及觀光等面向產業落實合作方案，協助行銷本市農產品、吸引經貿業者投資及促進星馬觀光客來中臺灣旅遊。',
    );
    expect(singapore[4]).toBe('參訪新加坡金沙會展中心，借鏡其經驗打造臺中雙會展中心、引進國際團隊，帶動中臺灣發展。');
  });

  it('keeps the East Asian Games paragraph whole although it has two sentences and a 2', () => {
    expect(sampleItems('eastAsianGames')).toEqual([
      '針對 2019 東亞青運列入自由車與輕艇項目的提案，親自拜會韓國奧委會金正幸會長及日本奧會主席竹田恆和。105 年 7 月理事會已通過提案 2 項均正式納入 2019 東亞青年運動會競賽項目。',
    ]);
  });

  it('reads the Netherlands list across six rows without taking 4.0 or 616.54 as items', () => {
    const nl = sampleItems('netherlandsGermany');
    expect(nl[0]).toMatch(/^2018 臺中世界花卉博覽會在臺中、2022 世界園藝博覽會/);
    expect(nl[2]).toContain('烏市 4-options studio 簽訂三方合作備忘錄');
    expect(nl[2]).toMatch(/106 年 10 月烏市市長 Mr\. Jan van Zane 來臺/);
    expect(nl[5]).toBe(
      '借鏡阿姆斯特丹中央車站經驗，因地制宜整合發展本市的 Mr. B&B (Metro 捷運、Rail 鐵路、Bus 公車、Bike 自行車) 系統，已通車臺中鐵路高架化、興建中的捷運綠線及規劃中的雙港輕軌與屯區捷運，軌道經濟刻正帶動周邊發展。',
    );
    expect(nl[6]).toContain('連結 616.54 公里自行車道');
    expect(nl[9]).toContain('整合 IBS 量測系統進入工研院的 VMX 平臺');
    expect(nl[9]).toMatch(/產業 4\.0、智慧機械及航太等重大政策。$/);
    expect(nl[10]).toMatch(/^參訪德國法蘭克福展覽公司/);
  });

  it('splits the two unnumbered Ehime items at the full stop followed by a space only', () => {
    expect(sampleItems('ehime')).toEqual([
      '出席「2017 臺日觀光高峰論壇 in 四國」活動，二百餘位臺日觀光界人士與會；市長簡報介紹本市觀光特色，並結合花博盛事，成功爭取該論壇 2018 到臺中，促進台日互訪觀光人數提升。「2018 臺日觀光高峰論壇」將於 107 年 5 月 31 日至 6 月 2 日由本市與交通部觀光局共同舉辦。',
      '與愛媛縣知事 中村時廣簽訂「友好交流備忘錄」，雙方在友好城市基礎上共同促進觀光、特產、文化、運動、教育、產業及自行車等方面合作，深化友情並提升臺日兩國的友好關係。',
    ]);
  });

  it('joins Gérard and WOLF with a space in France item 3 and keeps 第 52 屆 inside item 7', () => {
    const france = sampleItems('france');
    expect(france[2]).toBe(
      '法國企業行動聯盟(MEDEF) 永續城市主席 Gérard WOLF 於 106 年 10 月日率團回訪本市，同年 10 月 20 日與法國物聯網新創公司 Sigfox 台灣代理商優納比(Unabiz)及新創公司襪襪科技公司合作舉辦「物聯網∞智慧機械座談會」，互相交流工具機聯網、智慧機械與物聯網整合應用等議題。',
    );
    expect(france[6]).toMatch(/^參加第 52 屆巴黎國際航太展（SIAE）/);
    expect(france[7]).toBe('參訪臺中精機法國分公司，肯定本市為企業品牌在國際打拼，延攬各國機械及航太頂尖企業，與本市在地機械與航太產業進行深化合作。');
  });

  it('recovers US West items 1 and 2 that lost their numbers, then numbered items 3 to 7', () => {
    const us = sampleItems('usWest');
    expect(us[0]).toBe(
      '招商成果包括：美光(Micron)宣布未來 3 到 5 年再注入 20 億美元擴廠、今年共增聘 2,000 人，建構台灣成為美光全球 DRAM 卓越製造中心，其中，臺中中科后里廠為全球最先進的 3D DRAM 封測廠。洛克威爾 (Rockwell) 將規劃於 107 年在本市精密機械園區建置智慧機械示範線為其在臺實驗室。',
    );
    expect(us[1]).toBe(
      '與愛達荷州首府樹城 (Boise) 簽署友好城市，設在樹城 (Boise) 總部美光可望與本市進入密切長期合作關係；靜宜大學於 106 年 10 月 2 日與樹城州立大學簽署合作備忘錄，共同推動「國際企業學士 2+2 雙聯課程」，有助解決雙方國際人才需求。',
    );
    expect(us[2]).toMatch(/^與愛達荷州航太聯盟簽署合作備忘錄/);
    expect(us[6]).toBe('借鏡奧克蘭運動家隊球場經驗，作為本市棒球運動休閒園區規劃參考，推動臺中為運動城市。');
  });

  it('keeps 11 錦標賽 inside Mongolia item 3', () => {
    const mongolia = sampleItems('mongolia');
    expect(mongolia[0]).toBe(
      '拜會烏蘭巴托市政府邀請參加本市 2018 臺中世界花卉博覽會及 2020 國際蘭花會議，已獲蒙古國烏布蘇省政府駐臺灣辦事處確定參與 2018 世界花博庭園競賽。',
    );
    expect(mongolia[2]).toMatch(/觀看 11 錦標賽，作為舉辦大型賽會之參考。$/);
  });

  it('reads Singapore 2018, Israel and Changwon', () => {
    expect(sampleItems('singapore2018')[0]).toMatch(/^繼 105 年 4 月及 6 月新加坡工商聯合總會傳春安副主席與本市分別互訪/);
    const israel = sampleItems('israel');
    expect(israel[2]).toContain('其獨特之創業生態體系 (ecosystem) 孕育');
    expect(israel[3]).toBe('出席「第 32 屆全球市長會議」，對來自全球 35 個國家/城市市長行銷本市 2018 世界花博並邀請各國參與。');
    const changwon = sampleItems('changwon');
    expect(changwon[1]).toMatch(/^同時，市長也是首位臺灣地方政府首長/);
    expect(changwon[2]).toBe('拜會昌原市安商守市長及鄭九彰副市長，雙方就觀光、文化、運動、教育、經濟等多項議題展開交流。');
  });
});

describe('splitOutcomeItems numbering styles', () => {
  const expected = ['拜會市長。', '簽署備忘錄。', '參訪產業 4.0 工廠。'];

  it.each([
    ['1. with spaces', '1. 拜會市長。 2. 簽署備忘錄。 3. 參訪產業 4.0 工廠。'],
    ['1. without spaces', '1.拜會市長。2.簽署備忘錄。3.參訪產業 4.0 工廠。'],
    ['full-width １．', '１．拜會市長。 ２．簽署備忘錄。 ３．參訪產業 4.0 工廠。'],
    ['(1)', '(1) 拜會市長。 (2) 簽署備忘錄。 (3) 參訪產業 4.0 工廠。'],
    ['（1）', '（1）拜會市長。（2）簽署備忘錄。（3）參訪產業 4.0 工廠。'],
    ['⑴', '⑴拜會市長。⑵簽署備忘錄。⑶參訪產業 4.0 工廠。'],
    ['（一）', '（一）拜會市長。（二）簽署備忘錄。（三）參訪產業 4.0 工廠。'],
    ['一、', '一、拜會市長。 二、簽署備忘錄。 三、參訪產業 4.0 工廠。'],
    ['1、', '1、拜會市長。2、簽署備忘錄。3、參訪產業 4.0 工廠。'],
    ['①', '①拜會市長。②簽署備忘錄。③參訪產業 4.0 工廠。'],
    ['Markdown-like 1)', '1) 拜會市長。\n2) 簽署備忘錄。\n3) 參訪產業 4.0 工廠。'],
    ['<p> paragraphs', '<p>1. 拜會市長。</p><p>2. 簽署備忘錄。</p><p>3. 參訪產業 4.0 工廠。</p>'],
    ['<br> lines', '1. 拜會市長。<br>2. 簽署備忘錄。<br/>3. 參訪產業 4.0 工廠。'],
    ['<ol> without <li>', '<ol style="list-style-type: none"> 1. 拜會市長。 2. 簽署備忘錄。 3. 參訪產業 4.0 工廠。</ol>'],
    ['<li> without numbers', '<ol><li>拜會市長。</li><li>簽署備忘錄。</li><li>參訪產業 4.0 工廠。</li></ol>'],
    ['<li> with numbers', '<ul>\n  <li>1. 拜會市長。</li>\n  <li>2. 簽署備忘錄。</li>\n  <li>3. 參訪產業 4.0 工廠。</li>\n</ul>'],
    ['<li> with nested <p>', '<ol><li><p>拜會市長。</p></li><li><p>簽署備忘錄。</p></li><li><p>參訪產業 4.0 工廠。</p></li></ol>'],
    ['unnumbered, full stop and space', '拜會市長。 簽署備忘錄。 參訪產業 4.0 工廠。'],
    ['unnumbered <p>', '<p>拜會市長。</p> <p>簽署備忘錄。</p> <p>參訪產業 4.0 工廠。</p>'],
    ['numbers without a full stop before them', '1. 拜會市長。 2. 簽署備忘錄。 3. 參訪產業 4.0 工廠。'.replace(/。 /g, ' ')],
  ])('%s', (_, cell) => {
    const result = splitOutcomeItems(cell);
    expect(result.warnings).toEqual([]);
    if (_ === 'numbers without a full stop before them') expect(result.items).toEqual(['拜會市長', '簽署備忘錄', '參訪產業 4.0 工廠。']);
    else expect(result.items).toEqual(expected);
  });

  it('reads Chinese numerals past ten', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const cell = numerals.map((n, i) => `${n}、第 ${i + 1} 項成果。`).join(' ');
    expect(items(cell)).toEqual(numerals.map((_, i) => `第 ${i + 1} 項成果。`));
    const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const toCjk = (n: number): string => (n < 10 ? '' : `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十`) + (digits[n % 10] ?? '');
    const long = Array.from({ length: 25 }, (_, i) => `第 ${i + 1} 項。`);
    expect(toCjk(21)).toBe('二十一');
    expect(items(long.map((s, i) => `（${toCjk(i + 1)}）${s}`).join(''))).toEqual(long);
  });

  it('does not split at numbers inside sentences', () => {
    expect(items('1. 推動產業 4.0 與 3D DRAM。 2. 新加坡 12 家業者於 107 年 3 月來訪。 3. 出席第 52 屆航太展、觀看 11 錦標賽，連結 616.54 公里，推動 2+2 課程。')).toEqual([
      '推動產業 4.0 與 3D DRAM。',
      '新加坡 12 家業者於 107 年 3 月來訪。',
      '出席第 52 屆航太展、觀看 11 錦標賽，連結 616.54 公里，推動 2+2 課程。',
    ]);
    expect(items('1、完成規劃。2、3 月動工。')).toEqual(['完成規劃。2、3 月動工。']);
    expect(items('1. 參加第 2 屆論壇 3. 其他')).toEqual(['參加第 2 屆論壇 3. 其他']);
  });

  it('treats a sub-list in another style as part of its item', () => {
    expect(items('1. 成果如下：(1) 簽約；(2) 回訪。 2. 參訪工廠。')).toEqual(['成果如下：(1) 簽約；(2) 回訪。', '參訪工廠。']);
    expect(items('<p>1. 成果如下：</p><p>(1) 簽約；</p><p>(2) 回訪。</p><p>2. 參訪工廠。</p>')).toEqual(['成果如下： (1) 簽約； (2) 回訪。', '參訪工廠。']);
  });

  it('continues the current item in a paragraph that does not start with the next number', () => {
    expect(items('<p>1. 拜會市長。</p><p>隨後回訪本市。</p><p>2. 簽署備忘錄。</p>')).toEqual(['拜會市長。 隨後回訪本市。', '簽署備忘錄。']);
    expect(items('1. 拜會市長。 隨後回訪本市。 2. 簽署備忘錄。')).toEqual(['拜會市長。 隨後回訪本市。', '簽署備忘錄。']);
  });

  it('keeps unnumbered items that precede the numbered ones', () => {
    expect(splitOutcomeItems('拜會市長。 簽署備忘錄。 3. 參訪工廠。 4. 出席論壇。')).toEqual({
      items: ['拜會市長。', '簽署備忘錄。', '參訪工廠。', '出席論壇。'],
      warnings: [],
    });
    expect(splitOutcomeItems('<p>成果如下：</p><p>1. 拜會市長。</p><p>2. 簽署備忘錄。</p>')).toEqual({
      items: ['成果如下：', '拜會市長。', '簽署備忘錄。'],
      warnings: ['1 unnumbered item(s) before item 1'],
    });
  });

  it('does not split at a full stop without a space or once numbering has started', () => {
    expect(items('拜會市長。簽署備忘錄。')).toEqual(['拜會市長。簽署備忘錄。']);
    expect(items('<ol><li>拜會市長。 隨後回訪。</li><li>簽署備忘錄。</li></ol>')).toEqual(['拜會市長。 隨後回訪。', '簽署備忘錄。']);
  });

  it('accepts a small skip in the numbering with a warning', () => {
    expect(splitOutcomeItems('1. 甲。 2. 乙。 4. 丁。')).toEqual({ items: ['甲。', '乙。', '丁。'], warnings: ['item 3 missing'] });
    expect(splitOutcomeItems('3. 丙。 4. 丁。')).toEqual({ items: ['丙。', '丁。'], warnings: ['item 1 missing', 'item 2 missing'] });
    expect(splitOutcomeItems('<ol><li>1. 甲</li><li>3. 丙</li></ol>')).toEqual({ items: ['甲', '丙'], warnings: ['item 2 missing'] });
  });

  it('does not accept a large jump, a skip mid-sentence or a repeated number', () => {
    expect(items('1. 甲。 9. 乙。')).toEqual(['甲。 9. 乙。']);
    expect(items('1. 甲 3. 丙')).toEqual(['甲 3. 丙']);
    expect(items('1. 甲。 2. 乙。 2. 乙之二。 3. 丙。')).toEqual(['甲。', '乙。 2. 乙之二。', '丙。']);
  });

  it('drops an empty item with a warning', () => {
    expect(splitOutcomeItems('1. 2. 乙。')).toEqual({ items: ['乙。'], warnings: ['item 1 is empty and was dropped'] });
  });
});

describe('splitOutcomeItems markup', () => {
  it('returns no items for an empty cell', () => {
    for (const cell of ['', '   ', '<ol style="list-style-type: none"></ol>', '<p>&nbsp;</p>', '<p></p><br>']) {
      expect(splitOutcomeItems(cell)).toEqual({ items: [], warnings: [] });
    }
  });

  it('decodes entities after removing tags, so an escaped tag stays text', () => {
    expect(items('<p>1. A &amp; B &lt;p&gt; &quot;C&quot; &#39;D&#39;&nbsp;&nbsp;E &#x4E2D;&#25991;</p>')).toEqual([`A & B <p> "C" 'D' E 中文`]);
  });

  it('leaves unknown or invalid entities as written', () => {
    expect(items('甲 &foo; &#1114112; &#xD800; & 乙')).toEqual(['甲 &foo; &#1114112; &#xD800; & 乙']);
  });

  it('removes inline tags without a space and comments', () => {
    expect(items('<p>1. <strong>拜會</strong>市長<!-- note -->。</p><p>2. <span style="x">簽署</span>。</p>')).toEqual(['拜會市長。', '簽署。']);
  });

  it('collapses whitespace, newlines and non-breaking spaces', () => {
    expect(items('1.\t拜會\n\n市長\u00A0 Mr.  Kim。\r\n2. 簽署')).toEqual(['拜會 市長 Mr. Kim。', '簽署']);
  });

  it('never throws and always returns trimmed items without tags', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (cell) => {
        const result = splitOutcomeItems(cell);
        for (const item of result.items) {
          expect(item).toBe(item.trim());
          expect(item).not.toBe('');
        }
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<p>', '</p>', '<li>', '<ol>', '1. ', '2. ', '(1)', '一、', '。 ', '甲', '&amp;', '<br>', '4.0', ' '), { maxLength: 30 }), (parts) => {
        const result = splitOutcomeItems(parts.join(''));
        for (const item of result.items) expect(item).not.toMatch(/<\/?(?:p|li|ol|br)>/);
      }),
    );
  });
});

describe('splitOutcomeItems property', () => {
  const word = fc.constantFrom('拜會', '市長', '簽署', '合作備忘錄', '參訪', '工廠', '花博', '交流', '新創', '航太', '，', '、', '「花博」', '；', '。');
  const number = fc.constantFrom('4.0', '107 年', '3 月', '616.54', '2+2', '3D DRAM', '第 52 屆', '新加坡 12 家', '11 錦標賽', '2018', '105、106 年', '1 座', '2 項', '9,000 輛', 'ICLEI World Congress 2015');
  const sentence = fc
    .tuple(fc.array(fc.oneof(word, number), { minLength: 1, maxLength: 8 }), fc.constantFrom('', ' '), fc.boolean())
    .map(([parts, gap, stop]) => `${parts.join(gap)}${stop ? '。' : ''}`.replace(/\s+/g, ' ').trim());
  const sentences = fc.array(sentence, { minLength: 1, maxLength: 12 });

  const cjk = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  const formats: Record<string, (n: number, s: string) => string> = {
    dot: (n, s) => `${n}. ${s}`,
    paren: (n, s) => `(${n}) ${s}`,
    'cjk-paren': (n, s) => `（${cjk[n - 1]}）${s}`,
    'cjk-comma': (n, s) => `${cjk[n - 1]}、${s}`,
    circled: (n, s) => `${String.fromCharCode(0x245f + n)}${s}`,
    paragraph: (n, s) => `<p>${n}. ${s}</p>`,
  };

  it.each(Object.keys(formats))('splitting a list formatted as %s gives back its items', (style) => {
    const format = formats[style] as (n: number, s: string) => string;
    fc.assert(
      fc.property(sentences, (list) => {
        const cell = list.map((s, i) => format(i + 1, s)).join(' ');
        expect(splitOutcomeItems(cell)).toEqual({ items: list, warnings: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the items of a <li> list', () => {
    fc.assert(
      fc.property(sentences, (list) => {
        const cell = `<ol>${list.map((s) => `<li>${s}</li>`).join('')}</ol>`;
        expect(splitOutcomeItems(cell)).toEqual({ items: list, warnings: [] });
      }),
    );
  });
});
