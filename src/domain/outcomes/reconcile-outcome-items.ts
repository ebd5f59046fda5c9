/** An outcome item as stored: its id, place and text. */
export interface StoredOutcomeItem {
  id: string;
  position: number;
  text: string;
}

/** What to do with the stored items so they become the new list, keeping ids wherever possible. */
export interface OutcomeItemPlan {
  /** Stored items that stay, with their new place and text (the text may have been corrected). */
  keep: StoredOutcomeItem[];
  insert: { position: number; text: string }[];
  remove: StoredOutcomeItem[];
}

/**
 * Matches a new outcome list to the stored one: by id when the client sends it, then by the
 * same text, then by the same place (a corrected item keeps its id, follow-ups and links);
 * what is left is inserted or removed.
 */
export function reconcileOutcomeItems(stored: readonly StoredOutcomeItem[], next: readonly { id?: string | undefined; text: string }[]): OutcomeItemPlan {
  const unused = new Map(stored.map((s) => [s.id, s]));
  const matched: (StoredOutcomeItem | null)[] = next.map(() => null);
  const take = (i: number, s: StoredOutcomeItem | undefined) => {
    if (!s || matched[i]) return;
    matched[i] = s;
    unused.delete(s.id);
  };
  next.forEach((n, i) => n.id && take(i, unused.get(n.id)));
  next.forEach((n, i) => {
    if (matched[i]) return;
    const candidates = [...unused.values()].filter((s) => s.text === n.text);
    take(i, candidates.find((s) => s.position === i) ?? candidates[0]);
  });
  next.forEach((_, i) => {
    if (matched[i]) return;
    take(i, [...unused.values()].find((s) => s.position === i));
  });
  const keep: StoredOutcomeItem[] = [];
  const insert: { position: number; text: string }[] = [];
  next.forEach((n, position) => {
    const s = matched[position];
    if (s) keep.push({ id: s.id, position, text: n.text });
    else insert.push({ position, text: n.text });
  });
  return { keep, insert, remove: [...unused.values()] };
}
