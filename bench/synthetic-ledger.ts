import type { TripInputRaw } from '#app/domain/trips/trip-schema.ts';

// Synthetic ledgers for the benchmark: trips of every agency in the country written the way
// the Taichung seed report writes them, with the seed's value distributions (budget 108,170 to
// 2,294,129 TWD, median ~450,000; 2 to 13 travellers; 0 to 11 outcome items of ~90 characters;
// 71% settled, 21% being settled, 7% pending; one or two countries, Japan the most common).
// Deterministic for a given seed so every run measures the same data.

/** Bump when the generated data changes, so cached benchmark databases are rebuilt. */
export const GENERATOR_VERSION = 2;

/** Seed of the default ledger (the seed report's date). */
export const DEFAULT_SEED = 20180511;

/** A small fast PRNG (mulberry32); the benchmark needs repeatable data, not cryptographic randomness. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const weighted = <T>(rng: Rng, items: readonly (readonly [T, number])[]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
};

const GOVERNMENTS = ['臺北市', '新北市', '桃園市', '臺中市', '臺南市', '高雄市', '基隆市', '新竹市', '嘉義市', '新竹縣', '苗栗縣', '彰化縣', '南投縣', '雲林縣', '嘉義縣', '屏東縣', '宜蘭縣', '花蓮縣', '臺東縣', '澎湖縣', '金門縣', '連江縣'];
const BUREAUS = ['秘書處', '經濟發展局', '觀光旅遊局', '文化局', '交通局', '都市發展局', '農業局', '教育局', '社會局', '環境保護局', '新聞局', '研究發展考核委員會', '運動局', '水利局', '衛生局', '勞工局', '民政局', '消防局'];
const SHORT_BUREAU: Record<string, string> = { 經濟發展局: '經發局', 觀光旅遊局: '觀旅局', 研究發展考核委員會: '研考會', 環境保護局: '環保局', 都市發展局: '都發局' };

// Country, ISO code, weight (the seed: Japan 4, Korea 3, Singapore 2, and one each elsewhere), cities.
const COUNTRIES: readonly (readonly [string, string, number, readonly string[]])[] = [
  ['日本', 'JP', 28, ['東京', '名古屋', '大阪', '福岡', '愛媛縣', '橫濱', '京都', '札幌', '仙台', '神戶']],
  ['韓國', 'KR', 20, ['首爾市', '昌原市', '釜山', '仁川', '大邱', '光州']],
  ['新加坡', 'SG', 12, []],
  ['美國', 'US', 9, ['舊金山', '聖荷西', '樹城', '洛杉磯', '紐約', '西雅圖', '波士頓']],
  ['荷蘭', 'NL', 4, ['阿姆斯特丹', '鹿特丹', '海牙']],
  ['德國', 'DE', 4, ['波昂', '柏林', '慕尼黑', '法蘭克福']],
  ['法國', 'FR', 4, ['巴黎', '里昂', '波爾多']],
  ['以色列', 'IL', 2, ['耶路撒冷', '特拉維夫']],
  ['蒙古', 'MN', 1, ['烏蘭巴托']],
  ['墨西哥', 'MX', 1, ['墨西哥市']],
  ['越南', 'VN', 5, ['胡志明市', '河內', '峴港']],
  ['泰國', 'TH', 4, ['曼谷', '清邁']],
  ['馬來西亞', 'MY', 3, ['吉隆坡', '檳城']],
  ['菲律賓', 'PH', 3, ['馬尼拉', '宿霧']],
  ['印尼', 'ID', 2, ['雅加達', '泗水']],
  ['澳大利亞', 'AU', 3, ['雪梨', '墨爾本', '布里斯本']],
  ['英國', 'GB', 3, ['倫敦', '曼徹斯特']],
  ['加拿大', 'CA', 2, ['溫哥華', '多倫多']],
  ['捷克', 'CZ', 1, ['布拉格']],
  ['紐西蘭', 'NZ', 1, ['奧克蘭', '威靈頓']],
];
const PURPOSES = ['市政交流', '市政考察參訪', '招商交流', '產業及市政交流參訪', '城市行銷', '觀光推廣', '國際會議', '友好城市締結', '農產品行銷', '智慧城市考察', '文化交流', '運動賽事交流'];
const EVENTS = ['ICLEI 世界大會', '全球市長會議', '智慧城市展', '國際食品展', '觀光高峰論壇', '世界設計之都大會', '國際花卉博覽會', '亞太城市高峰會', 'EAOC 會員大會', '國際自行車展', '世界城市峰會', 'APEC 城市論壇'];
const TOPICS = ['花博', '智慧城市', '綠能產業', '文化觀光', '農產外銷', '捷運建設', '空氣品質', '長照服務', '運動產業', '航空城', '精密機械', '新南向', '會展產業', '水資源', '青年創業', '數位治理', '循環經濟', '文心蘭外銷', '自行車產業', '城市美學'];
const ORGANISATIONS = ['NVIDIA', '台積電', '鴻海', 'Google', 'Microsoft', 'Tesla', 'Siemens', 'Panasonic', 'Samsung', 'Airbus', '三菱重工', '豐田汽車', '日立製作所', 'IBM', 'Cisco', 'ASML', 'Philips', 'Bosch'];
const FACILITIES = ['科學園區', '港灣開發區', '輕軌系統', '市民活動中心', '廢棄物處理廠', '智慧路燈示範區', '國際會議中心', '農產品批發市場', '自行車道', '美術館', '運動中心', '長照機構', '創新育成中心', '再生能源電廠', '污水處理廠'];
const SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓馬阮董唐溫藍蔣石古紀姚連馮歐程湯黃田康姜汪白鄒尤巫鐘龔嚴韓'.split('');
const GIVEN = '佳龍嘉峰盛山俊雄文忠坤明曜志義川建德冠廷如芳光瑤富源志明淑芬怡君雅婷建宏俊傑家豪宗翰承恩冠宇柏翰美玲秀英麗華志豪文華國強世昌金龍春美淑惠玉蘭振宇子涵品妤宥廷詠晴'.split('');
const HOSTS = ['市政府', '縣政府', '商工會議所', '觀光局', '國際交流協會', '市議會', '經濟部', '大學', '產業協會'];

function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN) + pick(rng, GIVEN);
}

function outcomeText(rng: Rng, city: string, country: string, year: number): string {
  const org = pick(rng, ORGANISATIONS);
  const topic = pick(rng, TOPICS);
  const facility = pick(rng, FACILITIES);
  const host = `${city || country}${pick(rng, HOSTS)}`;
  const templates = [
    () => `拜會${host}${pick(rng, ['市長', '副市長', '議長', '局長'])}${personName(rng)}，就${topic}及${pick(rng, TOPICS)}議題深入交流，雙方同意建立常態聯繫窗口，持續推動城市合作。`,
    () => `參訪${city || country}${facility}，了解其規劃、營運與維護管理經驗，作為本府推動${topic}政策與相關建設之參考。`,
    () => `與${host}簽署${topic}合作備忘錄，促成雙方於${pick(rng, ['觀光', '經貿', '教育', '文化', '產業'])}領域之實質交流，${year + 1} 年起每年輪流舉辦交流活動。`,
    () => `出席「${year} ${pick(rng, EVENTS)}」並以${topic}為題發表專題演講，向與會城市代表行銷本市推動成果，爭取國際能見度。`,
    () => `拜訪 ${org} 總部，洽談${topic}相關投資及技術合作，${org} 表示將評估來臺設立研發據點之可行性。`,
    () => `辦理${topic}推介會，邀請當地企業及旅行業者 ${20 + Math.floor(rng() * 180)} 家參加，現場媒合洽談 ${5 + Math.floor(rng() * 60)} 件。`,
    () => `追蹤：${host}已於 ${year + 1} 年 ${1 + Math.floor(rng() * 12)} 月率團回訪本市，雙方就${topic}合作簽訂執行計畫，後續由${pick(rng, BUREAUS)}列管辦理。`,
    () => `促成${city || country}與本市締結${pick(rng, ['姊妹市', '友好城市', '友好交流城市'])}關係，共同推動${topic}與青年交流。`,
  ];
  // The seed's outcome items average about 100 characters: two sentences.
  return pick(rng, templates)() + pick(rng, templates)();
}

/** Trip `index` of a synthetic ledger; the same index and seed always give the same trip. */
export function syntheticTrip(index: number, seed = DEFAULT_SEED): TripInputRaw {
  const rng = randomSource(seed * 1_000_003 + index);
  const government = pick(rng, GOVERNMENTS);
  const bureau = pick(rng, BUREAUS);
  const year = 2010 + Math.floor(rng() * 16);
  const month = 1 + Math.floor(rng() * 12);
  const day = 1 + Math.floor(rng() * 20);
  const length = 3 + Math.floor(rng() * 7);
  const start = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const end = `${year}-${String(month).padStart(2, '0')}-${String(day + length - 1).padStart(2, '0')}`;
  const countries = rng() < 0.15 ? [weighted(rng, COUNTRIES.map((c) => [c, c[2]] as const)), weighted(rng, COUNTRIES.map((c) => [c, c[2]] as const))] : [weighted(rng, COUNTRIES.map((c) => [c, c[2]] as const))];
  const destinations = [...new Map(countries.map((c) => [c[1], c])).values()].map(([country, code, , cities]) => ({
    country,
    countryCode: code,
    cities: cities.length === 0 ? [] : [...new Set(Array.from({ length: 1 + Math.floor(rng() * Math.min(2, cities.length)) }, () => pick(rng, cities)))],
  }));
  const firstCity = destinations[0]!.cities[0] ?? '';
  const place = destinations.map((d) => d.country + (d.cities[0] ?? '')).join('、');
  const leaderTitle = weighted(rng, [['市長', 5], ['副市長', 2], ['縣長', 2], [`${SHORT_BUREAU[bureau] ?? bureau}局長`, 4], ['秘書長', 1]] as const);
  const memberCount = weighted(rng, [[1, 3], [2, 6], [3, 3], [4, 1], [5, 1]] as const);
  const members = Array.from({ length: memberCount }, (_, i) => {
    const memberBureau = i === 0 ? bureau : pick(rng, BUREAUS);
    return {
      name: personName(rng),
      title: i === 0 ? leaderTitle : `${SHORT_BUREAU[memberBureau] ?? memberBureau}${pick(rng, ['局長', '副局長', '科長', '專門委員'])}`,
      agency: memberBureau,
      role: i === 0 ? ('leader' as const) : ('member' as const),
    };
  });
  const status = weighted(rng, [['settled', 71], ['settling', 21], ['pending', 7], ['planned', 1]] as const);
  // Log-normal around 450,000 TWD, clipped to the seed's range.
  const gauss = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const amount = Math.round(Math.min(2_400_000, Math.max(100_000, 450_000 * Math.exp(0.65 * gauss))));
  const outcomeCount = status === 'pending' ? 0 : weighted(rng, [[1, 2], [2, 2], [3, 4], [4, 3], [5, 3], [7, 2], [8, 1], [11, 1]] as const);
  const title = weighted(rng, [
    [`${government}政府赴${place}進行${pick(rng, PURPOSES)}案`, 4],
    [`${leaderTitle}率團赴${place}進行${pick(rng, PURPOSES)}合作案`, 3],
    [`赴${destinations[0]!.country}參加 ${year} ${pick(rng, EVENTS)}`, 2],
    [`${government}${bureau}赴${place}${pick(rng, TOPICS)}考察計畫`, 2],
  ] as const);
  return {
    title,
    purpose: `${pick(rng, PURPOSES)}，推動${pick(rng, TOPICS)}`,
    category: weighted(rng, [['visit', 5], ['inspection', 3], ['conference', 2], ['business', 1]] as const),
    organisingAgency: `${government}${bureau}`,
    invitingBody: `${firstCity || destinations[0]!.country}${pick(rng, HOSTS)}`,
    start,
    end,
    destinations,
    members,
    headcount: Math.max(memberCount, 2 + Math.floor(rng() * 12)),
    budget: {
      currency: 'TWD',
      estimate: Math.round(amount * (1 + rng() * 0.2)),
      approved: Math.round(amount * 1.05),
      actual: status === 'settled' ? amount : null,
      status,
      estimateBreakdown: {},
      actualBreakdown: {},
    },
    outcomes: Array.from({ length: outcomeCount }, () => ({ text: outcomeText(rng, firstCity, destinations[0]!.country, year) })),
    notes: '',
    source: null,
  };
}
