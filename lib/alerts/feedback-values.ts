import type { FeedbackRow } from './queries/load-feedback-rows';

/**
 * The perceived-performance score over one window: 100 x the mean of score01, as lib/feedback reports
 * it (docs/feedback.md). Fewer than `minAnswers` answers is "no data".
 */
export function feedbackWindowValue(rows: readonly FeedbackRow[], minAnswers: number): number | null {
  let answers = 0;
  let sum = 0;
  for (const row of rows) {
    answers += row.answers;
    sum += row.scoreSum;
  }
  if (answers === 0 || answers < minAnswers) return null;
  return (100 * sum) / answers;
}
