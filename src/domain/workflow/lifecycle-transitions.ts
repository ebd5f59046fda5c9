import { z } from 'zod';
import type { LifecycleState } from '#app/domain/workflow/lifecycle-state.ts';
import type { UserRole } from '#app/domain/workflow/user-roles.ts';

/** The actions that move a trip from one state to another. */
export const TRANSITION_ACTIONS = ['submit', 'approve', 'return', 'reject', 'depart', 'come-home', 'settle', 'file-report', 'close', 'cancel'] as const;
export const transitionAction = z.enum(TRANSITION_ACTIONS);
export type TransitionAction = z.infer<typeof transitionAction>;

/** One allowed move: from which states, to which state, and who may make it. */
export interface TransitionRule {
  from: readonly LifecycleState[];
  to: LifecycleState;
  roles: readonly UserRole[];
  /** A comment is required (returning or rejecting a plan must say why). */
  commentRequired: boolean;
  zh: string;
}

/** The whole lifecycle as data: draft → submitted → approved / returned / rejected → … → closed, plus cancelled. */
export const TRANSITIONS: Record<TransitionAction, TransitionRule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['clerk', 'secretariat'], commentRequired: false, zh: '送審' },
  approve: { from: ['submitted'], to: 'approved', roles: ['approver'], commentRequired: false, zh: '核定' },
  return: { from: ['submitted'], to: 'returned', roles: ['approver', 'secretariat'], commentRequired: true, zh: '退回修正' },
  reject: { from: ['submitted'], to: 'rejected', roles: ['approver'], commentRequired: true, zh: '不予核定' },
  depart: { from: ['approved'], to: 'travelling', roles: ['clerk', 'secretariat'], commentRequired: false, zh: '出發' },
  'come-home': { from: ['travelling'], to: 'returned-home', roles: ['clerk', 'secretariat'], commentRequired: false, zh: '返國' },
  settle: { from: ['returned-home'], to: 'settled', roles: ['clerk', 'secretariat'], commentRequired: false, zh: '核銷' },
  'file-report': { from: ['settled'], to: 'report-filed', roles: ['clerk', 'secretariat'], commentRequired: false, zh: '提出國報告' },
  close: { from: ['report-filed'], to: 'closed', roles: ['secretariat'], commentRequired: false, zh: '結案' },
  cancel: { from: ['draft', 'submitted', 'returned', 'approved'], to: 'cancelled', roles: ['clerk', 'secretariat'], commentRequired: true, zh: '取消' },
};

/** The actions possible from a state, whoever makes them. */
export function actionsFrom(state: LifecycleState): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

/** Why a transition is refused; `status` is the HTTP status that fits. */
export interface TransitionRefusal {
  status: 400 | 403 | 409;
  code: string;
  field?: string;
  message: string;
  messageZh: string;
}

/** Who asks for a transition, as far as the rules care. */
export interface Actor {
  userId: string;
  displayName: string;
  roles: readonly UserRole[];
  agency: string | null;
}

/** The facts about the trip the rules look at. */
export interface TransitionSubject {
  state: LifecycleState;
  organisingAgency: string;
  createdBy: string | null;
  submittedBy: string | null;
  memberNames: readonly string[];
}

/**
 * Checks the state, the role, the agency of a clerk and the no-self-approval rule; returns the
 * refusal or null when the actor may make the move. Budget and field checks come after this.
 */
export function checkTransition(action: TransitionAction, subject: TransitionSubject, actor: Actor, comment: string): TransitionRefusal | null {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(subject.state)) {
    return {
      status: 409,
      code: 'transition-not-allowed',
      message: `A trip in state ${subject.state} cannot be moved by "${action}"; allowed from ${rule.from.join(', ')}`,
      messageZh: `出國案目前狀態為「${subject.state}」，不能執行「${rule.zh}」`,
    };
  }
  const isAdmin = actor.roles.includes('admin');
  const roleOk = isAdmin || actor.roles.some((r) => rule.roles.includes(r));
  if (!roleOk) {
    return {
      status: 403,
      code: 'forbidden',
      message: `"${action}" needs one of the roles: ${rule.roles.join(', ')}`,
      messageZh: `「${rule.zh}」需要下列角色之一：${rule.roles.join('、')}`,
    };
  }
  const onlyClerk = !isAdmin && !actor.roles.some((r) => r !== 'clerk' && rule.roles.includes(r));
  if (onlyClerk && actor.agency !== subject.organisingAgency) {
    return {
      status: 403,
      code: 'other-agency',
      message: `Clerks act only on their own agency's trips; this trip belongs to ${subject.organisingAgency || '(no agency)'}`,
      messageZh: `承辦人只能處理所屬機關的出國案；此案屬於「${subject.organisingAgency || '未指定機關'}」`,
    };
  }
  if (action === 'approve' && isOwnTrip(subject, actor)) {
    return {
      status: 403,
      code: 'own-trip',
      message: 'An approver cannot approve a trip they created, submitted or travel on',
      messageZh: '核定人不得核定自己建立、送審或參加的出國案',
    };
  }
  if (rule.commentRequired && comment.trim() === '') {
    return { status: 400, code: 'validation', field: 'body.comment', message: `Invalid body.comment: "${action}" needs a comment saying why`, messageZh: `欄位內容有誤：body.comment（「${rule.zh}」須說明理由）` };
  }
  return null;
}

/** True when the actor created, submitted or is a member of the trip. */
export function isOwnTrip(subject: TransitionSubject, actor: Actor): boolean {
  return subject.createdBy === actor.userId || subject.submittedBy === actor.userId || subject.memberNames.includes(actor.displayName);
}
