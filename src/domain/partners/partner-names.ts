/** The key two names of one partner share: no spaces, case-folded, without a trailing 市. */
export function partnerNameKey(name: string): string {
  const compact = name.replace(/[\s\u00A0\u3000]+/g, '').toLowerCase();
  // 昌原市 and 昌原, 首爾市 and 首爾 are one city; a two-character name keeps its 市 (城市).
  return compact.length > 2 && compact.endsWith('市') ? compact.slice(0, -1) : compact;
}
