import { describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { DEFAULT_TEXTS } from './texts';

const SRC = 'https://tw.example.com/tw.js?v=3';
const PAGE = 'https://shop.example.org/cart?x=1';

describe('readConfig', () => {
  it('needs a key', () => {
    expect(readConfig({}, SRC, PAGE)).toBeUndefined();
    expect(readConfig({ key: '  ' }, SRC, PAGE)).toBeUndefined();
    expect(readConfig({ key: 'k'.repeat(65) }, SRC, PAGE)).toBeUndefined();
  });

  it('derives the endpoint from the script origin and applies defaults', () => {
    expect(readConfig({ key: 'pk_1' }, SRC, PAGE)).toEqual({
      key: 'pk_1',
      release: undefined,
      endpoint: 'https://tw.example.com/api/v1/feedback',
      scale: 5,
      sampleRate: 1,
      cooldownMs: 7 * 86_400_000,
      triggers: [],
      pageViews: 5,
      slowMs: 1000,
      controlRate: 0.02,
      texts: DEFAULT_TEXTS,
    });
  });

  it('resolves a relative script src and data-endpoint against the page', () => {
    expect(readConfig({ key: 'k' }, '/static/tw.js', PAGE)?.endpoint).toBe('https://shop.example.org/api/v1/feedback');
    expect(readConfig({ key: 'k', endpoint: '/tw/feedback' }, SRC, PAGE)?.endpoint).toBe(
      'https://shop.example.org/tw/feedback',
    );
    expect(readConfig({ key: 'k', endpoint: 'https://in.example.net/f' }, SRC, PAGE)?.endpoint).toBe(
      'https://in.example.net/f',
    );
  });

  it('reads numbers and triggers, and falls back on invalid or out-of-range values', () => {
    const cfg = readConfig(
      {
        key: 'k',
        release: ' 1.4.2 ',
        scale: '7',
        sample: '0.25',
        cooldownDays: '0.5',
        trigger: 'slow, pageviews bogus',
        pageviews: '3',
        slowMs: '800',
        controlRate: '0.1',
      },
      SRC,
      PAGE,
    );
    expect(cfg).toMatchObject({
      release: '1.4.2',
      scale: 7,
      sampleRate: 0.25,
      cooldownMs: 43_200_000,
      triggers: ['slow', 'pageviews'],
      pageViews: 3,
      slowMs: 800,
      controlRate: 0.1,
    });
    const bad = readConfig({ key: 'k', scale: '11', sample: '2', slowMs: 'fast', controlRate: '-1' }, SRC, PAGE);
    expect(bad).toMatchObject({ scale: 5, sampleRate: 1, slowMs: 1000, controlRate: 0.02 });
  });

  it('takes localised texts from data-text-* attributes', () => {
    const cfg = readConfig(
      { key: 'k', textQuestion: 'Wie schnell war das?', textSend: 'Senden', textLow: '' },
      SRC,
      PAGE,
    );
    expect(cfg?.texts).toEqual({ ...DEFAULT_TEXTS, question: 'Wie schnell war das?', send: 'Senden' });
  });
});
