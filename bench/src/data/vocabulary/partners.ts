/** The technology groups that sign with provinces, their provincial branches and member units. */

export interface UnitName {
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
}

export interface GroupTemplate {
  key: string;
  nameVi: string;
  nameEn: string;
  shortName: string;
  /** How likely a province is to sign with it. */
  appeal: number;
  /** How the group's signatory is titled. */
  signatoryTitles: string[];
  branch: (province: { name: string; fullName: string }) => UnitName;
  branchSignatory: (province: { name: string }) => string;
  /** Member units of the group itself. */
  units: UnitName[];
  /** Units under a provincial branch. */
  branchUnits: ((province: { name: string }) => UnitName)[];
}

const unit = (nameVi: string, nameEn: string | null = null, shortName: string | null = null): UnitName => ({ nameVi, nameEn, shortName });

export const groupTemplates: GroupTemplate[] = [
  {
    key: 'vnpt',
    nameVi: 'Tập đoàn Bưu chính Viễn thông Việt Nam',
    nameEn: 'Vietnam Posts and Telecommunications Group',
    shortName: 'VNPT',
    appeal: 1,
    signatoryTitles: ['Chủ tịch Hội đồng thành viên Tập đoàn VNPT', 'Tổng Giám đốc Tập đoàn VNPT', 'Phó Tổng Giám đốc Tập đoàn VNPT'],
    branch: (p) => unit(`Viễn thông ${p.name} (VNPT ${p.name})`, `VNPT ${p.name}`, `VNPT ${p.name}`),
    branchSignatory: (p) => `Giám đốc VNPT ${p.name}`,
    units: [
      unit('Công ty Công nghệ thông tin VNPT', 'VNPT Information Technology Company', 'VNPT-IT'),
      unit('Tổng công ty Dịch vụ Viễn thông (VNPT VinaPhone)', 'VNPT VinaPhone Corporation', 'VNPT VinaPhone'),
      unit('Tổng công ty Hạ tầng mạng (VNPT Net)', 'VNPT Net Corporation', 'VNPT Net'),
      unit('Công ty Công nghệ VNPT (VNPT Technology)', 'VNPT Technology', 'VNPT Technology'),
      unit('Trung tâm An toàn thông tin VNPT', 'VNPT Cyber Immunity', 'VNPT Cyber Immunity'),
    ],
    branchUnits: [
      (p) => unit(`Trung tâm Kinh doanh VNPT – ${p.name}`, `VNPT ${p.name} Business Centre`),
      (p) => unit(`Trung tâm Điều hành thông tin – VNPT ${p.name}`, `VNPT ${p.name} Network Operations Centre`),
      (p) => unit(`Trung tâm Công nghệ thông tin – VNPT ${p.name}`, `VNPT ${p.name} IT Centre`),
      (p) => unit(`Trung tâm Viễn thông khu vực 1 – VNPT ${p.name}`, null),
      (p) => unit(`Trung tâm Viễn thông khu vực 2 – VNPT ${p.name}`, null),
    ],
  },
  {
    key: 'viettel',
    nameVi: 'Tập đoàn Công nghiệp - Viễn thông Quân đội',
    nameEn: 'Viettel Group (Military Industry and Telecoms Group)',
    shortName: 'Viettel',
    appeal: 0.95,
    signatoryTitles: ['Chủ tịch kiêm Tổng Giám đốc Tập đoàn Viettel', 'Phó Tổng Giám đốc Tập đoàn Viettel'],
    branch: (p) =>
      unit(`Viettel ${p.name} – Chi nhánh Tập đoàn Công nghiệp - Viễn thông Quân đội`, `Viettel ${p.name}`, `Viettel ${p.name}`),
    branchSignatory: (p) => `Giám đốc Viettel ${p.name}`,
    units: [
      unit('Tổng Công ty Giải pháp doanh nghiệp Viettel', 'Viettel Solutions', 'Viettel Solutions'),
      unit('Tổng Công ty Viễn thông Viettel', 'Viettel Telecom', 'Viettel Telecom'),
      unit('Công ty An ninh mạng Viettel', 'Viettel Cyber Security', 'Viettel Cyber Security'),
      unit('Công ty TNHH Viettel-IDC', 'Viettel IDC', 'Viettel IDC'),
      unit('Tổng Công ty Cổ phần Bưu chính Viettel', 'Viettel Post', 'Viettel Post'),
    ],
    branchUnits: [
      (p) => unit(`Trung tâm Giải pháp doanh nghiệp – Viettel ${p.name}`, `Viettel ${p.name} Enterprise Solutions Centre`),
      (p) => unit(`Trung tâm Kỹ thuật – Viettel ${p.name}`, `Viettel ${p.name} Technical Centre`),
      (p) => unit(`Trung tâm Kinh doanh – Viettel ${p.name}`, `Viettel ${p.name} Sales Centre`),
      (p) => unit(`Viettel Post ${p.name}`, `Viettel Post ${p.name}`),
    ],
  },
  {
    key: 'fpt',
    nameVi: 'Công ty Cổ phần FPT',
    nameEn: 'FPT Corporation',
    shortName: 'FPT',
    appeal: 0.6,
    signatoryTitles: [
      'Chủ tịch Hội đồng quản trị Công ty Cổ phần FPT',
      'Tổng Giám đốc Công ty Cổ phần FPT',
      'Phó Tổng Giám đốc Công ty Cổ phần FPT',
    ],
    branch: (p) => unit(`FPT ${p.name} – Chi nhánh Công ty Cổ phần Viễn thông FPT`, `FPT ${p.name}`, `FPT ${p.name}`),
    branchSignatory: (p) => `Giám đốc FPT ${p.name}`,
    units: [
      unit('Công ty TNHH Hệ thống Thông tin FPT', 'FPT Information System', 'FPT IS'),
      unit('Công ty Cổ phần Viễn thông FPT', 'FPT Telecom', 'FPT Telecom'),
      unit('Công ty TNHH Phần mềm FPT', 'FPT Software', 'FPT Software'),
      unit('Công ty Cổ phần FPT Smart Cloud', 'FPT Smart Cloud', 'FPT Smart Cloud'),
      unit('Tổ chức Giáo dục FPT', 'FPT Education', 'FPT Education'),
    ],
    branchUnits: [
      (p) => unit(`Phòng Giải pháp chính quyền số – FPT ${p.name}`, `FPT ${p.name} Digital Government Solutions`),
      (p) => unit(`Trung tâm Kỹ thuật – FPT ${p.name}`, `FPT ${p.name} Technical Centre`),
      (p) => unit(`Phòng Kinh doanh khách hàng tổ chức – FPT ${p.name}`, null),
    ],
  },
  {
    key: 'mobifone',
    nameVi: 'Tổng công ty Viễn thông MobiFone',
    nameEn: 'MobiFone Telecommunications Corporation',
    shortName: 'MobiFone',
    appeal: 0.45,
    signatoryTitles: ['Chủ tịch Hội đồng thành viên Tổng công ty Viễn thông MobiFone', 'Tổng Giám đốc Tổng công ty Viễn thông MobiFone'],
    branch: (p) => unit(`MobiFone ${p.name} – Chi nhánh Tổng công ty Viễn thông MobiFone`, `MobiFone ${p.name}`, `MobiFone ${p.name}`),
    branchSignatory: (p) => `Giám đốc MobiFone ${p.name}`,
    units: [
      unit('Trung tâm Công nghệ thông tin MobiFone', 'MobiFone IT Centre', 'MobiFone IT'),
      unit('Trung tâm Mạng lưới MobiFone', 'MobiFone Network Centre', null),
      unit('Công ty Dịch vụ số MobiFone', 'MobiFone Digital Services', 'MobiFone Digital'),
    ],
    branchUnits: [
      (p) => unit(`Phòng Khách hàng doanh nghiệp – MobiFone ${p.name}`, null),
      (p) => unit(`Tổ Kỹ thuật – MobiFone ${p.name}`, null),
    ],
  },
  {
    key: 'cmc',
    nameVi: 'Tập đoàn Công nghệ CMC',
    nameEn: 'CMC Corporation',
    shortName: 'CMC',
    appeal: 0.3,
    signatoryTitles: ['Chủ tịch Hội đồng quản trị Tập đoàn Công nghệ CMC', 'Tổng Giám đốc Tập đoàn Công nghệ CMC'],
    branch: (p) => unit(`CMC ${p.name} – Chi nhánh Tập đoàn Công nghệ CMC`, `CMC ${p.name}`, `CMC ${p.name}`),
    branchSignatory: (p) => `Giám đốc Chi nhánh CMC ${p.name}`,
    units: [
      unit('Công ty Cổ phần Hạ tầng Viễn thông CMC', 'CMC Telecom', 'CMC Telecom'),
      unit('Công ty Cổ phần An ninh mạng CMC', 'CMC Cyber Security', 'CMC Cyber Security'),
      unit('Công ty TNHH CMC Global', 'CMC Global', 'CMC Global'),
    ],
    branchUnits: [(p) => unit(`Phòng Giải pháp – CMC ${p.name}`, null), (p) => unit(`Phòng Kỹ thuật – CMC ${p.name}`, null)],
  },
  {
    key: 'vnpost',
    nameVi: 'Tổng công ty Bưu điện Việt Nam',
    nameEn: 'Vietnam Post Corporation',
    shortName: 'VNPost',
    appeal: 0.35,
    signatoryTitles: ['Tổng Giám đốc Tổng công ty Bưu điện Việt Nam', 'Phó Tổng Giám đốc Tổng công ty Bưu điện Việt Nam'],
    branch: (p) => unit(`Bưu điện ${p.fullName}`, `${p.name} Post Office`, `VNPost ${p.name}`),
    branchSignatory: (p) => `Giám đốc Bưu điện ${p.name}`,
    units: [
      unit('Trung tâm Chuyển đổi số Bưu điện', 'Vietnam Post Digital Transformation Centre', null),
      unit('Công ty Thương mại điện tử Bưu điện (Postmart)', 'Postmart', 'Postmart'),
    ],
    branchUnits: [
      (p) => unit(`Trung tâm Khai thác – Bưu điện ${p.name}`, null),
      (p) => unit(`Trung tâm Kinh doanh – Bưu điện ${p.name}`, null),
    ],
  },
];
