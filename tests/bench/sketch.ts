// Query-time merge of stored sketches: 72,000 sparse rows (e.g. 50 series x 24 h of minutes), ~60 buckets
// each, then p50/p95/p99. Compares the many-row fast path with merging row by row.
// Run: npx tsx tests/bench/sketch.ts
import { performance } from 'node:perf_hooks';
import {
  bucketKey,
  createSketch,
  fromSparse,
  mergeInto,
  mergeSparse,
  quantiles,
  type Sketch,
  type SparseSketchArrays,
  toSparse,
} from '../../lib/sketch';
import { seededRandom, standardNormal } from '../../lib/sketch/test-samples';

const ROWS = 72_000;
const BUCKETS_PER_ROW = 60;
const RUNS = 7;
const QS = [0.5, 0.95, 0.99];

/** Each row: ~60 distinct keys around a per-series median (20..400 ms), counts 1..20. */
function makeRows(): SparseSketchArrays[] {
  const random = seededRandom(42);
  const medians = Array.from({ length: 50 }, () => 20 * 20 ** random());
  const rows: SparseSketchArrays[] = [];
  for (let r = 0; r < ROWS; r++) {
    const center = bucketKey(medians[r % medians.length]);
    const keys = new Set<number>();
    while (keys.size < BUCKETS_PER_ROW) keys.add(Math.round(center + 45 * standardNormal(random)));
    const sorted = [...keys].sort((a, b) => a - b);
    rows.push({
      keys: sorted,
      counts: sorted.map(() => 1 + Math.floor(random() * 20)),
      zeroCount: r % 7 === 0 ? 1 : 0,
    });
  }
  return rows;
}

function naive(rows: readonly SparseSketchArrays[]): Sketch {
  const total = createSketch();
  for (const row of rows) mergeInto(total, fromSparse(row));
  return total;
}

function median(times: number[]): number {
  return times.slice().sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function measure(label: string, merge: (rows: readonly SparseSketchArrays[]) => Sketch, rows: SparseSketchArrays[]) {
  const times: number[] = [];
  let result: (number | null)[] = [];
  let sketch = createSketch();
  merge(rows); // warm-up: let the JIT compile before timing
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    sketch = merge(rows);
    result = quantiles(sketch, QS);
    times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log(`${label.padEnd(32)} median ${ms.toFixed(1).padStart(7)} ms  (min ${Math.min(...times).toFixed(1)})`);
  return { ms, sketch, result };
}

const rows = makeRows();
const keyCount = rows.reduce((n, row) => n + row.keys.length, 0);
console.log(`${ROWS} rows, ${keyCount} stored buckets, ${RUNS} runs each (median shown), node ${process.version}`);
const slow = measure('naive: fromSparse + mergeInto', naive, rows);
const fast = measure('fast path: mergeSparse', mergeSparse, rows);
const same = JSON.stringify(toSparse(slow.sketch)) === JSON.stringify(toSparse(fast.sketch));
console.log(`p50/p95/p99 ms: ${fast.result.map((v) => v?.toFixed(2)).join(' / ')}  (paths agree: ${same})`);
console.log(`speed-up: ${(slow.ms / fast.ms).toFixed(1)}x`);
if (!same) process.exitCode = 1;
