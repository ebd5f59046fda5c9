// Queries a user of the Taichung seed report would type, and the trips (by start date) that
// hold each one, read off the report by hand. Shared by the recall tests of the domain and of
// both databases.

/** Start date of each seed trip, for naming expected results. */
export const SEED_TRIPS = {
  iclei: '2015-04-06',
  nagoya: '2016-03-28',
  singapore2016: '2016-04-10',
  eastAsianGames: '2016-04-17',
  netherlands: '2016-09-22',
  tokyoFoodShow: '2017-03-05',
  ehime: '2017-05-31',
  france: '2017-06-17',
  usWest: '2017-08-09',
  mongolia: '2017-11-19',
  singapore2018: '2018-01-17',
  israel: '2018-02-10',
  changwon: '2018-04-10',
  mexico: '2018-04-19',
} as const;

const t = SEED_TRIPS;

/** Each query with the trips that must be found; `phraseFirst` lists those that hold the exact phrase, ranked first. */
export const SEED_QUERIES: { query: string; expected: string[]; phraseFirst?: string[] }[] = [
  { query: '花博', expected: [t.nagoya, t.netherlands, t.tokyoFoodShow, t.ehime, t.france, t.usWest, t.mongolia, t.israel, t.changwon] },
  { query: '樹城', expected: [t.usWest] },
  { query: '呂曜志', expected: [t.netherlands, t.france, t.usWest, t.singapore2018] },
  { query: 'ICLEI', expected: [t.iclei] },
  { query: 'NVIDIA', expected: [t.usWest] },
  { query: 'nvidia', expected: [t.usWest] },
  { query: '林佳龍', expected: Object.values(t) },
  { query: '昌原', expected: [t.iclei, t.changwon] },
  { query: '姊妹市', expected: [t.israel] },
  { query: '姐妹市', expected: [t.israel] },
  { query: '名古屋', expected: [t.nagoya] },
  { query: '文心蘭', expected: [t.tokyoFoodShow] },
  { query: '新南向', expected: [t.singapore2018] },
  { query: 'EAOC', expected: [t.mongolia] },
  { query: '東京', expected: [t.nagoya, t.eastAsianGames, t.tokyoFoodShow] },
  { query: '愛媛', expected: [t.ehime] },
  { query: '首爾宣言', expected: [t.iclei] },
  { query: '世界設計之都', expected: [t.mexico] },
  { query: '林佳龍 花博', expected: [t.nagoya, t.netherlands, t.tokyoFoodShow, t.ehime, t.france, t.usWest, t.mongolia, t.israel, t.changwon] },
  { query: '友好城市', expected: [t.iclei, t.ehime, t.usWest, t.france, t.changwon], phraseFirst: [t.iclei, t.ehime, t.usWest] },
];
