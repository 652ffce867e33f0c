import { afterEach, describe, expect, it } from 'vitest';
import { config, resetConfigForTests } from './config';

// Settings are checked at start, with the variable named.

const saved = process.env.TAILWATCH_MAX_BODY_BYTES;
afterEach(() => {
  if (saved === undefined) delete process.env.TAILWATCH_MAX_BODY_BYTES;
  else process.env.TAILWATCH_MAX_BODY_BYTES = saved;
  resetConfigForTests();
});

describe('config', () => {
  it('takes a body cap from 1 byte to 1 GiB, 16 MiB by default', () => {
    delete process.env.TAILWATCH_MAX_BODY_BYTES;
    resetConfigForTests();
    expect(config().TAILWATCH_MAX_BODY_BYTES).toBe(16 * 1024 * 1024);
    process.env.TAILWATCH_MAX_BODY_BYTES = String(1024 ** 3);
    resetConfigForTests();
    expect(config().TAILWATCH_MAX_BODY_BYTES).toBe(1024 ** 3);
    for (const bad of [String(1024 ** 3 + 1), '0', '5e9', 'lots']) {
      process.env.TAILWATCH_MAX_BODY_BYTES = bad;
      resetConfigForTests();
      expect(() => config()).toThrow(/TAILWATCH_MAX_BODY_BYTES/);
    }
  });
});
