// What the widget remembers per visitor and project (localStorage `tw:<key>`), and the pure
// decisions taken on it. Kept DOM-free so the rules are unit-tested with a seeded random.

export interface PollState {
  roll?: number; // the visitor's sampling roll in [0, 1): sampled in while roll < sampleRate
  askedAt?: number; // epoch ms the last poll was shown
  never?: boolean; // "don't ask again"
  views?: number; // page views since the last poll
}

export interface AskPolicy {
  sampleRate: number;
  cooldownMs: number;
}

/** The part of the Web Storage API the widget uses. */
export interface StateStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type AskDecision = 'ask' | 'never' | 'cooldown' | 'unsampled';

/**
 * One visitor's state under `key`. Storage can be missing, full or throwing (private mode,
 * sandboxed frames: even reading `localStorage` throws there), so the last state is also kept in
 * memory; corrupt stored data reads as a fresh visitor instead of breaking the host page.
 */
export function stateSlot(store: () => StateStore, key: string): { get(): PollState; set(state: PollState): void } {
  let memory: PollState = {};
  return {
    get() {
      try {
        const parsed: unknown = JSON.parse(store().getItem(key) || '{}');
        if (parsed && typeof parsed === 'object') memory = parsed as PollState;
      } catch {
        // keep the in-memory state
      }
      return memory;
    },
    set(state) {
      memory = state;
      try {
        store().setItem(key, JSON.stringify(state));
      } catch {
        // Not persisting only means the visitor may be asked again on another page load.
      }
    },
  };
}

/**
 * Decides whether a trigger may show a poll. The sampling roll is drawn once per visitor and kept,
 * so reloading cannot re-roll into the sample; raising the rate later keeps everyone already in.
 * `force` (ask({ force: true })) skips sampling and cooldown but never overrides "don't ask again".
 * On 'ask' the returned state already records the poll as shown.
 */
export function decideAsk(
  state: PollState,
  policy: AskPolicy,
  now: number,
  random: () => number,
  force = false,
): { decision: AskDecision; state: PollState } {
  const next: PollState = { ...state };
  if (typeof next.roll !== 'number') next.roll = random();
  let decision: AskDecision = 'ask';
  if (next.never) decision = 'never';
  else if (!force && next.roll >= policy.sampleRate) decision = 'unsampled';
  // A last-asked time in the future (a clock set back) must not block polls forever.
  else if (!force && next.askedAt !== undefined && next.askedAt <= now && now - next.askedAt < policy.cooldownMs)
    decision = 'cooldown';
  if (decision === 'ask') {
    next.askedAt = now;
    next.views = 0;
  }
  return { decision, state: next };
}

/** Counts one page view; true when the 'pageviews' trigger is due. */
export function countPageView(state: PollState, every: number): { due: boolean; state: PollState } {
  const views = (state.views || 0) + 1;
  return { due: views >= every, state: { ...state, views } };
}
