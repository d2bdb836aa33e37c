import type { Rng } from '../prng.js';

/** The legal bases agreements cite, each with the day it was issued (an agreement cites only earlier ones). */
export const legalBases: { text: string; since: string }[] = [
  {
    text: 'Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030',
    since: '2020-06-03',
  },
  {
    text: 'Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021–2025, định hướng đến năm 2030',
    since: '2021-06-15',
  },
  {
    text: 'Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia',
    since: '2022-01-06',
  },
  {
    text: 'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    since: '2024-12-22',
  },
  { text: 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh', since: '2025-06-12' },
];

/** 'Thỏa thuận hợp tác về chuyển đổi số giai đoạn 2025–2030 giữa UBND tỉnh X và Tập đoàn Y' */
export function agreementTitle(
  rng: Rng,
  a: { kind: 'agreement' | 'mou'; from: number; to: number; government: string; enterprise: string },
): string {
  const period = `giai đoạn ${a.from}–${a.to}`;
  if (a.kind === 'mou') return `Biên bản ghi nhớ hợp tác về chuyển đổi số ${period} giữa ${a.government} và ${a.enterprise}`;
  const subject = rng.pick([
    'về chuyển đổi số',
    'về chuyển đổi số',
    'chiến lược về chuyển đổi số',
    'chiến lược về chuyển đổi số toàn diện',
    'về viễn thông, công nghệ thông tin và chuyển đổi số',
    'chiến lược về viễn thông và công nghệ thông tin',
  ]);
  return rng.chance(0.7)
    ? `Thỏa thuận hợp tác ${subject} ${period} giữa ${a.government} và ${a.enterprise}`
    : `Thỏa thuận hợp tác ${subject} giữa ${a.government} và ${a.enterprise} ${period}`;
}

/** A few sentences on the agreement's aim and contents. */
export function agreementSummary(rng: Rng, a: { government: string; enterprise: string; from: number; to: number }): string {
  const aims = [
    `Hai bên phát huy tối đa thế mạnh, huy động nguồn lực tổng hợp để ${a.government.replace(/^UBND /, '')} đi đầu trong chuyển đổi số toàn diện.`,
    `Thỏa thuận nhằm xây dựng chính quyền số, phát triển kinh tế số, xã hội số và mở rộng ứng dụng công nghệ số trong các lĩnh vực trọng điểm giai đoạn ${a.from}–${a.to}.`,
    `${a.enterprise} đồng hành cùng địa phương, biến công nghệ thành thành quả cụ thể trong phát triển kinh tế – xã hội.`,
  ];
  const ways = [
    'Nội dung hợp tác được triển khai thống nhất, thông suốt đến các cấp, các ngành và đơn vị thành viên của mỗi bên.',
    'Hai bên tạo điều kiện cho nhau trong rà soát, đề xuất và tổ chức thực hiện; cung cấp, trao đổi thông tin ngay và thường xuyên.',
    'Các nhiệm vụ phải có sản phẩm cụ thể, đo đếm được, làm nhanh và bảo đảm chất lượng; thực hiện theo nguyên tắc "5 rõ".',
  ];
  const contents =
    'Nội dung hợp tác gồm: phát triển hạ tầng số; chính quyền số; kinh tế số; xã hội số; bảo đảm an toàn thông tin và phát triển nguồn nhân lực.';
  return [rng.pick(aims), rng.pick(ways), ...(rng.chance(0.6) ? [contents] : [])].join(' ');
}

export const provinceSignatoryTitles = ['Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Phó Chủ tịch Thường trực UBND'];
