import { foldForSearch } from '@accord/domain';
import type { FastifyReply } from 'fastify';

/**
 * A Content-Disposition that names a download safely (RFC 6266, RFC 8187): an ASCII fallback
 * with every other character replaced, and the name as written, percent-encoded in UTF-8.
 */
export function attachmentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const unsafe = (c: string) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '"' || c === '\\' || c === '/';
  const printable = Array.from(filename.normalize('NFC'), (c) => (unsafe(c) ? ' ' : c)).join('');
  const name = printable.replace(/\s+/g, ' ').trim().slice(0, 180) || 'download';
  const ascii = foldForSearch(name).replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a file the user asked for: never cached by a shared cache, never sniffed as another type. */
export function sendDownload(
  reply: FastifyReply,
  file: { filename: string; contentType: string; body: Buffer; inline?: boolean },
): FastifyReply {
  return (
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentDisposition(file.filename, file.inline ? 'inline' : 'attachment'))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      // Whatever a file holds, it runs nothing in this origin if opened.
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .send(file.body)
  );
}
