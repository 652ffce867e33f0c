import { describe, expect, it } from 'vitest';
import { parseCsvNumbers, sumByKey } from './merged-rollups';

describe('the concatenated sketch lists', () => {
  it('parse integers, negatives included', () => {
    expect([...parseCsvNumbers('3,-12,0,250000')]).toEqual([3, -12, 0, 250000]);
    expect([...parseCsvNumbers('')]).toEqual([]);
    expect(() => parseCsvNumbers('1,x')).toThrow(/Malformed/);
  });

  it('add the counts of equal keys from several rows', () => {
    const keys = parseCsvNumbers('5,7,9,-2,7,9');
    const counts = parseCsvNumbers('1,2,3,4,5,6');
    expect(sumByKey(keys, counts)).toEqual({ keys: [-2, 5, 7, 9], counts: [4, 1, 7, 9] });
    expect(() => sumByKey(keys, parseCsvNumbers('1'))).toThrow(/differ/);
  });
});
