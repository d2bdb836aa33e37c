import { daysBetween, reportCycleStart, todayInVietnam, type Side, type Task, type WrittenEntryKind } from '@accord/domain';
import type { Db } from '../db/pool.js';
import { canOnTask, loadAgreementAccess } from '../modules/access/access.service.js';
import { findAgreementFacts } from '../modules/access/access.repository.js';
import type { Viewer } from '../modules/access/viewer.js';
import * as agreementService from '../modules/agreements/agreement.service.js';
import { hasCountedSubtasks } from '../modules/tasks/task.repository.js';
import * as taskService from '../modules/tasks/task.service.js';
import * as thread from '../modules/thread/thread.service.js';
import * as fileService from '../modules/files/files.service.js';
import type { FileStorage } from '../storage/file-storage.js';
import { demoPdf, demoPng } from './demo-files.js';

/**
 * The threads of the demo: on tasks in progress, the lead unit reports (a month ago, and again in or just before the current reporting cycle),
 * the other side asks something of it, a leader gives a direction, a side keeps an internal note —
 * each through the same service a user's request goes through, dated in the past.
 */

const reports = [
  'Đã hoàn thành khảo sát hiện trạng tại các đơn vị; đang xây dựng phương án kỹ thuật chi tiết.',
  'Đã ký hợp đồng với nhà thầu, đang triển khai cài đặt tại các điểm thí điểm.',
  'Đã tổ chức tập huấn cho cán bộ đầu mối; một số đơn vị chưa cử người tham gia.',
  'Đã chuyển đổi xong phần lớn dữ liệu; còn một số hồ sơ giấy cần số hóa bổ sung.',
  'Hệ thống đã chạy thử; đang khắc phục các lỗi ghi nhận trong quá trình vận hành thử.',
];
const followUps = [
  'Tiếp tục triển khai theo kế hoạch; dự kiến hoàn thành đúng hạn.',
  'Vướng mắc về kinh phí đối ứng đã được tháo gỡ, tiến độ được đẩy nhanh.',
  'Đã hoàn thành thêm các hạng mục chính; đang chuẩn bị hồ sơ bàn giao.',
];
const questions = [
  'Đề nghị đơn vị gửi kèm biên bản kiểm tra và danh sách các điểm đã triển khai.',
  'Đề nghị làm rõ thời điểm kết nối với nền tảng dùng chung của tỉnh.',
  'Bên chúng tôi sẵn sàng hỗ trợ kỹ thuật; đề nghị thống nhất lịch làm việc trong tuần tới.',
];
const directions = [
  'Yêu cầu các đơn vị khẩn trương hoàn thành, báo cáo kết quả trước ngày 15 tháng sau.',
  'Giao Sở Khoa học và Công nghệ chủ trì, phối hợp chặt chẽ với doanh nghiệp để tháo gỡ vướng mắc.',
];
const internalNotes = [
  'Lưu ý nội bộ: nhà thầu phụ đang chậm, cần họp riêng trước khi báo cáo với bên kia.',
  'Nội bộ: đề xuất bổ sung nhân lực cho nhóm triển khai trong quý tới.',
];

/** `days` ago at a morning hour (today: now, so that nothing is written in the future). */
const daysAgo = (days: number) => {
  if (days <= 0) return undefined;
  const date = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${String(8 + (days % 9)).padStart(2, '0')}:30:00+07:00`;
};
const pick = <T>(list: readonly T[], n: number) => list[n % list.length] as T;

interface Party {
  viewer: Viewer;
  side: Side;
  /** Their organisation is itself a party (not a unit below or above one): they speak for it first. */
  direct: boolean;
}

/** The demo's people who are a party to the agreement, with their side in it. */
async function partiesOf(db: Db, agreementId: string, people: readonly Viewer[]): Promise<Party[]> {
  const found: Party[] = [];
  const facts = await findAgreementFacts(db, agreementId);
  const partyOrgs = new Set(facts?.parties.map((p) => p.organisationId));
  for (const viewer of people) {
    const access = await loadAgreementAccess(db, viewer, agreementId, 'agreement.read').catch(() => null);
    if (access?.side) found.push({ viewer, side: access.side, direct: partyOrgs.has(viewer.user.organisation.id) });
  }
  return found.sort((a, b) => Number(b.direct) - Number(a.direct));
}

const facts = (t: Task) => ({ obligor: t.obligor, leadUnitId: t.leadUnit?.id ?? null });

/** Threads on the agreement's tasks in progress (every other one), written by its people. */
export async function converse(
  db: Db,
  admin: Viewer,
  agreementId: string,
  taskIds: readonly string[],
  people: readonly Viewer[],
  /** Where the evidence the reports bring is kept; none: the reports bring none. */
  files?: { storage: FileStorage; maxBytes: number },
) {
  const parties = await partiesOf(db, agreementId, people);
  const { reportCadence } = await agreementService.getAgreement(db, admin, agreementId);
  const today = todayInVietnam();
  const daysIntoCycle = daysBetween(reportCycleStart(reportCadence, today), today);
  const mayOn = (t: Task, op: 'entry.report' | 'entry.comment' | 'entry.direct') =>
    parties.filter((p) => canOnTask(p.viewer, p.side, facts(t), op));
  let n = 0;
  for (const id of taskIds) {
    const task = await taskService.getTask(db, admin, agreementId, id);
    if (task.status === 'not_started' || task.state !== 'open' || task.deliveredOn !== null) continue;
    n += 1;
    if (n % 2 === 0) continue;
    // Unit officers of the lead unit first, then its side's coordinators.
    const reporters = mayOn(task, 'entry.report').sort(
      (a, b) => Number(b.viewer.user.role === 'unit_officer') - Number(a.viewer.user.role === 'unit_officer'),
    );
    const reporter = reporters[0];
    if (!reporter) continue;
    const rolledUp = await hasCountedSubtasks(db, task.id);
    /** `who` writes in this task's thread, `days` ago; a report on a task of its own carries `progress`. */
    const say = (
      who: Party | undefined,
      kind: WrittenEntryKind,
      days: number,
      body: string,
      more: { progress?: number; internal?: boolean; mentions?: string[]; fileIds?: string[] } = {},
    ) =>
      who &&
      thread.postEntry(
        db,
        who.viewer,
        agreementId,
        id,
        kind,
        {
          body,
          internal: more.internal ?? false,
          mentions: more.mentions ?? [],
          fileIds: more.fileIds ?? [],
          ...(kind === 'report' && !rolledUp && more.progress !== undefined ? { progress: more.progress } : {}),
        },
        daysAgo(days),
      );
    const { displayName, id: reporterId } = reporter.viewer.user;
    await say(reporter, 'report', 34 + (n % 5), pick(reports, n), { progress: Math.max(0, Math.round((task.progress - 15) / 5) * 5) });
    const other = mayOn(task, 'entry.comment').find((p) => p.side !== reporter.side && p.viewer.user.role === 'coordinator');
    await say(other, 'comment', 20 + (n % 4), `@${displayName} ${pick(questions, n)}`, { mentions: [reporterId] });
    if (n % 3 === 1) {
      const leaders = mayOn(task, 'entry.direct');
      await say(leaders.find((p) => p.side === 'government') ?? leaders[0], 'direction', 15, pick(directions, n));
    }
    if (n % 4 === 1) {
      const colleague = mayOn(task, 'entry.comment').find((p) => p.side === reporter.side && p.viewer.user.role === 'coordinator');
      await say(colleague, 'comment', 10, pick(internalNotes, n), { internal: true });
    }
    // The latest report brings the progress back to where the sources put it: for two tasks in
    // three within the current reporting cycle, the third a few days earlier (which, early in a
    // cycle, leaves it not reported yet this cycle, as happens).
    const latest = n % 3 === 0 ? 3 + (n % 6) : Math.min(1 + (n % 6), daysIntoCycle);
    // Every other thread's latest report brings its evidence: the report as a PDF, and on some a site photo.
    const fileIds: string[] = [];
    if (files && n % 4 === 1) {
      const upload = (name: string, body: Buffer) =>
        fileService
          .uploadFile(db, files.storage, reporter.viewer, agreementId, id, name, body, files.maxBytes)
          .then((f) => fileIds.push(f.id));
      await upload(
        `Báo cáo tiến độ ${task.code ?? ''}.pdf`.replace(/\s+\.pdf$/, '.pdf'),
        demoPdf([
          `Bao cao tien do: ${task.code ?? ''} ${task.title}`,
          `Don vi: ${reporter.viewer.user.organisation.name}`,
          `Tien do: ${task.progress}%`,
          pick(followUps, n),
        ]),
      );
      if (n % 8 === 1)
        await upload(
          'Ảnh hiện trường.png',
          demoPng(320, 200, [
            [135, 190, 235],
            [90, 160, 90],
            [70, 110, 170],
          ]),
        );
    }
    await say(reporter, 'report', latest, pick(followUps, n), { progress: task.progress, fileIds });
  }
}
