import pino from 'pino';

// Structured JSON logs; request handlers make children carrying requestId and projectId.
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'tailwatch' },
  timestamp: pino.stdTimeFunctions.isoTime,
});
