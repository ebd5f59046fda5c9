import { budgetYearsStated, type BudgetYear } from '#app/domain/reports/budget-series.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import { BudgetRepository } from '#app/store/budgets/budget-repository.ts';
import type { Store } from '#app/store/open-database.ts';

/** Who entered the sample's budgets: not a user, the first start of an empty database. */
export const SAMPLE_BUDGET_ACTOR = 'sample-report';

/** The reason kept with each budget taken from the sample report, naming it as the source. */
export function sampleBudgetReason(reportName: string): string {
  return `取自範例報告 ${reportName}（結語所載全市國外及大陸地區出國預算數）`;
}

/**
 * Enters the city-wide (agency '') overseas-travel budget of each year the sample report states
 * (`自 100 年預算數 1,200 萬元，逐年減編至 107 年預算數 780 萬元`): only those years, never the ones
 * between, and never over a budget already entered. Answers the years it entered.
 */
export async function seedSampleBudgetSeries(store: Store, reportText: string, reportName: string): Promise<BudgetYear[]> {
  const stated = budgetYearsStated(reportText);
  const reason = sampleBudgetReason(reportName);
  return store.db.transaction().execute(async (trx) => {
    const entered: BudgetYear[] = [];
    for (const year of stated) {
      const at = new Date().toISOString();
      const budget = await new BudgetRepository(trx).create(year.rocYear, '', year.amount, SAMPLE_BUDGET_ACTOR, reason, at);
      if (!budget) continue;
      await new AuditLog(trx).append({ at, actorId: SAMPLE_BUDGET_ACTOR, actorName: '範例報告（首次啟動）', entityType: 'budget', entityId: budget.id, action: 'create', before: null, after: budget, reason });
      entered.push(year);
    }
    return entered;
  });
}
