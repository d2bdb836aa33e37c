import type { Rng } from '../prng.js';

/** How a province names itself in its organisations' names. */
export interface ProvinceNaming {
  /** 'tỉnh Cà Mau', 'thành phố Hà Nội' */
  vi: string;
  /** 'Cà Mau Province', 'Hà Nội City' */
  en: string;
  /** 'Cà Mau Provincial', 'Hà Nội City' */
  enAdj: string;
}

export interface DepartmentTemplate {
  key: string;
  vi: (p: ProvinceNaming) => string;
  en: (p: ProvinceNaming) => string;
  /** A unit under another department (a hospital under the Department of Health). */
  parentKey?: string;
}

const d = (key: string, vi: string, en: string, parentKey?: string): DepartmentTemplate => ({
  key,
  vi: (p) => `${vi} ${p.vi}`,
  en: (p) => `${p.en} ${en}`,
  ...(parentKey ? { parentKey } : {}),
});

/** The departments every province has since the 2025 reorganisation. */
export const coreDepartments: DepartmentTemplate[] = [
  { key: 'vp', vi: (p) => `Văn phòng Ủy ban nhân dân ${p.vi}`, en: (p) => `Office of the ${p.enAdj} People's Committee` },
  d('sokhcn', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology'),
  d('sonv', 'Sở Nội vụ', 'Department of Home Affairs'),
  d('sotc', 'Sở Tài chính', 'Department of Finance'),
  d('sotp', 'Sở Tư pháp', 'Department of Justice'),
  d('soct', 'Sở Công Thương', 'Department of Industry and Trade'),
  d('sonnmt', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment'),
  d('soxd', 'Sở Xây dựng', 'Department of Construction'),
  d('sogddt', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'),
  d('soyte', 'Sở Y tế', 'Department of Health'),
  d('sovhttdl', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism'),
  { key: 'tt', vi: (p) => `Thanh tra ${p.vi}`, en: (p) => `${p.enAdj} Inspectorate` },
  { key: 'ca', vi: (p) => `Công an ${p.vi}`, en: (p) => `${p.enAdj} Police` },
];

/** Departments and public units some provinces list as parties to their plans. */
export const optionalDepartments: DepartmentTemplate[] = [
  d('sodttg', 'Sở Dân tộc và Tôn giáo', 'Department of Ethnic and Religious Affairs'),
  d('songv', 'Sở Ngoại vụ', 'Department of Foreign Affairs'),
  { key: 'bqlkcn', vi: (p) => `Ban Quản lý các khu công nghiệp ${p.vi}`, en: (p) => `${p.en} Industrial Zones Authority` },
  { key: 'hcc', vi: (p) => `Trung tâm Phục vụ hành chính công ${p.vi}`, en: (p) => `${p.en} Public Administrative Service Centre` },
  { key: 'ptth', vi: (p) => `Báo và Phát thanh, Truyền hình ${p.vi}`, en: (p) => `${p.en} Newspaper, Radio and Television` },
  { key: 'bhxh', vi: (p) => `Bảo hiểm xã hội ${p.vi}`, en: (p) => `${p.en} Social Security` },
  { key: 'thue', vi: (p) => `Thuế ${p.vi}`, en: (p) => `${p.en} Tax Department` },
  { key: 'bchqs', vi: (p) => `Bộ Chỉ huy quân sự ${p.vi}`, en: (p) => `${p.enAdj} Military Command` },
  {
    key: 'bqlda',
    vi: (p) => `Ban Quản lý dự án đầu tư xây dựng ${p.vi}`,
    en: (p) => `${p.en} Construction Investment Project Management Board`,
  },
  { key: 'tct', vi: (p) => `Trường Chính trị ${p.vi}`, en: (p) => `${p.en} Political School` },
  { key: 'lmhtx', vi: (p) => `Liên minh Hợp tác xã ${p.vi}`, en: (p) => `${p.en} Cooperative Alliance` },
  {
    key: 'xttm',
    vi: (p) => `Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch ${p.vi}`,
    en: (p) => `${p.en} Investment, Trade and Tourism Promotion Centre`,
  },
  {
    key: 'ttcntt',
    vi: (p) => `Trung tâm Công nghệ thông tin và Truyền thông ${p.vi}`,
    en: (p) => `${p.en} Information and Communication Technology Centre`,
    parentKey: 'sokhcn',
  },
  { key: 'bvdk', vi: (p) => `Bệnh viện Đa khoa ${p.vi}`, en: (p) => `${p.en} General Hospital`, parentKey: 'soyte' },
  { key: 'cdc', vi: (p) => `Trung tâm Kiểm soát bệnh tật ${p.vi}`, en: (p) => `${p.en} Centre for Disease Control`, parentKey: 'soyte' },
  {
    key: 'ttqtmt',
    vi: (p) => `Trung tâm Quan trắc tài nguyên và môi trường ${p.vi}`,
    en: (p) => `${p.en} Environmental Monitoring Centre`,
    parentKey: 'sonnmt',
  },
  { key: 'ttkn', vi: (p) => `Trung tâm Khuyến nông ${p.vi}`, en: (p) => `${p.en} Agricultural Extension Centre`, parentKey: 'sonnmt' },
  { key: 'ttdvvl', vi: (p) => `Trung tâm Dịch vụ việc làm ${p.vi}`, en: (p) => `${p.en} Employment Service Centre`, parentKey: 'sonv' },
  {
    key: 'thpt',
    vi: (p) => `Trường Trung học phổ thông chuyên ${p.vi}`,
    en: (p) => `${p.en} High School for the Gifted`,
    parentKey: 'sogddt',
  },
  {
    key: 'ttxttdl',
    vi: (p) => `Trung tâm Thông tin du lịch ${p.vi}`,
    en: (p) => `${p.en} Tourist Information Centre`,
    parentKey: 'sovhttdl',
  },
];

/** Syllables that Vietnamese place names are commonly made of. */
const firstSyllables = [
  'An',
  'Tân',
  'Hòa',
  'Phú',
  'Bình',
  'Long',
  'Thạnh',
  'Phước',
  'Mỹ',
  'Vĩnh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Quảng',
  'Hưng',
  'Thái',
  'Thuận',
  'Xuân',
  'Hương',
  'Cẩm',
  'Đức',
  'Kim',
  'Ngọc',
  'Hồng',
  'Thanh',
  'Trung',
  'Hiệp',
  'Lộc',
  'Hải',
  'Yên',
  'Gia',
  'Minh',
  'Phong',
  'Tam',
  'Tiên',
  'Định',
  'Nghĩa',
  'Lạc',
  'Sơn',
];
const secondSyllables = [
  'Bình',
  'Phú',
  'Hòa',
  'Lợi',
  'Thành',
  'Hưng',
  'Thịnh',
  'Lộc',
  'Phước',
  'An',
  'Sơn',
  'Hải',
  'Điền',
  'Mỹ',
  'Tây',
  'Đông',
  'Khánh',
  'Thuận',
  'Tiến',
  'Long',
  'Xuân',
  'Trung',
  'Định',
  'Lâm',
  'Quang',
  'Hiệp',
  'Yên',
  'Hà',
  'Giang',
  'Dương',
  'Phong',
  'Tân',
  'Thạnh',
  'Hậu',
  'Nghĩa',
  'Châu',
  'Vinh',
  'Cường',
  'Kỳ',
  'Tường',
];

/** `count` distinct commune or ward names for one province: 'Tân Phú', 'Hòa Lợi'. */
export function communeNames(rng: Rng, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const a = rng.pick(firstSyllables);
    const b = rng.pick(secondSyllables);
    if (a !== b) names.add(`${a} ${b}`);
  }
  return [...names];
}
