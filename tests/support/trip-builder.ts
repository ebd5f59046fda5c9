import type { TripInput } from '#app/domain/trips/trip-schema.ts';

let counter = 0;

/** A valid trip input with realistic values; override any field. */
export function buildTripInput(overrides: Partial<TripInput> = {}): TripInput {
  counter += 1;
  return {
    title: `市長率團赴日本進行市政交流案 ${counter}`,
    purpose: '行銷城市並參加國際會議',
    category: 'visit',
    organisingAgency: '秘書處',
    invitingBody: '名古屋市政府',
    start: '2019-05-01',
    end: '2019-05-05',
    destinations: [{ country: '日本', countryCode: 'JP', cities: ['名古屋', '東京'] }],
    members: [
      { name: '林佳龍', title: '市長', agency: '市政府', role: 'leader' },
      { name: '陳盛山', title: '觀旅局局長', agency: '觀光旅遊局', role: 'member' },
    ],
    headcount: 6,
    budget: { currency: 'TWD', estimate: 450000, approved: 430000, actual: null, status: 'planned', estimateBreakdown: { airfare: 200000, lodging: 150000, perDiem: 100000 }, actualBreakdown: {} },
    outcomes: [{ text: '簽署觀光友好交流備忘錄。' }],
    notes: '',
    source: null,
    ...overrides,
  };
}
