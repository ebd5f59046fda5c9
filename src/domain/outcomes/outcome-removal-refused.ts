/** A removed outcome item that still has follow-ups or agreements under it. */
export interface OutcomeInUse {
  id: string;
  text: string;
  followUps: number;
  agreements: number;
}

/**
 * Raised when a trip change would remove outcome items that have follow-ups or agreements.
 * Follow-ups are records of their own; they are deleted explicitly, never as a side effect.
 * Carries a status and both messages, which the server's error handler passes on.
 */
export class OutcomeRemovalRefusedError extends Error {
  override name = 'OutcomeRemovalRefusedError';
  readonly statusCode = 409;
  readonly code = 'outcome-in-use';
  readonly messageZh: string;
  readonly extra: Record<string, unknown>;

  constructor(
    readonly outcomes: OutcomeInUse[],
    extra: Record<string, unknown> = {},
  ) {
    const ids = outcomes.map((o) => o.id).join(', ');
    super(`This change removes outcome items that have follow-ups or agreements (${ids}); delete those first (DELETE /api/v1/follow-ups/{id}) or keep the items.`);
    this.messageZh = `此修改會刪除仍有追蹤紀錄或協議的成效項目（${ids}），請先刪除其追蹤紀錄，或保留這些項目。`;
    this.extra = { ...extra, outcomes };
  }
}
