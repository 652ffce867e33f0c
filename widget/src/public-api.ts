import type { FeedbackContext } from './payload';
import type { PollTexts } from './texts';

export interface AskOptions {
  /** Skip sampling and cooldown (never "don't ask again"): for an explicit "Rate this" button. */
  force?: boolean;
  texts?: Partial<PollTexts>;
}

/** `window.tailwatch` once tw.js has run. */
export interface TailwatchApi {
  /** Opens the poll as trigger 'manual'; false when it did not open (sampling, cooldown, opted out, already open). */
  ask(options?: AskOptions): boolean;
  /** Merges into the context sent with answers; a changed route counts as a page view. */
  setContext(context: FeedbackContext): void;
  /** Reports an app-measured interaction duration to the slow trigger. */
  measure(durationMs: number): void;
}

/** Calls made before the async script loaded: `(window.tailwatch ||= { q: [] }).q.push(['ask'])`. */
export interface TailwatchQueue {
  q?: [keyof TailwatchApi, ...unknown[]][];
}
