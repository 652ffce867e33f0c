import { readdirSync, readFileSync } from 'node:fs';

// CPU time of processes from /proc (Linux): a throughput benchmark on a shared 2-core machine varies with its
// neighbours, the CPU it spends per item much less. Elsewhere every reading is null.

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux ABI Node runs on

/** utime + stime of a process in seconds, or null when it is gone or there is no /proc. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Every process whose /proc/<pid>/`file` (its command name, or its command line) passes `test`. */
export function processesWhere(file: 'comm' | 'cmdline', test: (text: string) => boolean): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (test(readFileSync(`/proc/${e}/${file}`, 'latin1'))) pids.push(Number(e));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** Every process whose command name is `comm` (e.g. 'postgres': the server and its backends). */
export const processesNamed = (comm: string) => processesWhere('comm', (name) => name.trim() === comm);

/**
 * Snapshot of the CPU seconds of a set of processes; `since()` gives the CPU they used after it, counting
 * processes that started later (PostgreSQL backends do) from zero and ones that exited as their last reading.
 */
export function cpuSnapshot(pids: () => number[]): { since(): number | null } {
  const start = new Map<number, number>();
  for (const pid of pids()) {
    const s = cpuSeconds(pid);
    if (s !== null) start.set(pid, s);
  }
  const last = new Map(start);
  return {
    since() {
      if (start.size === 0 && pids().length === 0) return null;
      for (const pid of pids()) {
        const s = cpuSeconds(pid);
        if (s !== null) last.set(pid, s);
      }
      let used = 0;
      for (const [pid, s] of last) used += s - (start.get(pid) ?? 0);
      return used;
    },
  };
}

/**
 * Shares of the machine's CPU time since the snapshot (Linux /proc/stat; null elsewhere): idle, and steal, the
 * time the hypervisor gave to other guests while this one wanted to run. On these shared virtual machines steal
 * swings from ~0 to a third of the time, and every throughput figure with it.
 */
export function machineSnapshot(): { since(): { idle: number; steal: number } | null } {
  const read = (): number[] | null => {
    try {
      const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
      return line.trim().split(/\s+/).slice(1).map(Number);
    } catch {
      return null;
    }
  };
  const start = read();
  return {
    since() {
      const end = read();
      if (!start || !end) return null;
      const d = end.map((v, i) => v - (start[i] ?? 0));
      const total = d.reduce((a, b) => a + b, 0);
      // user nice system idle iowait irq softirq steal ...
      return total > 0 ? { idle: (d[3] + d[4]) / total, steal: d[7] / total } : null;
    },
  };
}
