import { weightedTable, type Rng } from '../prng.js';

/** Invented Vietnamese people: family names by their rough share of the population. */
const familyNames = weightedTable<string>([
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 4], ['Phan', 4.5], ['Vũ', 3.9],
  ['Võ', 3], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đinh', 0.7], ['Trương', 0.8], ['Lương', 0.5], ['Đoàn', 0.6], ['Mai', 0.4], ['Cao', 0.4], ['Hà', 0.4],
  ['Lâm', 0.3], ['Tạ', 0.3], ['Thái', 0.2], ['Tô', 0.2], ['Chu', 0.2], ['Kiều', 0.1], ['Triệu', 0.2],
]);

const maleMiddle = weightedTable<string>([
  ['Văn', 30], ['Hữu', 6], ['Đức', 8], ['Minh', 8], ['Quốc', 6], ['Thanh', 5], ['Công', 5], ['Xuân', 4], ['Ngọc', 4],
  ['Quang', 5], ['Trọng', 3], ['Tiến', 3], ['Anh', 3], ['Hoàng', 3], ['Duy', 3], ['Thành', 3], ['Gia', 2], ['Bá', 2],
  ['Đình', 4], ['Mạnh', 2], ['Tuấn', 2], ['Việt', 2],
]);

const femaleMiddle = weightedTable<string>([
  ['Thị', 40], ['Ngọc', 8], ['Thu', 6], ['Thanh', 6], ['Kim', 4], ['Minh', 4], ['Thùy', 4], ['Phương', 3], ['Bích', 3],
  ['Hồng', 3], ['Mai', 2], ['Diệu', 2], ['Khánh', 2], ['Hoài', 2], ['Quỳnh', 2], ['Hải', 2],
]);

const maleGiven = [
  'An', 'Bảo', 'Bình', 'Cường', 'Chiến', 'Dũng', 'Đạt', 'Điệp', 'Hải', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Khang',
  'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Lộc', 'Luân', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc',
  'Quân', 'Quang', 'Sơn', 'Tài', 'Tâm', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt',
  'Vinh', 'Vũ', 'Hưng', 'Đông', 'Hậu', 'Thuận', 'Lợi',
];

const femaleGiven = [
  'Anh', 'Bích', 'Châu', 'Chi', 'Diệp', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huệ',
  'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên',
  'Quỳnh', 'Tâm', 'Thảo', 'Thơ', 'Thu', 'Thủy', 'Trâm', 'Trang', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Hạnh',
];

/** A full Vietnamese name with diacritics: 'Nguyễn Văn An', 'Trần Thị Bích'. */
export function personName(rng: Rng): string {
  const female = rng.chance(0.45);
  const family = familyNames(rng);
  const middle = female ? femaleMiddle(rng) : maleMiddle(rng);
  const given = rng.pick(female ? femaleGiven : maleGiven);
  // Some names have no middle part, or two (Nguyễn Thị Minh Khai).
  if (rng.chance(0.04)) return `${family} ${given}`;
  if (rng.chance(0.04)) return `${family} ${middle} ${rng.pick(female ? femaleGiven : maleGiven)} ${given}`;
  return `${family} ${middle} ${given}`;
}

const governmentTitles = ['Giám đốc Sở', 'Phó Giám đốc Sở', 'Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên', 'Chủ tịch UBND xã', 'Phó Chủ tịch UBND xã', 'Công chức văn hóa – xã hội'];
const enterpriseTitles = ['Giám đốc', 'Phó Giám đốc', 'Trưởng phòng Khách hàng tổ chức – doanh nghiệp', 'Trưởng phòng Kỹ thuật', 'Giám đốc Trung tâm', 'Chuyên viên giải pháp'];

/** Who answers for a task: a name, sometimes with the title, as plans write it. */
export function responsiblePerson(rng: Rng, side: 'government' | 'enterprise'): string {
  const name = personName(rng);
  if (!rng.chance(0.35)) return name;
  return `${name} – ${rng.pick(side === 'government' ? governmentTitles : enterpriseTitles)}`;
}
