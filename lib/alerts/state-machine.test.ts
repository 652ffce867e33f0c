import { describe, expect, it } from 'vitest';
import { advance, INITIAL_STATE, type Observation, type SeriesState, type Step, type Timing } from './state-machine';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const breach = (s: number, value = 900): Observation => ({ at: at(s), value, breaching: true });
const calm = (s: number, value: number | null = 100): Observation => ({ at: at(s), value, breaching: false });

/** Runs observations through the machine, returning every step. */
function run(observations: Observation[], timing: Timing, start: SeriesState = INITIAL_STATE): Step[] {
  const steps: Step[] = [];
  let state = start;
  for (const obs of observations) {
    const s = advance(state, obs, timing);
    steps.push(s);
    state = s.state;
  }
  return steps;
}

const FOR_60: Timing = { forMs: 60_000, repeatIntervalMs: 4 * 3600_000 };

describe('alert state machine', () => {
  it('stays ok without a breach and records the value', () => {
    const [s] = run([calm(0, 42)], FOR_60);
    expect(s.state.status).toBe('ok');
    expect(s.state.value).toBe(42);
    expect(s.changed).toBe(false);
    expect(s.notification).toBeNull();
  });

  it('goes pending on a breach and fires only once the breach has held for the `for` duration', () => {
    const steps = run([breach(0), breach(30), breach(59), breach(60), breach(90)], FOR_60);
    expect(steps.map((s) => s.state.status)).toEqual(['pending', 'pending', 'pending', 'firing', 'firing']);
    expect(steps.map((s) => s.notification)).toEqual([null, null, null, 'firing', null]);
    expect(steps.map((s) => s.changed)).toEqual([true, false, false, true, false]);
    expect(steps[3].state.activeSince).toEqual(at(0));
    expect(steps[3].state.firedAt).toEqual(at(60));
  });

  it('returns to ok without notifying when the breach ends while pending', () => {
    const steps = run([breach(0), breach(30), calm(45)], FOR_60);
    expect(steps.map((s) => s.state.status)).toEqual(['pending', 'pending', 'ok']);
    expect(steps.every((s) => s.notification === null)).toBe(true);
    expect(steps[2].state.activeSince).toBeNull();
  });

  it('restarts the `for` clock after an interrupted breach', () => {
    const steps = run([breach(0), calm(30), breach(40), breach(90), breach(100)], FOR_60);
    expect(steps.map((s) => s.state.status)).toEqual(['pending', 'ok', 'pending', 'pending', 'firing']);
    expect(steps[4].state.activeSince).toEqual(at(40));
  });

  it('fires on the first breach when `for` is 0', () => {
    const [s] = run([breach(0)], { forMs: 0, repeatIntervalMs: 0 });
    expect(s.state.status).toBe('firing');
    expect(s.notification).toBe('firing');
    expect(s.from).toBe('ok');
  });

  it('resolves once with a notification, keeping when the condition started', () => {
    const steps = run([breach(0), breach(60), calm(120), calm(150)], FOR_60);
    expect(steps.map((s) => s.state.status)).toEqual(['pending', 'firing', 'resolved', 'resolved']);
    expect(steps.map((s) => s.notification)).toEqual([null, 'firing', 'resolved', null]);
    expect(steps[2].state.resolvedAt).toEqual(at(120));
    expect(steps[2].state.activeSince).toEqual(at(0));
  });

  it('treats no data as no breach: a firing series whose data stops resolves', () => {
    const steps = run([breach(0), { at: at(30), value: null, breaching: false }], { forMs: 0, repeatIntervalMs: 0 });
    expect(steps[1].state.status).toBe('resolved');
    expect(steps[1].notification).toBe('resolved');
    expect(steps[1].state.value).toBeNull();
  });

  it('repeats while firing once per repeat interval, measured from the last notification', () => {
    const timing: Timing = { forMs: 0, repeatIntervalMs: 3600_000 };
    const steps = run([breach(0), breach(1800), breach(3599), breach(3600), breach(5400), breach(7200)], timing);
    expect(steps.map((s) => s.notification)).toEqual(['firing', null, null, 'repeat', null, 'repeat']);
    expect(steps.every((s) => s.state.status === 'firing')).toBe(true);
    expect(steps.slice(1).every((s) => !s.changed)).toBe(true);
    expect(steps[5].state.lastNotifiedAt).toEqual(at(7200));
  });

  it('never repeats when the interval is 0', () => {
    const steps = run([breach(0), breach(86_400 * 3)], { forMs: 0, repeatIntervalMs: 0 });
    expect(steps.map((s) => s.notification)).toEqual(['firing', null]);
  });

  it('fires again after a resolve, going through pending again', () => {
    const steps = run([breach(0), breach(60), calm(90), breach(120), breach(180)], FOR_60);
    expect(steps.map((s) => s.state.status)).toEqual(['pending', 'firing', 'resolved', 'pending', 'firing']);
    expect(steps.map((s) => s.notification)).toEqual([null, 'firing', 'resolved', null, 'firing']);
    expect(steps[4].state.resolvedAt).toBeNull();
    expect(steps[4].state.activeSince).toEqual(at(120));
  });
});
