import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import {
  buildAgreement,
  buildOrganisation,
  buildUser,
  errorCode,
  signInAs,
  startTestApp,
  type Client,
  type TestContext,
} from './support.js';

// Evidence files: the type from the bytes, the SHA-256 checked on every download, the name sent
// back safely, who may read each file, the quota; on a folder and on an S3-compatible server.

const fixtures = path.join(import.meta.dirname, 'fixtures/evidence');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface EvidenceFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  entryId: string | null;
}

/** An agreement between a province and a group, its people, and a task of the province led by a department. */
async function world(ctx: TestContext) {
  const provinceId = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
  const deptId = (await buildOrganisation(ctx.db, { kind: 'department', parentId: provinceId })).id;
  const groupId = (await buildOrganisation(ctx.db, { kind: 'enterprise_group' })).id;
  const otherProvince = (await buildOrganisation(ctx.db, { kind: 'province' })).id;
  const agreementId = (
    await buildAgreement(ctx.db, {
      parties: [
        { organisationId: provinceId, side: 'government' },
        { organisationId: groupId, side: 'enterprise' },
      ],
    })
  ).id;
  const as = async (role: Parameters<typeof buildUser>[1]['role'], org: string) =>
    signInAs(ctx.app, (await buildUser(ctx.db, { role, organisationId: org })).email);
  const people = {
    coordinator: await as('coordinator', provinceId),
    colleague: await as('coordinator', provinceId),
    officer: await as('unit_officer', deptId),
    partner: await as('coordinator', groupId),
    observer: await as('observer', otherProvince),
    outsider: await as('coordinator', otherProvince),
  };
  const url = (p = '') => `/api/agreements/${agreementId}${p}`;
  const area = await people.coordinator.post(url('/areas'), { title: 'Chính quyền số', theme: 'digital_government' });
  const task = await people.coordinator.post(url('/tasks'), {
    areaId: (area.json() as { id: string }).id,
    title: 'Số hoá hồ sơ',
    obligor: 'government',
    leadUnitId: deptId,
  });
  const taskId = (task.json() as { id: string }).id;
  return { agreementId, taskId, people, url, files: url(`/tasks/${taskId}/files`) };
}

function upload(ctx: TestContext, who: Client, filesUrl: string, name: string, body: Buffer, type = 'application/octet-stream') {
  return ctx.app.inject({
    method: 'POST',
    url: `${filesUrl}?name=${encodeURIComponent(name)}`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': type },
    payload: body,
  });
}

describe('evidence files in a folder', () => {
  let ctx: TestContext;
  let w: Awaited<ReturnType<typeof world>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-files-'));
  beforeAll(async () => {
    ctx = await startTestApp({ files: { ...loadConfig({}).files, dir, maxBytes: 64 * 1024 } });
    w = await world(ctx);
  });
  afterAll(async () => {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes each kind of evidence, its type worked out from its bytes, with its SHA-256', async () => {
    const kinds: [string, string][] = [
      ['bien-ban.pdf', 'application/pdf'],
      ['so-do.png', 'image/png'],
      ['anh-hien-truong.jpg', 'image/jpeg'],
      ['bieu-tuong.gif', 'image/gif'],
      ['anh.webp', 'image/webp'],
      ['bao-cao.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['so-lieu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['trinh-bay.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['bao-cao-cu.doc', 'application/x-cfb'],
      ['ho-so.zip', 'application/zip'],
    ];
    for (const [name, type] of kinds) {
      const body = fixture(name);
      // The browser's claim is not believed: every file is sent as a PDF here.
      const res = await upload(ctx, w.people.officer, w.files, name, body, 'application/pdf');
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ name, mediaType: type, size: body.length, sha256: sha256(body), entryId: null });
    }
  });

  it('refuses a file that lies about its type, an empty one and one too large, and stores nothing', async () => {
    const before = fs.readdirSync(dir, { recursive: true }).length;
    for (const [name, type] of [
      ['lie-program.pdf', 'application/pdf'],
      ['lie-page.png', 'image/png'],
      ['lie-text.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['lie-macro.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const res = await upload(ctx, w.people.officer, w.files, name, fixture(name), type);
      expect(res.statusCode, name).toBe(415);
      expect(errorCode(res)).toBe('FILE_TYPE_NOT_ALLOWED');
    }
    const empty = await upload(ctx, w.people.officer, w.files, 'rong.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('"field":"file"');
    const big = await upload(ctx, w.people.officer, w.files, 'lon.pdf', Buffer.concat([fixture('bien-ban.pdf'), Buffer.alloc(70 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(errorCode(big)).toBe('PAYLOAD_TOO_LARGE');
    const badName = await upload(ctx, w.people.officer, w.files, '../../etc/passwd', fixture('bien-ban.pdf'));
    expect(badName.statusCode).toBe(400);
    expect(fs.readdirSync(dir, { recursive: true }).length).toBe(before);
  });

  it('keeps a file for its uploader until an entry carries it; then whoever sees the entry downloads it, checked', async () => {
    const body = fixture('bien-ban.pdf');
    const name = 'Biên bản nghiệm thu "đợt 1".pdf';
    const up = (await upload(ctx, w.people.officer, w.files, name, body)).json() as EvidenceFile;
    const fileUrl = `${w.files}/${up.id}`;
    expect((await w.people.officer.get(fileUrl)).statusCode).toBe(200);
    // Not posted yet: nobody else, not even a colleague of the same side.
    for (const who of [w.people.colleague, w.people.partner, w.people.observer]) expect((await who.get(fileUrl)).statusCode).toBe(404);

    const report = await w.people.officer.post(w.url(`/tasks/${w.taskId}/reports`), {
      body: 'Đã nghiệm thu đợt 1.',
      progress: 50,
      fileIds: [up.id],
    });
    expect(report.statusCode, report.body).toBe(201);
    const entry = (report.json() as { entry: { id: string; version: number; files: EvidenceFile[] } }).entry;
    expect(entry.files).toEqual([expect.objectContaining({ id: up.id, name, entryId: entry.id })]);

    for (const who of [w.people.colleague, w.people.partner, w.people.observer]) {
      const res = await who.get(fileUrl);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(body)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      // RFC 6266: an ASCII fallback, and the name as written (its double quotes made spaces) in UTF-8.
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="bien ban nghiem thu dot 1 .pdf"; filename*=UTF-8''${encodeURIComponent('Biên bản nghiệm thu đợt 1 .pdf')}`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
    expect((await w.people.outsider.get(fileUrl)).statusCode).toBe(404);
    // A PDF is always a download; an image may be shown in the page.
    expect((await w.people.partner.get(`${fileUrl}?disposition=inline`)).headers['content-disposition']).toMatch(/^attachment;/);

    // Posted once: it cannot be posted again, or taken back.
    const again = await w.people.officer.post(w.url(`/tasks/${w.taskId}/comments`), { body: 'Gửi lại', fileIds: [up.id] });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('fileIds.0');
    expect((await w.people.officer.delete(fileUrl)).statusCode).toBe(404);

    // Withdrawn, the entry leaves the thread; its file stays in its history and is still served.
    const del = await w.people.officer.delete(w.url(`/tasks/${w.taskId}/entries/${entry.id}`), { 'if-match': `"${entry.version}"` });
    expect(del.statusCode).toBe(204);
    expect((await w.people.partner.get(fileUrl)).statusCode).toBe(200);
    const history = (await w.people.partner.get(w.url(`/tasks/${w.taskId}/history`))).json() as {
      items: { entityType: string; action: string; changes: { field: string; before: unknown }[] }[];
    };
    const withdrawn = history.items.find((e) => e.entityType === 'entry' && e.action === 'delete');
    expect(withdrawn?.changes.find((c) => c.field === 'files')?.before).toEqual([name]);
  });

  it("an internal entry's files are its side's only; another person's files cannot be posted", async () => {
    const mine = (await upload(ctx, w.people.coordinator, w.files, 'noi-bo.png', fixture('so-do.png'))).json() as EvidenceFile;
    const theirs = (await upload(ctx, w.people.partner, w.files, 'cua-doi-tac.png', fixture('so-do.png'))).json() as EvidenceFile;
    const entries = async () => (await ctx.db.query('SELECT count(*)::int AS n FROM task_entries WHERE task_id = $1', [w.taskId])).rows[0];
    const before = await entries();
    const stolen = await w.people.coordinator.post(w.url(`/tasks/${w.taskId}/comments`), { body: 'Ảnh', fileIds: [mine.id, theirs.id] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.body).toContain('fileIds.1');
    expect(await entries()).toEqual(before);
    // Nothing was posted: the first file still waits for its uploader.
    expect((await w.people.coordinator.get(`${w.files}/${mine.id}`)).statusCode).toBe(200);

    const internal = await w.people.coordinator.post(w.url(`/tasks/${w.taskId}/comments`), {
      body: 'Ảnh nội bộ',
      internal: true,
      fileIds: [mine.id],
    });
    expect(internal.statusCode, internal.body).toBe(201);
    expect((await w.people.colleague.get(`${w.files}/${mine.id}`)).statusCode).toBe(200);
    const inline = await w.people.colleague.get(`${w.files}/${mine.id}?disposition=inline`);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    expect(inline.headers['content-security-policy']).toContain('sandbox');
    for (const who of [w.people.partner, w.people.observer]) expect((await who.get(`${w.files}/${mine.id}`)).statusCode).toBe(404);
  });

  it("a delivery carries its product's evidence; a file not posted can be taken back", async () => {
    const product = (await upload(ctx, w.people.officer, w.files, 'san-pham.zip', fixture('ho-so.zip'))).json() as EvidenceFile;
    const task = (await w.people.officer.get(w.url(`/tasks/${w.taskId}`))).json() as { version: number };
    const delivered = await w.people.officer.post(
      w.url(`/tasks/${w.taskId}/deliver`),
      { note: 'Bàn giao hồ sơ số hoá', fileIds: [product.id] },
      { 'if-match': `"${task.version}"` },
    );
    expect(delivered.statusCode, delivered.body).toBe(200);
    const thread = (await w.people.partner.get(w.url(`/tasks/${w.taskId}/entries`))).json() as {
      items: { kind: string; files: EvidenceFile[] }[];
    };
    expect(thread.items.find((e) => e.kind === 'delivered')?.files.map((f) => f.id)).toEqual([product.id]);

    const draft = (await upload(ctx, w.people.officer, w.files, 'nham.pdf', fixture('bien-ban.pdf'))).json() as EvidenceFile;
    expect((await w.people.partner.delete(`${w.files}/${draft.id}`)).statusCode).toBe(404);
    expect((await w.people.officer.delete(`${w.files}/${draft.id}`)).statusCode).toBe(204);
    expect((await w.people.officer.get(`${w.files}/${draft.id}`)).statusCode).toBe(404);
  });

  it("refuses a file past the agreement's quota, and a stored file that changed since", async () => {
    const body = fixture('bien-ban.pdf');
    const used = Number(
      (await ctx.db.query('SELECT sum(size_bytes)::int AS n FROM task_files WHERE agreement_id = $1', [w.agreementId])).rows[0].n,
    );
    await ctx.db.query('UPDATE agreements SET file_quota_bytes = $2 WHERE id = $1', [w.agreementId, used + body.length + 10]);
    const fits = (await upload(ctx, w.people.officer, w.files, 'vua.pdf', body)).json() as EvidenceFile;
    const over = await upload(ctx, w.people.officer, w.files, 'qua.pdf', body);
    expect(over.statusCode).toBe(409);
    expect(errorCode(over)).toBe('FILE_QUOTA_EXCEEDED');
    await ctx.db.query('UPDATE agreements SET file_quota_bytes = 2147483648 WHERE id = $1', [w.agreementId]);

    const { rows } = await ctx.db.query<{ storage_key: string }>('SELECT storage_key FROM task_files WHERE id = $1', [fits.id]);
    const onDisk = path.join(dir, ...(rows[0] as { storage_key: string }).storage_key.split('/'));
    fs.writeFileSync(onDisk, Buffer.from(body.toString('latin1').replace('nghiem thu', 'NGHIEM THU'), 'latin1'));
    const changed = await w.people.officer.get(`${w.files}/${fits.id}`);
    expect(changed.statusCode).toBe(500);
    expect(errorCode(changed)).toBe('FILE_CORRUPTED');
    expect(changed.body).not.toContain('NGHIEM');
  });
});

describe('evidence files on an S3-compatible server', () => {
  let ctx: TestContext;
  let server: S3rver;
  let w: Awaited<ReturnType<typeof world>>;
  let s3: S3Client;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-s3-'));
  const bucket = 'accord-test';
  beforeAll(async () => {
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
    const { port } = await server.run();
    const settings = {
      bucket,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      prefix: 'accord/',
    };
    s3 = new S3Client({ ...settings, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    ctx = await startTestApp({ files: { ...loadConfig({}).files, storage: 's3', s3: settings } });
    w = await world(ctx);
  });
  afterAll(async () => {
    await ctx.close();
    s3.destroy();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the bytes in the bucket under a generated name, serves them checked, and refuses them once changed', async () => {
    const body = fixture('anh-hien-truong.jpg');
    const up = await upload(ctx, w.people.officer, w.files, 'Ảnh hiện trường.jpg', body, 'image/jpeg');
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json() as EvidenceFile;
    const { rows } = await ctx.db.query<{ storage_key: string }>('SELECT storage_key FROM task_files WHERE id = $1', [file.id]);
    const key = `accord/${(rows[0] as { storage_key: string }).storage_key}`;
    const stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(Buffer.from(await (stored.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()).equals(body)).toBe(
      true,
    );

    await w.people.officer.post(w.url(`/tasks/${w.taskId}/reports`), { body: 'Ảnh hiện trường', fileIds: [file.id] });
    const got = await w.people.partner.get(`${w.files}/${file.id}?disposition=inline`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(body)).toBe(true);
    expect(got.headers['content-disposition']).toMatch(/^inline;/);

    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.concat([body, Buffer.from('x')]) }));
    const changed = await w.people.partner.get(`${w.files}/${file.id}`);
    expect(errorCode(changed)).toBe('FILE_CORRUPTED');
  });

  it('answers 503 when the store is gone, and saves nothing', async () => {
    const count = async () => Number((await ctx.db.query('SELECT count(*)::int AS n FROM task_files')).rows[0].n);
    const before = await count();
    await server.close();
    const res = await upload(ctx, w.people.officer, w.files, 'mat-ket-noi.pdf', fixture('bien-ban.pdf'));
    expect(res.statusCode).toBe(503);
    expect(errorCode(res)).toBe('STORAGE_UNAVAILABLE');
    expect(await count()).toBe(before);
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
    await server.run();
  });
});
