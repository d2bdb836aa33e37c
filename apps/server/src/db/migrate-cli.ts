import { loadConfig } from '../config.js';
import { resolveDatabase } from './database.js';
import { migrate } from './migrate.js';
import { createPool } from './pool.js';

const log = (line: string) => console.log(`[accord] ${line}`);
const target = await resolveDatabase(loadConfig(), log);
const db = createPool(target.url);
const applied = await migrate(db, log);
log(applied.length ? `applied ${applied.length} migration(s)` : 'the database is up to date');
await db.end();
await target.stop();
