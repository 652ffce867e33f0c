import { describe, expect, it } from 'vitest';
import { seededRandom } from '../test-support/seeded-random';
import { countPageView, decideAsk, type PollState, type StateStore, stateSlot } from './poll-state';

const DAY = 86_400_000;
const policy = { sampleRate: 1, cooldownMs: 7 * DAY };
const NOW = Date.UTC(2025, 0, 15);

function memoryStore(): StateStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('decideAsk', () => {
  it('asks a fresh visitor and records the poll as shown', () => {
    const d = decideAsk({ views: 4 }, policy, NOW, () => 0.5);
    expect(d).toEqual({ decision: 'ask', state: { roll: 0.5, askedAt: NOW, views: 0 } });
  });

  it('samples visitors by a roll drawn once and kept', () => {
    const random = seededRandom(42);
    let asked = 0;
    for (let visitor = 0; visitor < 10_000; visitor++) {
      if (decideAsk({}, { ...policy, sampleRate: 0.1 }, NOW, random).decision === 'ask') asked++;
    }
    // A 10% rate over 10k visitors; exact for this seed.
    expect(asked).toBe(1031);

    const out = decideAsk({}, { ...policy, sampleRate: 0.1 }, NOW, () => 0.5);
    expect(out.decision).toBe('unsampled');
    // The same visitor later: no re-roll, however many page loads.
    const again = decideAsk(out.state, { ...policy, sampleRate: 0.1 }, NOW + DAY, () => 0);
    expect(again).toEqual({ decision: 'unsampled', state: { roll: 0.5 } });
    // Raising the rate lets them in without a new roll.
    expect(decideAsk(out.state, { ...policy, sampleRate: 0.6 }, NOW, () => 0.99).decision).toBe('ask');
  });

  it('keeps a cooldown after a poll was shown', () => {
    const shown: PollState = { roll: 0.1, askedAt: NOW };
    expect(decideAsk(shown, policy, NOW + 7 * DAY - 1, Math.random).decision).toBe('cooldown');
    expect(decideAsk(shown, policy, NOW + 7 * DAY, Math.random).decision).toBe('ask');
    // A clock set back (askedAt in the future) does not block polls forever.
    expect(decideAsk(shown, policy, NOW - DAY, Math.random).decision).toBe('ask');
  });

  it('lets force skip sampling and cooldown but never "don\'t ask again"', () => {
    const shown: PollState = { roll: 0.9, askedAt: NOW };
    expect(decideAsk(shown, { ...policy, sampleRate: 0.1 }, NOW + 1, Math.random, true).decision).toBe('ask');
    const never: PollState = { roll: 0, never: true };
    expect(decideAsk(never, policy, NOW, Math.random).decision).toBe('never');
    expect(decideAsk(never, policy, NOW, Math.random, true)).toEqual({ decision: 'never', state: never });
  });
});

describe('countPageView', () => {
  it('is due on the Nth view since the last poll', () => {
    let state: PollState = {};
    const due: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      const c = countPageView(state, 3);
      state = c.state;
      due.push(c.due);
    }
    expect(due).toEqual([false, false, true]);
    expect(state.views).toBe(3);
    expect(countPageView(decideAsk(state, policy, NOW, () => 0).state, 3)).toEqual({
      due: false,
      state: { roll: 0, askedAt: NOW, views: 1 },
    });
  });
});

describe('stateSlot', () => {
  it('persists state as JSON under the key', () => {
    const store = memoryStore();
    const slot = stateSlot(() => store, 'tw:pk_1');
    slot.set({ roll: 0.3, never: true });
    expect(JSON.parse(store.data.get('tw:pk_1') ?? '')).toEqual({ roll: 0.3, never: true });
    expect(stateSlot(() => store, 'tw:pk_1').get()).toEqual({ roll: 0.3, never: true });
  });

  it('reads corrupt data as a fresh visitor', () => {
    const store = memoryStore();
    store.data.set('tw:k', '{not json');
    expect(stateSlot(() => store, 'tw:k').get()).toEqual({});
    store.data.set('tw:k', '7');
    expect(stateSlot(() => store, 'tw:k').get()).toEqual({});
  });

  it('keeps state in memory when storage throws', () => {
    const slot = stateSlot(() => {
      throw new Error('SecurityError: localStorage is not available');
    }, 'tw:k');
    expect(slot.get()).toEqual({});
    slot.set({ never: true });
    expect(slot.get()).toEqual({ never: true });
  });
});
