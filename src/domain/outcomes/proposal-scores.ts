/** Precision and recall of one label, and the counts behind them. */
export interface LabelScore {
  label: string;
  expected: number;
  proposed: number;
  correct: number;
  /** correct / proposed; null when nothing was proposed with this label. */
  precision: number | null;
  /** correct / expected; null when no item has this label. */
  recall: number | null;
}

/** Scores of a set of proposals against expected labels: per label, and over all items. */
export interface ProposalScores {
  items: number;
  correct: number;
  /** With exactly one proposal per item, micro precision = micro recall = correct / items. */
  accuracy: number;
  /** Mean of the per-label precision and recall over labels that occur in the expectations. */
  macroPrecision: number;
  macroRecall: number;
  perLabel: LabelScore[];
}

/** Compares proposed labels with expected ones, item by item. */
export function scoreProposals(pairs: readonly { expected: string; proposed: string }[]): ProposalScores {
  const labels = [...new Set(pairs.flatMap((p) => [p.expected, p.proposed]))].sort();
  const perLabel = labels.map((label): LabelScore => {
    const expected = pairs.filter((p) => p.expected === label).length;
    const proposed = pairs.filter((p) => p.proposed === label).length;
    const correct = pairs.filter((p) => p.proposed === label && p.expected === label).length;
    return { label, expected, proposed, correct, precision: proposed ? correct / proposed : null, recall: expected ? correct / expected : null };
  });
  const occurring = perLabel.filter((s) => s.expected > 0);
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  const correct = pairs.filter((p) => p.expected === p.proposed).length;
  return {
    items: pairs.length,
    correct,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroPrecision: mean(occurring.map((s) => s.precision ?? 0)),
    macroRecall: mean(occurring.map((s) => s.recall ?? 0)),
    perLabel,
  };
}
