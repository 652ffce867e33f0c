import { prisma } from '../../db/prisma';
import type { PollSettings } from './poll-settings';
import type { StoredPollSettings } from './get-poll-settings';

/** Creates or replaces the project's poll settings (already validated by pollSettingsSchema). */
export async function savePollSettings(projectId: number, settings: PollSettings): Promise<StoredPollSettings> {
  const row = await prisma().pollConfig.upsert({
    where: { projectId },
    create: { projectId, ...settings },
    update: settings,
  });
  return { settings, updatedAt: row.updatedAt };
}
