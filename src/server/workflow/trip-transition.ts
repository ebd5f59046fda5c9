import { tripVariance } from '#app/domain/budgets/budget-figures.ts';
import { fiscalYearOf } from '#app/domain/budgets/fiscal-year.ts';
import { reportFilingProblems } from '#app/domain/post-trip-report/post-trip-report-schema.ts';
import { applyTripPatch } from '#app/domain/trips/apply-trip-patch.ts';
import type { Trip, TripInput } from '#app/domain/trips/trip-schema.ts';
import { checkTransition, TRANSITIONS } from '#app/domain/workflow/lifecycle-transitions.ts';
import type { WorkflowSettings } from '#app/domain/workflow/workflow-settings.ts';
import { auditChange } from '#app/server/audit/audit-change.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { canSeeTrip } from '#app/server/auth/trip-access.ts';
import { budgetForTrip } from '#app/server/budgets/budget-for-trip.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import type { TransitionBody } from '#app/server/workflow/workflow-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository, type TripOwnership } from '#app/store/trips/trip-repository.ts';
import { TransitionRepository, type TransitionRecord } from '#app/store/workflow/transition-repository.ts';

/** 404 for a trip that does not exist or that the caller may not see. */
export function tripNotFound(id: string): HttpError {
  return new HttpError(404, 'trip-not-found', `No trip with id ${id}`, `找不到編號 ${id} 的出國案`);
}

/** 409 for a stale version, carrying the current trip. */
export function staleTrip(sent: number, current: Trip): HttpError {
  return new HttpError(409, 'version-conflict', `Someone else changed this trip: you sent version ${sent}, the current version is ${current.version}`, `此出國案已被他人修改：您送出的版本為 ${sent}，目前版本為 ${current.version}`, { current });
}

function fieldError(field: string, message: string, messageZh: string): HttpError {
  return new HttpError(400, 'validation', `Invalid ${field}: ${message}`, `欄位內容有誤：${field}（${messageZh}）`, { issues: [{ field, message }] });
}

function hasAny(principal: Principal, roles: string[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/**
 * Refuses an amount that would take the trip's budget below zero unless the secretariat allowed it:
 * in this request (a secretariat's reason) or beforehand (a recorded override covering the amount).
 * Returns the override reason that let it through, or null when it fits.
 */
async function checkBudget(store: Store['db'], trip: Trip, amount: number, principal: Principal, body: TransitionBody, ownership: TripOwnership): Promise<string | null> {
  const charged = await budgetForTrip(store, fiscalYearOf(trip.start), trip.organisingAgency, trip.id);
  const remaining = charged?.figures.remaining ?? 0;
  if (amount <= remaining) return null;
  if (body.budgetOverrideReason && hasAny(principal, ['secretariat', 'admin'])) return body.budgetOverrideReason;
  if (ownership.budgetOverride && ownership.budgetOverride.amount >= amount) return ownership.budgetOverride.reason;
  const year = fiscalYearOf(trip.start);
  const whose = charged ? (charged.budget.agency || '全市') : trip.organisingAgency || '全市';
  if (!charged) {
    throw new HttpError(409, 'no-budget', `No overseas-travel budget is entered for ${whose} in fiscal year ${year}; the secretariat can enter one or override with a reason`, `${year} 年度「${whose}」尚未編列出國經費預算；請秘書處登錄預算或註明理由後放行`, { amount, remaining: 0 });
  }
  throw new HttpError(
    409,
    'over-budget',
    `This trip needs ${amount} TWD but only ${remaining} TWD of ${whose}'s ${year} budget remains (allocated ${charged.figures.allocated}, committed ${charged.figures.committed}, spent ${charged.figures.spent}); the secretariat can override with a reason`,
    `本案需新臺幣 ${amount} 元，但「${whose}」${year} 年度出國經費僅餘 ${remaining} 元（預算 ${charged.figures.allocated}、已核定 ${charged.figures.committed}、已核銷 ${charged.figures.spent}）；秘書處可註明理由後放行`,
    { amount, remaining, figures: charged.figures, budgetId: charged.budget.id },
  );
}

/** Moves a trip one step through its lifecycle, with every check, the history record and the audit entry, in one transaction. */
export async function performTransition(store: Store, tripId: string, body: TransitionBody, principal: Principal, settings: WorkflowSettings): Promise<{ trip: Trip; transition: TransitionRecord }> {
  return store.db.transaction().execute(async (trx) => {
    const trips = new TripRepository(trx);
    const current = await trips.get(tripId);
    if (!current || !canSeeTrip(principal, current)) throw tripNotFound(tripId);
    const ownership = (await trips.ownership(tripId)) as TripOwnership;
    const refusal = checkTransition(
      body.action,
      { state: current.lifecycleState, organisingAgency: current.organisingAgency, createdBy: ownership.createdBy, submittedBy: ownership.submittedBy, memberNames: current.members.map((m) => m.name) },
      principal,
      body.comment,
    );
    if (refusal) throw new HttpError(refusal.status, refusal.code, refusal.message, refusal.messageZh, refusal.field ? { issues: [{ field: refusal.field, message: refusal.message }] } : {});
    if (body.version !== current.version) throw staleTrip(body.version, current);

    let budget: Trip['budget'] = current.budget;
    let varianceExplanation = current.varianceExplanation;
    let overrideReason: string | null = null;
    switch (body.action) {
      case 'submit': {
        if (current.budget.estimate === null) throw fieldError('budget.estimate', 'a plan needs its cost estimate before it is submitted', '送審前須填寫經費概算');
        overrideReason = await checkBudget(trx, current, current.budget.estimate, principal, body, ownership);
        break;
      }
      case 'approve': {
        const amount = body.approvedAmount ?? current.budget.estimate;
        if (amount === null || amount === undefined) throw fieldError('body.approvedAmount', 'give the approved amount (the trip has no estimate)', '請填寫核定金額');
        overrideReason = await checkBudget(trx, current, amount, principal, body, ownership);
        budget = { ...budget, approved: amount };
        break;
      }
      case 'depart': {
        if (current.crossStrait && current.crossStraitSteps.permissionGrantedOn === null) {
          throw new HttpError(409, 'cross-strait-permission-missing', 'A trip to mainland China, Hong Kong or Macau needs its prior permission recorded (crossStraitSteps.permissionGrantedOn) before departure', '赴陸港澳須先取得許可（crossStraitSteps.permissionGrantedOn）才能出發');
        }
        break;
      }
      case 'settle': {
        if (body.actual === undefined) throw fieldError('body.actual', 'settling needs the actual cost', '核銷須填寫實支金額');
        varianceExplanation = body.varianceExplanation ?? current.varianceExplanation;
        const variance = tripVariance(current.budget.approved, body.actual, settings.budget.varianceExplanationPercent);
        if (variance?.explanationRequired && varianceExplanation.trim() === '') {
          throw fieldError(
            'body.varianceExplanation',
            `the actual cost differs from the approved amount by ${variance.percent ?? '∞'}% (more than ${settings.budget.varianceExplanationPercent}%): explain why`,
            `實支與核定金額差異 ${variance.percent ?? '∞'}%，超過 ${settings.budget.varianceExplanationPercent}%，須說明原因`,
          );
        }
        budget = { ...budget, actual: body.actual, status: 'settled', actualBreakdown: body.actualBreakdown ?? budget.actualBreakdown };
        break;
      }
      case 'file-report': {
        const problems = reportFilingProblems(current.report, { min: settings.report.summaryMinCharacters, max: settings.report.summaryMaxCharacters });
        if (problems.length) {
          throw new HttpError(400, 'validation', `Invalid ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, `欄位內容有誤：${problems.map((p) => `${p.field}（${p.messageZh}）`).join('、')}`, {
            issues: problems.map((p) => ({ field: p.field, message: p.message })),
          });
        }
        break;
      }
      case 'close': {
        if (current.crossStrait && current.crossStraitSteps.returnNotifiedOn === null) {
          throw new HttpError(409, 'return-notification-missing', 'Record the return notification (crossStraitSteps.returnNotifiedOn) before closing a mainland China / Hong Kong / Macau trip', '赴陸港澳案件結案前須登錄返臺通報日期（crossStraitSteps.returnNotifiedOn）');
        }
        break;
      }
      default:
        break;
    }

    const to = TRANSITIONS[body.action].to;
    const merge = (t: Trip): TripInput => ({ ...applyTripPatch(t, { version: t.version }), budget, varianceExplanation });
    const updated = await trips.update(tripId, { version: body.version }, merge, {
      state: to,
      ...(body.action === 'submit' ? { submittedBy: principal.userId } : {}),
    });
    if (updated.kind === 'not-found') throw tripNotFound(tripId);
    if (updated.kind === 'conflict') throw staleTrip(body.version, updated.current);
    const transition = await new TransitionRepository(trx).record({
      tripId,
      at: new Date().toISOString(),
      action: body.action,
      from: current.lifecycleState,
      to,
      actorId: principal.userId,
      actorName: principal.displayName,
      comment: body.comment,
      overrideReason,
    });
    await new AuditLog(trx).append(auditChange(principal, 'trip', tripId, `transition:${body.action}`, current, updated.trip, overrideReason ?? body.comment));
    return { trip: updated.trip, transition };
  });
}
