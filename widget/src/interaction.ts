import type { FeedbackTrigger } from './contract';

/**
 * A slow interaction asks as 'slow'; an ordinary one asks as 'control' with probability
 * controlRate, so the answers also describe ordinary moments and slow ones can be compared to them.
 */
export function classifyInteraction(
  durationMs: number,
  slowMs: number,
  controlRate: number,
  random: () => number,
): Extract<FeedbackTrigger, 'slow' | 'control'> | undefined {
  if (!(durationMs >= 0)) return undefined;
  if (durationMs >= slowMs) return 'slow';
  return random() < controlRate ? 'control' : undefined;
}

/**
 * Interaction to Next Paint as web-vitals estimates it: the longest interaction, skipping one per
 * 50 interactions (a p98). `durations` holds each interaction's longest event duration.
 */
export function estimateInp(durations: Iterable<number>): number | undefined {
  const sorted = Array.from(durations).sort((a, b) => b - a);
  return sorted[Math.floor(sorted.length / 50)];
}
