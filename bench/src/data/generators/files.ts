import type { Generator as DatasetGenerator } from '../context.js';
import type { CopyRow } from '../copy.js';
import { evidenceBodies, type EvidenceBody } from '../evidence-bodies.js';
import { EvidenceStore } from '../evidence-store.js';
import { weightedTable } from '../prng.js';
import type { ReportEntry } from '../registry.js';
import { isoTime } from '../time.js';

/**
 * Evidence files on the threads' progress reports: about one report in ten brings one file, or
 * two (one in three of those), about 30,000 at national scale — PDFs, site photos (JPEG), diagrams
 * and screenshots (PNG), Word and Excel documents, uploaded by the report's author minutes before
 * posting it. Their bytes are ten small real files (evidence-bodies.ts): each row's size and
 * SHA-256 are its body's, and its storage key is its own, a hard link to the body in the bench
 * file store (evidence-store.ts), so every file of the dataset downloads and passes its check.
 * No agreement passes its file quota; every agreement with a report has at least one file, so the
 * download scenario has one at any scale.
 */

const SHARE_OF_REPORTS = 0.1;
const SHARE_WITH_TWO = 1 / 3;

const COLUMNS = [
  'id',
  'agreement_id',
  'task_id',
  'entry_id',
  'uploaded_by',
  'name',
  'media_type',
  'size_bytes',
  'sha256',
  'storage_key',
  'created_at',
];

/** The last report of each agreement, in the registry's order. */
function lastReports(reports: readonly ReportEntry[]): Set<ReportEntry> {
  const last = new Map<string, ReportEntry>();
  for (const r of reports) last.set(r.task.agreement.id, r);
  return new Set(last.values());
}

export const filesGenerator: DatasetGenerator = {
  name: 'files',
  dependsOn: ['threads'],
  tables: ['task_files'],
  async generate(ctx) {
    const { data, rng } = ctx;
    const bodies = evidenceBodies();
    const pickBody = weightedTable(bodies.map((b) => [b, b.weight] as const));
    const { rows: quotas } = await ctx.query<{ id: string; quota: string }>('SELECT id, file_quota_bytes::text AS quota FROM agreements');
    const room = new Map(quotas.map((q) => [q.id, Number(q.quota)]));
    const store = EvidenceStore.open(ctx.filesDir, bodies);
    const last = lastReports(data.reports);
    const withFiles = new Set<string>();
    let bytes = 0;
    function* rows(): Generator<CopyRow> {
      for (const report of data.reports) {
        const agreementId = report.task.agreement.id;
        const chosen = rng.chance(SHARE_OF_REPORTS) || (last.has(report) && !withFiles.has(agreementId));
        if (!chosen) continue;
        const first = pickBody(rng);
        const files: EvidenceBody[] = [first];
        if (rng.chance(SHARE_WITH_TWO)) {
          let second = pickBody(rng);
          while (second === first) second = pickBody(rng);
          files.push(second);
        }
        // Uploaded as the report was written, the second file after the first.
        let at = report.at - rng.between(2, 30) * 60_000;
        for (const body of files) {
          const id = rng.uuid();
          const key = `${agreementId}/${rng.uuid()}`;
          at += rng.between(5, 60) * 1000;
          const left = room.get(agreementId) ?? 0;
          if (body.body.length > left) continue;
          room.set(agreementId, left - body.body.length);
          store.place(key, body);
          withFiles.add(agreementId);
          bytes += body.body.length;
          yield [
            id,
            agreementId,
            report.task.id,
            report.id,
            report.authorId,
            body.name,
            body.mediaType,
            body.body.length,
            body.sha256,
            key,
            isoTime(at),
          ];
        }
      }
    }
    const n = await ctx.copy('task_files', COLUMNS, rows());
    ctx.log(
      `${n} files of ${withFiles.size} agreements, ${bytes.toLocaleString('en')} bytes as stored; ` +
        `${store.keys - store.copies} links and ${store.copies} copies of ${bodies.length} bodies, ${store.bytesWritten.toLocaleString('en')} bytes written in ${store.root}`,
    );
  },
};
