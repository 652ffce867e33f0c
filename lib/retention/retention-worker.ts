import { config } from '../config';
import { db } from '../db/pool';
import { log } from '../log';
import type { Worker } from '../server/workers';
import { applyRetention } from './apply-retention';

/** Hourly (and at start): drops expired raw partitions and rollup rows; one instance at a time. */
export const retentionWorker: Worker = {
  name: 'retention',
  intervalMs: 3_600_000,
  async run() {
    const c = config();
    const r = await applyRetention(db(), {
      raw: c.TAILWATCH_RAW_RETENTION_DAYS,
      minute: c.TAILWATCH_MINUTE_RETENTION_DAYS,
      hour: c.TAILWATCH_HOUR_RETENTION_DAYS,
      day: c.TAILWATCH_DAY_RETENTION_DAYS,
    });
    if (r.droppedPartitions.length > 0 || r.deletedRollups.minute + r.deletedRollups.hour + r.deletedRollups.day > 0) {
      log.info(r, 'retention applied');
    }
  },
};
