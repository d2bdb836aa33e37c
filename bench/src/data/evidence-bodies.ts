import { createHash } from 'node:crypto';
import type { EvidenceMediaType } from '@accord/domain';
import { demoPdf, demoPng } from '../../../apps/server/src/seed/demo-files.js';
import { blockJpeg, excelWorkbook, wordDocument } from './evidence-formats.js';

/**
 * The bytes behind the dataset's evidence files: ten small real files, two of each kind a report
 * brings (PDF, PNG, JPEG, Word, Excel), a few KB each. Every file row names one of them; its size
 * and SHA-256 are these bytes', so a download's check passes.
 */
export interface EvidenceBody {
  mediaType: EvidenceMediaType;
  /** The name a file row gets (as uploaded). */
  name: string;
  body: Buffer;
  sha256: string;
  /** How often a report's file is this one, against the others. */
  weight: number;
}

type Rgb = [number, number, number];

const PDF = 'application/pdf';
const PNG = 'image/png';
const JPEG = 'image/jpeg';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sites = [
  'Trung tâm hành chính công tỉnh',
  'UBND xã Tân Phú',
  'Bệnh viện đa khoa tỉnh',
  'Trường THPT chuyên',
  'Trạm y tế xã Hòa Bình',
];

function minutes(title: string): string[] {
  const lines = [title, 'Thỏa thuận hợp tác về chuyển đổi số giai đoạn 2025–2030', ''];
  sites.forEach((site, i) => {
    lines.push(`${i + 1}. ${site}: đã lắp đặt thiết bị, kết nối đường truyền, kiểm tra vận hành.`);
    lines.push('   Kết quả: đạt yêu cầu; cán bộ đầu mối đã được hướng dẫn sử dụng.');
  });
  lines.push('', 'Kết luận: các hạng mục đã triển khai đúng phương án kỹ thuật được duyệt.');
  lines.push('Đại diện bên A                                Đại diện bên B');
  return lines;
}

/** A site photo as a mosaic: sky above, buildings in the middle, ground below. */
function photo(sky: Rgb, building: Rgb, ground: Rgb): (bx: number, by: number) => Rgb {
  return (bx, by) => {
    if (by < 5) return sky.map((c) => c - by * 6) as Rgb;
    if (by < 11) return (bx + by) % 5 === 0 ? [40, 40, 48] : (building.map((c) => c - ((bx * 7) % 20)) as Rgb);
    return ground.map((c) => c - ((bx + by) % 3) * 8) as Rgb;
  };
}

const pointsRows = (): (string | number)[][] => [
  ['STT', 'Điểm triển khai', 'Đơn vị', 'Ngày hoàn thành', 'Trạng thái'],
  ...Array.from({ length: 40 }, (_, i) => [
    i + 1,
    `${sites[i % sites.length]} — điểm ${i + 1}`,
    i % 2 === 0 ? 'Sở Khoa học và Công nghệ' : 'Chi nhánh tỉnh',
    `${String((i % 28) + 1).padStart(2, '0')}/10/2026`,
    i % 7 === 0 ? 'Đang triển khai' : 'Đã hoàn thành',
  ]),
];

const costRows = (): (string | number)[][] => [
  ['Hạng mục', 'Kinh phí kế hoạch (triệu đồng)', 'Đã giải ngân (triệu đồng)'],
  ...['Hạ tầng mạng', 'Thiết bị đầu cuối', 'Phần mềm dùng chung', 'Đào tạo, tập huấn', 'Số hóa hồ sơ', 'Bảo đảm an toàn thông tin'].map(
    (item, i) => [item, 1200 + i * 350, 800 + i * 210],
  ),
];

function body(mediaType: EvidenceMediaType, name: string, bytes: Buffer, weight: number): EvidenceBody {
  return { mediaType, name, body: bytes, sha256: createHash('sha256').update(bytes).digest('hex'), weight };
}

let made: readonly EvidenceBody[] | undefined;

/** The ten bodies (made once, the same bytes every time). */
export function evidenceBodies(): readonly EvidenceBody[] {
  made ??= [
    body(PDF, 'Biên bản kiểm tra hiện trường.pdf', demoPdf(minutes('BIÊN BẢN KIỂM TRA HIỆN TRƯỜNG')), 20),
    body(PDF, 'Báo cáo tiến độ triển khai.pdf', demoPdf(minutes('BÁO CÁO TIẾN ĐỘ TRIỂN KHAI')), 15),
    body(JPEG, 'Ảnh hiện trường.jpg', blockJpeg(256, 128, photo([150, 195, 235], [200, 180, 150], [90, 140, 70])), 15),
    body(JPEG, 'Ảnh lắp đặt thiết bị.jpg', blockJpeg(256, 128, photo([170, 190, 210], [230, 225, 215], [120, 110, 100])), 10),
    body(
      PNG,
      'Sơ đồ kết nối mạng.png',
      demoPng(480, 270, [
        [245, 245, 245],
        [30, 90, 160],
        [245, 245, 245],
        [200, 60, 50],
      ]),
      5,
    ),
    body(
      PNG,
      'Ảnh chụp màn hình hệ thống.png',
      demoPng(640, 360, [
        [20, 60, 120],
        [250, 250, 250],
        [230, 235, 240],
      ]),
      5,
    ),
    body(DOCX, 'Báo cáo kết quả thực hiện.docx', wordDocument(minutes('BÁO CÁO KẾT QUẢ THỰC HIỆN').filter((l) => l.trim() !== '')), 10),
    body(
      DOCX,
      'Công văn đề nghị phối hợp.docx',
      wordDocument(['CÔNG VĂN ĐỀ NGHỊ PHỐI HỢP', ...sites.map((s) => `Đề nghị ${s} bố trí cán bộ đầu mối phối hợp triển khai.`)]),
      5,
    ),
    body(XLSX, 'Danh sách điểm triển khai.xlsx', excelWorkbook('Danh sách', pointsRows()), 10),
    body(XLSX, 'Bảng tổng hợp kinh phí.xlsx', excelWorkbook('Kinh phí', costRows()), 5),
  ];
  return made;
}
