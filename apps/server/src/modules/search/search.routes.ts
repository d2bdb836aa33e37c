import { searchQuery, searchResultSchema } from '@accord/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/pool.js';
import { requireUser } from '../../http/session.js';
import * as service from './search.service.js';

/** Search across agreements and tasks; read-only, so `db` may be a read replica. */
export function searchRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Agreements and tasks containing every word of q, without regard to diacritics or case ("ca mau" finds "Cà Mau")',
          querystring: searchQuery,
          response: { 200: searchResultSchema },
        },
      },
      async (request) => service.search(db, requireUser(request), request.query),
    );
  };
}
