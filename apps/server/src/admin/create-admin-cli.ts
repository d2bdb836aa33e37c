/**
 * `npm run admin:create -- --email <e-mail> --name "<full name>" --organisation "<organisation>" [--kind province]`
 *
 * Makes an administrator on the database Accord is configured with (DATABASE_URL, or the embedded
 * PostgreSQL), applying pending migrations first. The password is typed twice without being shown
 * (or, when standard input is not a terminal, read from its first line), never given as an argument,
 * so that it stays out of the shell's history and the process list.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { resolveDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { AdminRefused, createAdmin } from './create-admin.js';

const log = (line: string) => console.log(`[accord] ${line}`);

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  const first = await askHidden('Password (at least 12 characters): ');
  const second = await askHidden('The same password again: ');
  if (first !== second) throw new AdminRefused('The two passwords differ; nothing was changed.');
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' }, kind: { type: 'string' } },
  });
  if (!values.email || !values.name || !values.organisation) {
    console.error('Usage: npm run admin:create -- --email <e-mail> --name "<full name>" --organisation "<organisation>" [--kind province]');
    return 2;
  }
  const password = await readPassword();
  const config = loadConfig();
  const target = await resolveDatabase(config, log, { role: 'tool', label: 'npm run admin:create' });
  const db = createPool(target.url, 2);
  try {
    await migrate(db, log);
    const made = await createAdmin(db, {
      email: values.email,
      displayName: values.name,
      organisation: values.organisation,
      kind: (values.kind ?? 'province') as 'province',
      password,
    });
    log(
      `administrator ${values.email.toLowerCase()} created${made.organisationCreated ? `, with the organisation "${values.organisation}"` : ''}`,
    );
    log('sign in with that e-mail and the password you typed; change it any time under "Account and password"');
    return 0;
  } catch (error) {
    if (error instanceof AdminRefused) {
      console.error(`[accord] admin:create refused: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.end();
    await target.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('[accord] admin:create failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
