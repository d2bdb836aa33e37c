import type { DemoOrganisation, DemoUser } from './demo-types.js';

/**
 * Demo organisations (content only). Provinces themselves come from
 * shared/reference/provinces.json: 'gov:<post-2025 code>' for the 34 current People's Committees
 * and 'gov-old:<pre-2025 code>' for the old provinces that were merged on 1 July 2025
 * (e.g. 'gov-old:30' Hải Dương → 'gov:31' Hải Phòng; 'gov-old:49' Quảng Nam → 'gov:48' Đà Nẵng).
 *
 * People named in users and tasks are invented; the real signatories appear only in
 * agreements/, as the source articles give them.
 */

interface ProvinceNames {
  key: string;
  /** 'tỉnh Cà Mau', 'thành phố Hải Phòng' */
  vi: string;
  /** 'Cà Mau Province', 'Hải Phòng City' */
  en: string;
  /** 'Cà Mau Provincial', 'Hải Phòng City' — used in "… People's Committee", "… Police" */
  enAdj: string;
}

/** The departments (sở, ngành) of a current province that the demo agreements involve. */
function currentDepartments(p: ProvinceNames): DemoOrganisation[] {
  const d = (suffix: string, nameVi: string, nameEn: string): DemoOrganisation => ({
    key: `${p.key}:${suffix}`,
    parentKey: p.key,
    kind: 'department',
    nameVi,
    nameEn,
  });
  return [
    d('sokhcn', `Sở Khoa học và Công nghệ ${p.vi}`, `${p.en} Department of Science and Technology`),
    d('soyte', `Sở Y tế ${p.vi}`, `${p.en} Department of Health`),
    d('sogddt', `Sở Giáo dục và Đào tạo ${p.vi}`, `${p.en} Department of Education and Training`),
    d('sonnmt', `Sở Nông nghiệp và Môi trường ${p.vi}`, `${p.en} Department of Agriculture and Environment`),
    d('soxd', `Sở Xây dựng ${p.vi}`, `${p.en} Department of Construction`),
    d('sovhttdl', `Sở Văn hóa, Thể thao và Du lịch ${p.vi}`, `${p.en} Department of Culture, Sports and Tourism`),
    d('sotc', `Sở Tài chính ${p.vi}`, `${p.en} Department of Finance`),
    d('vp', `Văn phòng Ủy ban nhân dân ${p.vi}`, `Office of the ${p.enAdj} People's Committee`),
    d('ca', `Công an ${p.vi}`, `${p.enAdj} Police`),
  ];
}

const caMau: ProvinceNames = { key: 'gov:96', vi: 'tỉnh Cà Mau', en: 'Cà Mau Province', enAdj: 'Cà Mau Provincial' };
const haiPhong: ProvinceNames = { key: 'gov:31', vi: 'thành phố Hải Phòng', en: 'Hải Phòng City', enAdj: 'Hải Phòng City' };
const daNang: ProvinceNames = { key: 'gov:48', vi: 'thành phố Đà Nẵng', en: 'Đà Nẵng City', enAdj: 'Đà Nẵng City' };
const dakLak: ProvinceNames = { key: 'gov:66', vi: 'tỉnh Đắk Lắk', en: 'Đắk Lắk Province', enAdj: 'Đắk Lắk Provincial' };

/** Wards and communes created on 1 July 2025 (names as in Công văn 1027/CTK-CSCL of 25/6/2025). */
function commune(provinceKey: string, suffix: string, type: 'phường' | 'xã', name: string): DemoOrganisation {
  const typeEn = type === 'phường' ? 'Ward' : 'Commune';
  return {
    key: `${provinceKey}:${suffix}`,
    parentKey: provinceKey,
    kind: 'commune',
    nameVi: `UBND ${type} ${name}`,
    nameEn: `${name} ${typeEn} People's Committee`,
    validFrom: '2025-07-01',
  };
}

/** Departments of the old provinces that merged on 1 July 2025. */
const OLD_END = '2025-06-30';
/** The 2025 reorganisation of departments (Sở TT&TT into Sở KH&CN, Sở GTVT into Sở Xây dựng,
 *  Sở TN&MT into Sở Nông nghiệp và Môi trường) took effect on 1 March 2025. */
const REORG_END = '2025-02-28';

export const demoOrganisations: DemoOrganisation[] = [
  // ── Central agencies ────────────────────────────────────────────────────────────────────
  {
    key: 'mst',
    parentKey: null,
    kind: 'central_agency',
    nameVi: 'Bộ Khoa học và Công nghệ',
    nameEn: 'Ministry of Science and Technology',
    shortName: 'Bộ KH&CN',
  },
  {
    key: 'mst:ndta',
    parentKey: 'mst',
    kind: 'department',
    nameVi: 'Cục Chuyển đổi số quốc gia',
    nameEn: 'National Digital Transformation Agency',
  },

  // ── Departments of the current provinces ────────────────────────────────────────────────
  ...currentDepartments(caMau),
  ...currentDepartments(haiPhong),
  {
    key: 'gov:31:soct',
    parentKey: 'gov:31',
    kind: 'department',
    nameVi: 'Sở Công Thương thành phố Hải Phòng',
    nameEn: 'Hải Phòng City Department of Industry and Trade',
  },
  ...currentDepartments(daNang),
  ...currentDepartments(dakLak),

  // ── Wards and communes (post-2025) ──────────────────────────────────────────────────────
  commune('gov:96', 'p-anxuyen', 'phường', 'An Xuyên'),
  commune('gov:96', 'p-lyvanlam', 'phường', 'Lý Văn Lâm'),
  commune('gov:96', 'p-baclieu', 'phường', 'Bạc Liêu'),
  commune('gov:96', 'x-datmui', 'xã', 'Đất Mũi'),
  commune('gov:96', 'x-namcan', 'xã', 'Năm Căn'),
  commune('gov:66', 'p-bmt', 'phường', 'Buôn Ma Thuột'),
  commune('gov:66', 'p-tanan', 'phường', 'Tân An'),
  commune('gov:66', 'p-tanlap', 'phường', 'Tân Lập'),
  commune('gov:66', 'p-eakao', 'phường', 'Ea Kao'),
  commune('gov:66', 'x-hoaphu', 'xã', 'Hòa Phú'),

  // ── Old Hải Dương (gov-old:30 → Hải Phòng gov:31) ───────────────────────────────────────
  {
    key: 'gov-old:30:sotttt',
    parentKey: 'gov-old:30',
    kind: 'department',
    nameVi: 'Sở Thông tin và Truyền thông tỉnh Hải Dương',
    nameEn: 'Hải Dương Provincial Department of Information and Communications',
    validTo: REORG_END,
    successorKey: 'gov:31:sokhcn',
  },
  {
    key: 'gov-old:30:soyte',
    parentKey: 'gov-old:30',
    kind: 'department',
    nameVi: 'Sở Y tế tỉnh Hải Dương',
    nameEn: 'Hải Dương Provincial Department of Health',
    validTo: OLD_END,
    successorKey: 'gov:31:soyte',
  },
  {
    key: 'gov-old:30:sogddt',
    parentKey: 'gov-old:30',
    kind: 'department',
    nameVi: 'Sở Giáo dục và Đào tạo tỉnh Hải Dương',
    nameEn: 'Hải Dương Provincial Department of Education and Training',
    validTo: OLD_END,
    successorKey: 'gov:31:sogddt',
  },
  {
    key: 'gov-old:30:sogtvt',
    parentKey: 'gov-old:30',
    kind: 'department',
    nameVi: 'Sở Giao thông vận tải tỉnh Hải Dương',
    nameEn: 'Hải Dương Provincial Department of Transport',
    validTo: REORG_END,
    successorKey: 'gov:31:soxd',
  },
  {
    key: 'gov-old:30:sotnmt',
    parentKey: 'gov-old:30',
    kind: 'department',
    nameVi: 'Sở Tài nguyên và Môi trường tỉnh Hải Dương',
    nameEn: 'Hải Dương Provincial Department of Natural Resources and Environment',
    validTo: REORG_END,
    successorKey: 'gov:31:sonnmt',
  },
  {
    key: 'gov-old:30:sovhttdl',
    parentKey: 'gov-old:30',
    kind: 'department',
    nameVi: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hải Dương',
    nameEn: 'Hải Dương Provincial Department of Culture, Sports and Tourism',
    validTo: OLD_END,
    successorKey: 'gov:31:sovhttdl',
  },
  {
    key: 'gov-old:30:soct',
    parentKey: 'gov-old:30',
    kind: 'department',
    nameVi: 'Sở Công Thương tỉnh Hải Dương',
    nameEn: 'Hải Dương Provincial Department of Industry and Trade',
    validTo: OLD_END,
    successorKey: 'gov:31:soct',
  },
  {
    key: 'gov-old:30:vp',
    parentKey: 'gov-old:30',
    kind: 'department',
    nameVi: 'Văn phòng Ủy ban nhân dân tỉnh Hải Dương',
    nameEn: "Office of the Hải Dương Provincial People's Committee",
    validTo: OLD_END,
    successorKey: 'gov:31:vp',
  },

  // ── Old Quảng Nam (gov-old:49 → Đà Nẵng gov:48) ─────────────────────────────────────────
  {
    key: 'gov-old:49:sotttt',
    parentKey: 'gov-old:49',
    kind: 'department',
    nameVi: 'Sở Thông tin và Truyền thông tỉnh Quảng Nam',
    nameEn: 'Quảng Nam Provincial Department of Information and Communications',
    validTo: REORG_END,
    successorKey: 'gov:48:sokhcn',
  },
  {
    key: 'gov-old:49:soyte',
    parentKey: 'gov-old:49',
    kind: 'department',
    nameVi: 'Sở Y tế tỉnh Quảng Nam',
    nameEn: 'Quảng Nam Provincial Department of Health',
    validTo: OLD_END,
    successorKey: 'gov:48:soyte',
  },
  {
    key: 'gov-old:49:sogddt',
    parentKey: 'gov-old:49',
    kind: 'department',
    nameVi: 'Sở Giáo dục và Đào tạo tỉnh Quảng Nam',
    nameEn: 'Quảng Nam Provincial Department of Education and Training',
    validTo: OLD_END,
    successorKey: 'gov:48:sogddt',
  },
  {
    key: 'gov-old:49:sogtvt',
    parentKey: 'gov-old:49',
    kind: 'department',
    nameVi: 'Sở Giao thông vận tải tỉnh Quảng Nam',
    nameEn: 'Quảng Nam Provincial Department of Transport',
    validTo: REORG_END,
    successorKey: 'gov:48:soxd',
  },
  {
    key: 'gov-old:49:sotnmt',
    parentKey: 'gov-old:49',
    kind: 'department',
    nameVi: 'Sở Tài nguyên và Môi trường tỉnh Quảng Nam',
    nameEn: 'Quảng Nam Provincial Department of Natural Resources and Environment',
    validTo: REORG_END,
    successorKey: 'gov:48:sonnmt',
  },
  {
    key: 'gov-old:49:sovhttdl',
    parentKey: 'gov-old:49',
    kind: 'department',
    nameVi: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam',
    nameEn: 'Quảng Nam Provincial Department of Culture, Sports and Tourism',
    validTo: OLD_END,
    successorKey: 'gov:48:sovhttdl',
  },
  {
    key: 'gov-old:49:vp',
    parentKey: 'gov-old:49',
    kind: 'department',
    nameVi: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Nam',
    nameEn: "Office of the Quảng Nam Provincial People's Committee",
    validTo: OLD_END,
    successorKey: 'gov:48:vp',
  },

  // ── Old Buôn Ma Thuột city (district level until 30 June 2025) ─────────────────────────
  {
    key: 'gov-old:66:bmt',
    parentKey: 'gov-old:66',
    kind: 'district',
    nameVi: 'UBND thành phố Buôn Ma Thuột',
    nameEn: "Buôn Ma Thuột City People's Committee",
    shortName: 'UBND TP. Buôn Ma Thuột',
    validTo: OLD_END,
    successorKey: 'gov:66:p-bmt',
  },
  {
    key: 'gov-old:66:bmt:vp',
    parentKey: 'gov-old:66:bmt',
    kind: 'department',
    nameVi: 'Văn phòng HĐND và UBND thành phố Buôn Ma Thuột',
    nameEn: "Office of the Buôn Ma Thuột City People's Council and People's Committee",
    validTo: OLD_END,
    successorKey: 'gov:66:p-bmt',
  },
  {
    key: 'gov-old:66:bmt:pvhtt',
    parentKey: 'gov-old:66:bmt',
    kind: 'department',
    nameVi: 'Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột',
    nameEn: 'Buôn Ma Thuột City Division of Culture and Information',
    validTo: OLD_END,
    successorKey: 'gov:66:p-bmt',
  },
  {
    key: 'gov-old:66:bmt:pgddt',
    parentKey: 'gov-old:66:bmt',
    kind: 'department',
    nameVi: 'Phòng Giáo dục và Đào tạo thành phố Buôn Ma Thuột',
    nameEn: 'Buôn Ma Thuột City Division of Education and Training',
    validTo: OLD_END,
    successorKey: 'gov:66:p-bmt',
  },
  {
    key: 'gov-old:66:bmt:pkt',
    parentKey: 'gov-old:66:bmt',
    kind: 'department',
    nameVi: 'Phòng Kinh tế thành phố Buôn Ma Thuột',
    nameEn: 'Buôn Ma Thuột City Division of Economy',
    validTo: OLD_END,
    successorKey: 'gov:66:p-bmt',
  },

  // ── Enterprise groups ───────────────────────────────────────────────────────────────────
  {
    key: 'vnpt',
    parentKey: null,
    kind: 'enterprise_group',
    nameVi: 'Tập đoàn Bưu chính Viễn thông Việt Nam',
    nameEn: 'Vietnam Posts and Telecommunications Group',
    shortName: 'VNPT',
  },
  {
    key: 'viettel',
    parentKey: null,
    kind: 'enterprise_group',
    nameVi: 'Tập đoàn Công nghiệp - Viễn thông Quân đội',
    nameEn: 'Viettel Group (Military Industry and Telecoms Group)',
    shortName: 'Viettel',
  },
  {
    key: 'fpt',
    parentKey: null,
    kind: 'enterprise_group',
    nameVi: 'Công ty Cổ phần FPT',
    nameEn: 'FPT Corporation',
    shortName: 'FPT',
  },
  {
    key: 'mobifone',
    parentKey: null,
    kind: 'enterprise_group',
    nameVi: 'Tổng công ty Viễn thông MobiFone',
    nameEn: 'MobiFone Telecommunications Corporation',
    shortName: 'MobiFone',
  },
  {
    key: 'cmc',
    parentKey: null,
    kind: 'enterprise_group',
    nameVi: 'Tập đoàn Công nghệ CMC',
    nameEn: 'CMC Corporation',
    shortName: 'CMC',
  },

  // ── VNPT: provincial branches and member units ─────────────────────────────────────────
  {
    key: 'vnpt:camau',
    parentKey: 'vnpt',
    kind: 'branch',
    nameVi: 'Viễn thông Cà Mau (VNPT Cà Mau)',
    nameEn: 'VNPT Cà Mau',
    shortName: 'VNPT Cà Mau',
  },
  {
    key: 'vnpt:daklak',
    parentKey: 'vnpt',
    kind: 'branch',
    nameVi: 'Viễn thông Đắk Lắk (VNPT Đắk Lắk)',
    nameEn: 'VNPT Đắk Lắk',
    shortName: 'VNPT Đắk Lắk',
  },
  {
    key: 'vnpt:quangnam',
    parentKey: 'vnpt',
    kind: 'branch',
    nameVi: 'Viễn thông Quảng Nam (VNPT Quảng Nam)',
    nameEn: 'VNPT Quảng Nam',
    shortName: 'VNPT Quảng Nam',
  },
  {
    key: 'vnpt:danang',
    parentKey: 'vnpt',
    kind: 'branch',
    nameVi: 'Viễn thông Đà Nẵng (VNPT Đà Nẵng)',
    nameEn: 'VNPT Đà Nẵng',
    shortName: 'VNPT Đà Nẵng',
  },
  {
    key: 'vnpt:it',
    parentKey: 'vnpt',
    kind: 'enterprise_unit',
    nameVi: 'Công ty Công nghệ thông tin VNPT',
    nameEn: 'VNPT Information Technology Company',
    shortName: 'VNPT-IT',
  },
  {
    key: 'vnpt:vinaphone',
    parentKey: 'vnpt',
    kind: 'enterprise_unit',
    nameVi: 'Tổng công ty Dịch vụ Viễn thông (VNPT VinaPhone)',
    nameEn: 'VNPT VinaPhone Corporation',
    shortName: 'VNPT VinaPhone',
  },

  // ── Viettel: provincial branches and member units ──────────────────────────────────────
  {
    key: 'viettel:haiphong',
    parentKey: 'viettel',
    kind: 'branch',
    nameVi: 'Viettel Hải Phòng – Chi nhánh Tập đoàn Công nghiệp - Viễn thông Quân đội',
    nameEn: 'Viettel Hải Phòng',
    shortName: 'Viettel Hải Phòng',
  },
  {
    key: 'viettel:haiduong',
    parentKey: 'viettel',
    kind: 'branch',
    nameVi: 'Viettel Hải Dương – Chi nhánh Tập đoàn Công nghiệp - Viễn thông Quân đội',
    nameEn: 'Viettel Hải Dương',
    shortName: 'Viettel Hải Dương',
  },
  {
    key: 'viettel:solutions',
    parentKey: 'viettel',
    kind: 'enterprise_unit',
    nameVi: 'Tổng Công ty Giải pháp doanh nghiệp Viettel',
    nameEn: 'Viettel Solutions',
    shortName: 'Viettel Solutions',
  },
  {
    key: 'viettel:post',
    parentKey: 'viettel',
    kind: 'enterprise_unit',
    nameVi: 'Tổng Công ty Cổ phần Bưu chính Viettel',
    nameEn: 'Viettel Post Joint Stock Corporation',
    shortName: 'Viettel Post',
  },
  {
    key: 'viettel:digital',
    parentKey: 'viettel',
    kind: 'enterprise_unit',
    nameVi: 'Tổng Công ty Dịch vụ số Viettel',
    nameEn: 'Viettel Digital Services Corporation (ViettelPay / Viettel Money)',
    shortName: 'Viettel Digital',
  },
  {
    key: 'viettel:cyber',
    parentKey: 'viettel',
    kind: 'enterprise_unit',
    nameVi: 'Công ty An ninh mạng Viettel',
    nameEn: 'Viettel Cyber Security',
    shortName: 'Viettel Cyber Security',
  },

  // ── FPT: branch and member units ───────────────────────────────────────────────────────
  {
    key: 'fpt:camau',
    parentKey: 'fpt',
    kind: 'branch',
    nameVi: 'FPT Telecom Cà Mau (Chi nhánh Công ty Cổ phần Viễn thông FPT tại Cà Mau)',
    nameEn: 'FPT Telecom Cà Mau',
    shortName: 'FPT Cà Mau',
  },
  {
    key: 'fpt:is',
    parentKey: 'fpt',
    kind: 'enterprise_unit',
    nameVi: 'Công ty TNHH Hệ thống Thông tin FPT (FPT IS)',
    nameEn: 'FPT Information System',
    shortName: 'FPT IS',
  },
  {
    key: 'fpt:edu',
    parentKey: 'fpt',
    kind: 'enterprise_unit',
    nameVi: 'Tổ chức Giáo dục FPT',
    nameEn: 'FPT Education',
    shortName: 'FPT Education',
  },
  {
    key: 'fpt:smartcloud',
    parentKey: 'fpt',
    kind: 'enterprise_unit',
    nameVi: 'Công ty TNHH FPT Smart Cloud',
    nameEn: 'FPT Smart Cloud',
    shortName: 'FPT Smart Cloud',
  },
];

/** Demo users (invented people). The loader sets their password. */
export const demoUsers: DemoUser[] = [
  { email: 'admin@accord.local', displayName: 'Phạm Thị Thu Hà', role: 'admin', organisationKey: 'mst:ndta' },
  { email: 'quansat@mst.gov.vn', displayName: 'Đỗ Minh Tuấn', role: 'observer', organisationKey: 'mst' },

  // Cà Mau
  { email: 'dieuphoi.camau@camau.gov.vn', displayName: 'Trần Ngọc Diễm', role: 'coordinator', organisationKey: 'gov:96:sokhcn' },
  { email: 'lanhdao.camau@camau.gov.vn', displayName: 'Lâm Văn Thạnh', role: 'leader', organisationKey: 'gov:96' },
  { email: 'canbo.yte.camau@camau.gov.vn', displayName: 'Huỳnh Thị Mỹ Linh', role: 'unit_officer', organisationKey: 'gov:96:soyte' },
  { email: 'canbo.sogddt.camau@camau.gov.vn', displayName: 'Dương Văn Tài', role: 'unit_officer', organisationKey: 'gov:96:sogddt' },
  { email: 'canbo.anxuyen@camau.gov.vn', displayName: 'Tô Thị Cẩm Giang', role: 'unit_officer', organisationKey: 'gov:96:p-anxuyen' },

  // Hải Phòng, Đà Nẵng, Đắk Lắk
  { email: 'dieuphoi.haiphong@haiphong.gov.vn', displayName: 'Phạm Đức Thịnh', role: 'coordinator', organisationKey: 'gov:31:sokhcn' },
  { email: 'dieuphoi.danang@danang.gov.vn', displayName: 'Trương Thị Bích Ngọc', role: 'coordinator', organisationKey: 'gov:48:sokhcn' },
  { email: 'dieuphoi.daklak@daklak.gov.vn', displayName: 'Hồ Sĩ Nguyên', role: 'coordinator', organisationKey: 'gov:66:sokhcn' },
  // The ward that took over the city of Buôn Ma Thuột: it carries the city's agreement with VNPT Đắk Lắk.
  { email: 'dieuphoi.pbmt@daklak.gov.vn', displayName: 'Y Khang Mlô', role: 'coordinator', organisationKey: 'gov:66:p-bmt' },
  { email: 'canbo.pbmt@daklak.gov.vn', displayName: "H'Nhung Niê", role: 'unit_officer', organisationKey: 'gov:66:p-bmt' },

  // VNPT
  { email: 'dieuphoi@vnpt.vn', displayName: 'Nguyễn Thành Trung', role: 'coordinator', organisationKey: 'vnpt' },
  { email: 'lanhdao@vnpt.vn', displayName: 'Vũ Quốc Bảo', role: 'leader', organisationKey: 'vnpt' },
  { email: 'dieuphoi@vnpt-daklak.vn', displayName: 'Vũ Đình Khoa', role: 'coordinator', organisationKey: 'vnpt:daklak' },
  { email: 'canbo@vnpt-camau.vn', displayName: 'Quách Minh Hiếu', role: 'unit_officer', organisationKey: 'vnpt:camau' },
  { email: 'canbo@vnpt-it.vn', displayName: 'Lê Minh Quân', role: 'unit_officer', organisationKey: 'vnpt:it' },

  // FPT
  { email: 'dieuphoi@fpt.com', displayName: 'Đặng Thu Trang', role: 'coordinator', organisationKey: 'fpt' },
  { email: 'canbo@fpt-is.com', displayName: 'Bùi Quang Huy', role: 'unit_officer', organisationKey: 'fpt:is' },

  // Viettel
  { email: 'dieuphoi@viettel.com.vn', displayName: 'Hoàng Văn Nam', role: 'coordinator', organisationKey: 'viettel' },
  { email: 'canbo@viettelpost.com.vn', displayName: 'Ngô Thị Hồng Nhung', role: 'unit_officer', organisationKey: 'viettel:post' },
];
