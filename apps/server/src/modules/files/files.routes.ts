import { contracts, isPreviewable } from '@accord/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/pool.js';
import { acceptFileBytes } from '../../http/body.js';
import { sendDownload } from '../../http/download.js';
import { route } from '../../http/route.js';
import type { FileStorage } from '../../storage/file-storage.js';
import * as service from './files.service.js';

/**
 * Evidence files. An upload's body is the file's bytes, whatever Content-Type the browser gives
 * (it is not believed: the type is worked out from the bytes), up to the configured size.
 */
export function fileRoutes(db: Db, storage: FileStorage, maxBytes: number): FastifyPluginAsync {
  return async (app) => {
    acceptFileBytes(app);
    route(
      app,
      contracts.uploadFile,
      ({ viewer, params, query, request }) =>
        service.uploadFile(db, storage, viewer, params.id, params.taskId, query.name, request.body as Buffer | undefined, maxBytes),
      { bodyLimit: maxBytes },
    );
    route(app, contracts.downloadFile, async ({ viewer, params, query, reply }) => {
      const { file, body } = await service.downloadFile(db, storage, viewer, params.id, params.taskId, params.fileId);
      const inline = query.disposition === 'inline' && isPreviewable(file.mediaType);
      return sendDownload(reply, { filename: file.name, contentType: file.mediaType, body, inline });
    });
    route(app, contracts.deletePendingFile, ({ viewer, params }) =>
      service.deletePendingFile(db, storage, viewer, params.id, params.taskId, params.fileId),
    );
  };
}
