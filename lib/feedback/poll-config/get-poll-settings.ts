import { prisma } from '../../db/prisma';
import { DEFAULT_POLL_SETTINGS, type PollSettings, pollSettingsSchema, pollTextsSchema } from './poll-settings';

export interface StoredPollSettings {
  settings: PollSettings;
  /** null = never saved: the defaults apply. */
  updatedAt: Date | null;
}

/** The project's poll settings, or the defaults when none were saved. */
export async function getPollSettings(projectId: number): Promise<StoredPollSettings> {
  const row = await prisma().pollConfig.findUnique({ where: { projectId } });
  if (!row) return { settings: DEFAULT_POLL_SETTINGS, updatedAt: null };
  const texts = pollTextsSchema.safeParse(row.texts);
  // A row that no longer passes the schema (limits tightened later) falls back field by field.
  const parsed = pollSettingsSchema.safeParse({ ...row, texts: texts.success ? texts.data : {} });
  return {
    settings: parsed.success ? parsed.data : { ...DEFAULT_POLL_SETTINGS, enabled: row.enabled },
    updatedAt: row.updatedAt,
  };
}
