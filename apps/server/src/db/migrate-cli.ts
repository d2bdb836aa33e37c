import { loadConfig } from '../config.js';
import { resolveDatabase } from './database.js';
import { migrate } from './migrate.js';
import { createPool } from './pool.js';

const log = (line: string) => console.log(`[accord] ${line}`);
// A tool: it uses the embedded PostgreSQL a running server owns, and leaves it running.
const target = await resolveDatabase(loadConfig(), log, { role: 'tool', label: 'npm run db:migrate' });
const db = createPool(target.url);
const applied = await migrate(db, log);
log(applied.length ? `applied ${applied.length} migration(s)` : 'the database is up to date');
await db.end();
await target.stop();
