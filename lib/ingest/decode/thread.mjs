// Entry of a decode thread: registers tsx, then loads the TypeScript. A thread started from vitest has no
// TypeScript loader at all, and on Node 20 a worker of `node --import tsx server.ts` did not load .ts files
// in a test here either; registering again where it is already loaded costs only start-up time.
import { register } from 'tsx/esm/api';

register();
await import('./thread-main.ts');
