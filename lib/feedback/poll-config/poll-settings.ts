import { z } from 'zod';
import { MAX_RELEASE, SCALE_MAX, SCALE_MIN } from '../../../widget/src/contract';

// A project's poll configuration (model PollConfig). The defaults equal the widget's own, so a project
// that never saved settings behaves exactly like a bare <script data-key>.

const label = z.string().trim().max(200, { error: 'at most 200 characters' });

/** Every visible string of the widget except the question (widget/src/texts.ts); empty = the default. */
export const pollTextsSchema = z
  .object({
    low: label,
    high: label,
    comment: label,
    send: label,
    never: label,
    close: label,
    thanks: label,
  })
  .partial();

export const pollSettingsSchema = z.object({
  enabled: z.boolean(),
  question: label,
  scale: z.number().int().min(SCALE_MIN).max(SCALE_MAX),
  /** Share of visitors who can be asked at all. */
  sampleRate: z.number().min(0).max(1),
  cooldownDays: z.number().min(0).max(3650),
  triggers: z
    .array(z.enum(['pageviews', 'slow']))
    .max(4)
    .transform((t) => [...new Set(t)]),
  pageViews: z.number().int().min(1).max(1000),
  slowMs: z.number().int().min(50).max(60_000),
  /** Share of ordinary interactions asked as 'control' beside the slow ones. */
  controlRate: z.number().min(0).max(1),
  /** Releases the poll runs on; empty = every release. */
  releases: z.array(z.string().trim().min(1).max(MAX_RELEASE)).max(50),
  texts: pollTextsSchema,
});

export type PollSettings = z.output<typeof pollSettingsSchema>;
export type PollTextsInput = z.output<typeof pollTextsSchema>;

export const DEFAULT_POLL_SETTINGS: PollSettings = {
  enabled: true,
  question: '',
  scale: 5,
  sampleRate: 1,
  cooldownDays: 7,
  triggers: [],
  pageViews: 5,
  slowMs: 1000,
  controlRate: 0.02,
  releases: [],
  texts: {},
};

const capitalised = (name: string) => name[0].toUpperCase() + name.slice(1);

/**
 * The settings in the shape of the widget's script dataset (`data-sample` -> `sample`), which is
 * what GET /api/v1/feedback/config returns: the widget spreads its own data-* attributes over it, so
 * the page's attributes still win. A poll that is off, or not meant for the page's `release`, is sent
 * as "sample nobody, no triggers" (ask({ force: true }) from the page's own button still works). Empty
 * texts are left out (the widget's default applies).
 */
export function widgetDataset(s: PollSettings, release?: string): Record<string, string> {
  const runs = s.enabled && (s.releases.length === 0 || (release !== undefined && s.releases.includes(release)));
  const data: Record<string, string> = {
    scale: String(s.scale),
    sample: String(runs ? s.sampleRate : 0),
    cooldownDays: String(s.cooldownDays),
    trigger: runs ? s.triggers.join(' ') : '',
    pageviews: String(s.pageViews),
    slowMs: String(s.slowMs),
    controlRate: String(s.controlRate),
  };
  if (s.question) data.textQuestion = s.question;
  for (const [name, value] of Object.entries(s.texts)) if (value) data[`text${capitalised(name)}`] = value;
  return data;
}
