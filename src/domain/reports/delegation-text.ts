import type { Member } from '#app/domain/trips/trip-schema.ts';
import { formatChineseCount } from '#app/domain/reports/chinese-count.ts';

/**
 * The 出國人員 cell: the listed members as title + name, and `等N人` with the stated
 * headcount (or the number listed when none was stated), e.g. `市長林佳龍、研考會主委柳嘉峰等七人`.
 */
export function formatDelegation(members: readonly Member[], headcount: number | null): string {
  const names = members.map((m) => `${m.title}${m.name}`).join('、');
  const count = headcount ?? members.length;
  if (count <= 1 && members.length <= 1) return names;
  return `${names}等${formatChineseCount(count)}人`;
}

/** Members as `title name（agency）`, the form the disclosure files use. */
export function formatTravellers(members: readonly Member[]): string[] {
  return members.map((m) => `${m.title} ${m.name}${m.agency ? `（${m.agency}）` : ''}`.trim());
}
