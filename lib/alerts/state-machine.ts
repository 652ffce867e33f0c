// The life of one series of a rule, as a pure function of the previous state and one observation:
//
//   ok/resolved --breach--> pending --breach held for `for`--> firing --no breach--> resolved
//        ^                     |                                 |
//        +------no breach------+                                 +--breach, repeat interval passed--> (repeat)
//
// With `for` = 0 a breach fires at once. "No data" never breaches, so a firing series whose data stops
// resolves (as Prometheus does). Notifications happen on firing, on resolved, and as repeats while
// firing; the caller writes the new state and any notification in one transaction.

export type AlertStatus = 'ok' | 'pending' | 'firing' | 'resolved';

export interface SeriesState {
  status: AlertStatus;
  /** When the condition started to hold; kept through firing so a resolve can report it. */
  activeSince: Date | null;
  firedAt: Date | null;
  resolvedAt: Date | null;
  lastNotifiedAt: Date | null;
  value: number | null;
}

export const INITIAL_STATE: SeriesState = {
  status: 'ok',
  activeSince: null,
  firedAt: null,
  resolvedAt: null,
  lastNotifiedAt: null,
  value: null,
};

export interface Observation {
  at: Date;
  value: number | null;
  breaching: boolean;
}

export interface Timing {
  forMs: number;
  /** 0 = never repeat. */
  repeatIntervalMs: number;
}

export type Notification = 'firing' | 'resolved' | 'repeat';

export interface Step {
  from: AlertStatus;
  state: SeriesState;
  /** The status changed (a history entry). */
  changed: boolean;
  notification: Notification | null;
}

export function advance(prev: SeriesState, obs: Observation, timing: Timing): Step {
  const at = obs.at;
  const value = obs.value;
  const step = (state: SeriesState, notification: Notification | null = null): Step => ({
    from: prev.status,
    state,
    changed: state.status !== prev.status,
    notification,
  });

  switch (prev.status) {
    case 'ok':
    case 'resolved': {
      if (!obs.breaching) return step({ ...prev, value });
      if (timing.forMs <= 0) {
        return step(
          { ...prev, status: 'firing', activeSince: at, firedAt: at, resolvedAt: null, lastNotifiedAt: at, value },
          'firing',
        );
      }
      return step({ ...prev, status: 'pending', activeSince: at, value });
    }
    case 'pending': {
      if (!obs.breaching) return step({ ...prev, status: 'ok', activeSince: null, value });
      const since = prev.activeSince ?? at;
      if (at.getTime() - since.getTime() >= timing.forMs) {
        return step(
          { ...prev, status: 'firing', activeSince: since, firedAt: at, resolvedAt: null, lastNotifiedAt: at, value },
          'firing',
        );
      }
      return step({ ...prev, activeSince: since, value });
    }
    case 'firing': {
      if (!obs.breaching) return step({ ...prev, status: 'resolved', resolvedAt: at, value }, 'resolved');
      const last = prev.lastNotifiedAt ?? prev.firedAt ?? at;
      if (timing.repeatIntervalMs > 0 && at.getTime() - last.getTime() >= timing.repeatIntervalMs) {
        return step({ ...prev, lastNotifiedAt: at, value }, 'repeat');
      }
      return step({ ...prev, value });
    }
  }
}
