import { reportingEntryKinds, type Side } from '@accord/domain';
import { usersAbove } from '../actors.js';
import type { Generator as DatasetGenerator } from '../context.js';
import type { CopyRow } from '../copy.js';
import type { Rng } from '../prng.js';
import type { AgreementEntry, DatasetRegistry, ReportEntry, TaskEntry, UserEntry } from '../registry.js';
import { clamp, isoTime, officeTime } from '../time.js';

/**
 * The threads of the tasks under way: progress reports, comments (one in ten internal to the
 * writer's side) and leaders' directions, about 500,000 at national scale, dated between the day
 * a task started and the day it was delivered (or today). One task of the largest agreement gets
 * a long thread, 200 entries, for the thread scenario. Each entry's id comes from a stream of its
 * own (drawing it changes none of the entries' other values), and the reports are registered for
 * the evidence files that come with them (generators/files.ts).
 */

const TOTAL_AT_SCALE_1 = 500_000;
export const LONG_THREAD = 200;

const reportTexts = [
  'Đã hoàn thành khảo sát hiện trạng; đang xây dựng phương án kỹ thuật.',
  'Đã triển khai tại các điểm thí điểm, đang khắc phục lỗi phát sinh.',
  'Đã tập huấn cho cán bộ đầu mối của các đơn vị.',
  'Đã chuyển đổi phần lớn dữ liệu; còn hồ sơ giấy cần số hóa bổ sung.',
  'Tiếp tục triển khai theo kế hoạch, dự kiến hoàn thành đúng hạn.',
];
const comments = [
  'Đề nghị gửi kèm biên bản kiểm tra và danh sách điểm đã triển khai.',
  'Đề nghị làm rõ thời điểm kết nối với nền tảng dùng chung của tỉnh.',
  'Bên chúng tôi sẵn sàng hỗ trợ kỹ thuật trong tuần tới.',
  'Đã nhận được báo cáo, sẽ phản hồi sau khi kiểm tra.',
];
const internalNotes = ['Nội bộ: nhà thầu phụ đang chậm, cần họp riêng.', 'Nội bộ: đề xuất bổ sung nhân lực cho nhóm triển khai.'];
const directions = [
  'Yêu cầu khẩn trương hoàn thành, báo cáo kết quả trước hạn.',
  'Giao đơn vị chủ trì phối hợp chặt chẽ để tháo gỡ vướng mắc.',
];

interface People {
  writers: Record<Side, UserEntry[]>;
  leaders: UserEntry[];
}

/** Who writes in an agreement's threads: its parties' coordinators and unit officers, and its leaders. */
function peopleOf(data: DatasetRegistry, a: AgreementEntry): People {
  const writers: Record<Side, UserEntry[]> = { government: [], enterprise: [] };
  const leaders: UserEntry[] = [];
  for (const p of a.parties) {
    writers[p.side].push(...usersAbove(data, p.org.id, 'coordinator'));
    leaders.push(...usersAbove(data, p.org.id, 'leader'));
  }
  return { writers, leaders };
}

const COLUMNS = [
  'id',
  'agreement_id',
  'task_id',
  'kind',
  'author_id',
  'author_org_id',
  'author_side',
  'audience_side',
  'body',
  'progress',
  'created_at',
];

function* threadOf(rng: Rng, t: TaskEntry, count: number, people: People, today: number, reports: ReportEntry[]): Generator<CopyRow> {
  const ids = rng.fork('ids');
  const start = t.startedOn ?? t.startDate ?? today;
  const end = Math.max(start, Math.min(today, t.deliveredOn ?? today));
  const days = Array.from({ length: count }, () => start + rng.int(end - start + 1)).sort((x, y) => x - y);
  const owing: Side = t.obligor === 'enterprise' ? 'enterprise' : 'government';
  const reporters = people.writers[owing];
  const others = people.writers[owing === 'government' ? 'enterprise' : 'government'];
  let reported = 0;
  for (const [i, day] of days.entries()) {
    const id = ids.uuid();
    const time = officeTime(day, rng.next());
    const at = isoTime(time);
    const roll = rng.next();
    if (roll < 0.08 && people.leaders.length > 0) {
      const leader = rng.pick(people.leaders);
      yield [id, t.agreement.id, t.id, 'direction', leader.id, leader.organisationId, leader.side, null, rng.pick(directions), null, at];
    } else if (roll < 0.55 && reporters.length > 0) {
      const author = rng.pick(reporters);
      // Reports climb towards where the task is now.
      reported = clamp(Math.round(((i + 1) / count) * t.progress), reported, 100);
      reports.push({ id, task: t, authorId: author.id, at: time });
      yield [id, t.agreement.id, t.id, 'report', author.id, author.organisationId, author.side, null, rng.pick(reportTexts), reported, at];
    } else {
      const pool = others.length > 0 && rng.chance(0.6) ? others : reporters.length > 0 ? reporters : others;
      if (pool.length === 0) continue;
      const author = rng.pick(pool);
      const internal = rng.chance(0.1);
      const body = internal ? rng.pick(internalNotes) : rng.pick(comments);
      yield [
        id,
        t.agreement.id,
        t.id,
        'comment',
        author.id,
        author.organisationId,
        author.side,
        internal ? author.side : null,
        body,
        null,
        at,
      ];
    }
  }
}

export const threadsGenerator: DatasetGenerator = {
  name: 'threads',
  dependsOn: ['users', 'agreements', 'plans'],
  tables: ['task_entries'],
  async generate(ctx) {
    const { data, rng, today } = ctx;
    const started = data.tasks.filter((t) => t.startedOn !== null && t.state !== 'cancelled');
    if (started.length === 0) return;
    const largest = data.agreements.reduce((best, a) => (a.tasks.length > best.tasks.length ? a : best));
    const long = started.find((t) => t.agreement === largest) ?? started[0];
    const mean = Math.max(1, (TOTAL_AT_SCALE_1 * ctx.scale) / started.length);
    const people = new Map<AgreementEntry, People>();
    function* rows(): Generator<CopyRow> {
      for (const t of started) {
        let who = people.get(t.agreement);
        if (!who) {
          who = peopleOf(data, t.agreement);
          people.set(t.agreement, who);
        }
        const count = t === long ? LONG_THREAD : Math.max(1, Math.round(mean * rng.between(0.3, 1.7)));
        yield* threadOf(rng.fork(t.id), t, count, who, today, data.reports);
      }
    }
    const n = await ctx.copy('task_entries', COLUMNS, rows());
    // Each task's last report shared with both sides, as the app keeps it (the stale flag reads it).
    await ctx.query(
      `UPDATE tasks t SET last_reported_at = r.at
       FROM (SELECT task_id, max(created_at) AS at FROM task_entries
             WHERE kind = ANY($1::text[]) AND audience_side IS NULL AND deleted_at IS NULL GROUP BY task_id) r
       WHERE r.task_id = t.id`,
      [reportingEntryKinds],
    );
    ctx.log(`threads: ${n} entries`);
  },
};
