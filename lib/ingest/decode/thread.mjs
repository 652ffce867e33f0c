// Entry of a decode thread. Worker threads do not inherit the parent's TypeScript loader, so the thread
// registers tsx itself before loading its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./thread-main.ts');
