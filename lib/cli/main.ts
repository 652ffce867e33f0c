import { parseArgs } from 'node:util';
import { createUser } from '../auth/users';
import { connectDatabase, type DatabaseHandle } from '../db/connect';
import { closePool, db } from '../db/pool';
import { ApiError } from '../http/api';
import { createProject } from '../projects/create-project';
import { ZodError } from 'zod';

// The CLI's commands. Each returns an exit code: 0 done, 1 failed (or, for verdict, a regression), 2 bad usage.
const HELP = `Usage: tailwatch <command> [options]

Commands:
  admin create --email E --password P          create an admin user
  project create --name N [--owner EMAIL] [--json]
                                               create a project with an ingest key, a public widget key and an
                                               API token; without --owner it belongs to the first admin
  verdict --service S --release R [--baseline B] [--project ID] [--json]
                                               better / worse / no significant change per metric vs the previous
                                               release; exits 1 on a regression (for CI and deploy gates)

Uses DATABASE_URL, else the embedded PostgreSQL of \`npm start\` (started if it is not running).`;

class UsageError extends Error {}

// An embedded server this run started is stopped at the end (stop() leaves one that `npm start` runs alone).
let database: DatabaseHandle | undefined;
async function connect(): Promise<void> {
  database = await connectDatabase();
}

function opts(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

async function adminCreate(argv: string[]): Promise<number> {
  const values = opts(argv, { email: { type: 'string' }, password: { type: 'string' }, json: { type: 'boolean' } });
  const email = required(values, 'email');
  const password = required(values, 'password');
  await connect();
  const user = await createUser({ email, password }, { isAdmin: true });
  console.log(values.json ? JSON.stringify({ userId: user.id, email: user.email }) : `Admin ${user.email} created.`);
  return 0;
}

async function projectCreate(argv: string[]): Promise<number> {
  const values = opts(argv, { name: { type: 'string' }, owner: { type: 'string' }, json: { type: 'boolean' } });
  const name = required(values, 'name');
  if (name.length > 100) throw new UsageError('--name is longer than 100 characters');
  await connect();
  let ownerUserId: string | undefined;
  if (typeof values.owner === 'string') {
    const { rows } = await db().query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      values.owner.trim().toLowerCase(),
    ]);
    if (!rows[0]) throw new Error(`No user with e-mail ${values.owner}`);
    ownerUserId = rows[0].id;
  }
  const p = await createProject({ name, ownerUserId });
  if (values.json) {
    console.log(
      JSON.stringify({ projectId: p.projectId, ingestKey: p.ingestKey, publicKey: p.publicKey, apiToken: p.apiToken }),
    );
  } else {
    console.log(`Project "${p.name}" (id ${p.projectId}) created. Secrets are shown only now:
  ingest key  ${p.ingestKey}
  public key  ${p.publicKey}
  API token   ${p.apiToken}`);
  }
  return 0;
}

async function verdict(argv: string[]): Promise<number> {
  await connect();
  const { runVerdict } = await import('./verdict');
  return runVerdict(argv);
}

export async function main(argv: string[]): Promise<number> {
  const [a, b, ...rest] = argv;
  try {
    if (!a || a === '--help' || a === '-h' || a === 'help') {
      console.log(HELP);
      return a ? 0 : 2;
    }
    if (a === 'admin' && b === 'create') return await adminCreate(rest);
    if (a === 'project' && b === 'create') return await projectCreate(rest);
    if (a === 'verdict') return await verdict(argv.slice(1));
    throw new UsageError(`Unknown command: ${[a, b].filter(Boolean).join(' ')}`);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${HELP}`);
      return 2;
    }
    if (err instanceof ZodError)
      console.error(err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
    else if (err instanceof ApiError) console.error(err.message);
    else console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    await closePool().catch(() => {});
    await database?.embedded?.stop().catch(() => {});
  }
}
