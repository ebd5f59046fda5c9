import { describe, expect, it } from 'vitest';
import { reconcileOutcomeItems } from '#app/domain/outcomes/reconcile-outcome-items.ts';

const stored = [
  { id: 'a', position: 0, text: '簽署合作備忘錄' },
  { id: 'b', position: 1, text: '出席記者會' },
  { id: 'c', position: 2, text: '借鏡其經驗' },
];

describe('reconcileOutcomeItems', () => {
  it('keeps every id when the list is unchanged', () => {
    expect(reconcileOutcomeItems(stored, stored.map((s) => ({ text: s.text })))).toEqual({ keep: stored, insert: [], remove: [] });
  });

  it('follows moved items by text, corrects text in place by position, inserts and removes the rest', () => {
    const plan = reconcileOutcomeItems(stored, [{ text: '借鏡其經驗' }, { text: '出席國際記者會' }, { text: '締結姊妹市' }, { text: '新項目' }]);
    expect(plan.keep).toEqual([
      { id: 'c', position: 0, text: '借鏡其經驗' },
      { id: 'b', position: 1, text: '出席國際記者會' },
    ]);
    expect(plan.insert).toEqual([
      { position: 2, text: '締結姊妹市' },
      { position: 3, text: '新項目' },
    ]);
    expect(plan.remove.map((r) => r.id)).toEqual(['a']);
  });

  it('prefers an id the client sends', () => {
    const plan = reconcileOutcomeItems(stored, [{ id: 'c', text: '完全改寫' }, { text: '簽署合作備忘錄' }]);
    expect(plan.keep).toEqual([
      { id: 'c', position: 0, text: '完全改寫' },
      { id: 'a', position: 1, text: '簽署合作備忘錄' },
    ]);
    expect(plan.remove.map((r) => r.id)).toEqual(['b']);
  });
});
