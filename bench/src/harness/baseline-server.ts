/**
 * The two baselines the harness compares Accord's endpoints with, in a process of its own:
 * - GET /bare/json: a Fastify route answering a constant JSON object (the framework's ceiling);
 * - GET /bare/sql/:name: the SQL statements an endpoint runs, registered by the harness, run
 *   bare through the `pg` driver with the same pool size, the rows sent back as JSON — no
 *   session, no access checks, no validation: what the endpoint would cost with nothing else.
 */
import Fastify from 'fastify';
import pg from 'pg';

interface Statement {
  text: string;
  values: unknown[];
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
const registered = new Map<string, Statement[]>();

const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
app.get('/bare/json', async () => ({ status: 'ok', items: [{ id: 1, title: 'Thỏa thuận hợp tác' }] }));
app.put<{ Params: { name: string }; Body: Statement[] }>('/bare/sql/:name', async (request, reply) => {
  registered.set(request.params.name, request.body);
  return reply.status(204).send();
});
app.get<{ Params: { name: string } }>('/bare/sql/:name', async (request, reply) => {
  const statements = registered.get(request.params.name);
  if (!statements) return reply.status(404).send({ error: 'not registered' });
  // Like the endpoints: a page and its count run side by side.
  const results = await Promise.all(statements.map((s) => pool.query(s.text, s.values)));
  return results.map((r) => r.rows);
});
app.get('/bare/health', async () => ({ ok: true }));

await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
