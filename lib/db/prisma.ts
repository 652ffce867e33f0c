import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { db } from './pool';

// The one Prisma client of the process, sharing the pg pool (formbricks keeps its client in one file too).
const holder = globalThis as typeof globalThis & { __tailwatchPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  holder.__tailwatchPrisma ??= new PrismaClient({ adapter: new PrismaPg(db()) });
  return holder.__tailwatchPrisma;
}
