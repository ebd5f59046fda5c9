/** One outcome theme of the council report's narrative (the seed report has nine). */
export interface OutcomeTheme {
  id: string;
  zh: string;
  en: string;
  /** Words whose presence in an outcome's text suggests the theme (a proposal, never a verdict). */
  keywords: readonly string[];
}

/**
 * The default theme list, taken from the nine sections of the seed report's narrative.
 * Deployments replace it through configuration; code must not assume these ids exist.
 */
export const DEFAULT_OUTCOME_THEMES: readonly OutcomeTheme[] = [
  { id: 'sister-cities', zh: '締結姊妹/友好城市，加深國際合作', en: 'Sister and friendship cities', keywords: ['姊妹市', '姐妹市', '友好城市', '締結', '締盟', '姊妹機場', '友好交流備忘錄'] },
  { id: 'flora-expo', zh: '宣傳 2018 世界花博', en: 'Promoting the 2018 World Flora Exposition', keywords: ['花博', '花卉博覽會'] },
  { id: 'youth-games', zh: '推動 2019 東亞青年運動會', en: 'The 2019 East Asian Youth Games', keywords: ['東亞青', '青奧', 'EAOC', '奧委會', '奧會', '角力', '排球'] },
  { id: 'city-projects', zh: '結合重要市政建設，引進國際資源及技術', en: 'International know-how for city projects', keywords: ['水湳', '智慧城', '捷運', '自行車', '綠川', '會展中心', '綠能園區', '借鏡', '師法', '汲取'] },
  { id: 'theme-cooperation', zh: '經貿文化主題式實質合作', en: 'Theme-based economic and cultural cooperation', keywords: ['論壇', '聯席會議', '美食展', '新創', '記者會', '教育交流'] },
  { id: 'investment', zh: '海外招商', en: 'Attracting investment', keywords: ['招商', '投資', '擴廠', '進駐', '設立', 'OUTLET'] },
  { id: 'machinery-aerospace', zh: '智慧機械與航太產業', en: 'Smart machinery and aerospace', keywords: ['智慧機械', '航太', '工具機', '精密機械', '智慧製造'] },
  { id: 'tourism', zh: '觀光交流', en: 'Tourism', keywords: ['觀光', '旅遊', '航班', '包機', '機場', '溫泉', '中進中出'] },
  { id: 'agri-exports', zh: '開拓農業外銷市場', en: 'Agricultural exports', keywords: ['農產品', '文心蘭', '外銷', '花農', '物流', '農特產品'] },
];

/** Ids of the themes whose keywords appear in `text`, in theme-list order. */
export function suggestThemes(text: string, themes: readonly OutcomeTheme[] = DEFAULT_OUTCOME_THEMES): string[] {
  return themes.filter((t) => t.keywords.some((k) => text.includes(k))).map((t) => t.id);
}
