import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../widget/src/config';
import { DEFAULT_POLL_SETTINGS, pollSettingsSchema, widgetDataset } from './poll-settings';

describe('widgetDataset', () => {
  it('reads back through the widget config parser as the same settings', () => {
    const settings = pollSettingsSchema.parse({
      ...DEFAULT_POLL_SETTINGS,
      question: 'Was that quick?',
      scale: 7,
      sampleRate: 0.25,
      cooldownDays: 3,
      triggers: ['slow', 'pageviews', 'slow'],
      pageViews: 4,
      slowMs: 1500,
      controlRate: 0.05,
      texts: { thanks: 'Merci', low: '' },
    });
    const cfg = readConfig(
      { key: 'twp_x', ...widgetDataset(settings) },
      'https://tw.example/tw.js',
      'https://shop.example/',
    );
    expect(cfg).toMatchObject({
      scale: 7,
      sampleRate: 0.25,
      cooldownMs: 3 * 86_400_000,
      triggers: ['slow', 'pageviews'],
      pageViews: 4,
      slowMs: 1500,
      controlRate: 0.05,
    });
    expect(cfg?.texts.question).toBe('Was that quick?');
    expect(cfg?.texts.thanks).toBe('Merci');
    expect(cfg?.texts.low).toBe('Very slow'); // empty = the widget's default
  });

  it('equals the widget defaults when nothing was saved', () => {
    const fromDefaults = readConfig(
      { key: 'k', ...widgetDataset(DEFAULT_POLL_SETTINGS) },
      '/tw.js',
      'https://a.example/',
    );
    const bare = readConfig({ key: 'k' }, '/tw.js', 'https://a.example/');
    expect(fromDefaults).toEqual(bare);
  });

  it('samples nobody when the poll is off or not meant for the release', () => {
    const on = { ...DEFAULT_POLL_SETTINGS, triggers: ['slow' as const], releases: ['v2', 'v3'] };
    expect(widgetDataset(on, 'v2')).toMatchObject({ sample: '1', trigger: 'slow' });
    expect(widgetDataset(on, 'v1')).toMatchObject({ sample: '0', trigger: '' });
    expect(widgetDataset(on)).toMatchObject({ sample: '0', trigger: '' });
    expect(widgetDataset({ ...on, releases: [] })).toMatchObject({ sample: '1', trigger: 'slow' });
    expect(widgetDataset({ ...on, enabled: false }, 'v2')).toMatchObject({ sample: '0', trigger: '' });
  });
});
