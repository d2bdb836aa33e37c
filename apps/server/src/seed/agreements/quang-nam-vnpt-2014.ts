import type { DemoAgreement, DemoAgreementData, DemoArea } from '../demo-types.js';

/**
 * Quảng Nam – VNPT, 2014–2020 (completed; the predecessor of quang-nam-vnpt-2021.ts).
 * One section per capability; index.ts says what comes from the sources and what is invented.
 */

// ─── The agreement ───────────────────────────────────────────────────────────────────────────────
// As the sources report it: parties, signing, period, signatories, legal bases, sources.

const agreement: DemoAgreement = {
  key: 'quangnam-vnpt-2014',
  title: 'Thỏa thuận hợp tác chiến lược về viễn thông và công nghệ thông tin giai đoạn 2014–2020',
  summary:
    'Ngày 4/11/2014, UBND tỉnh Quảng Nam và Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT) ký thỏa thuận hợp tác ' +
    'chiến lược về viễn thông và công nghệ thông tin giai đoạn 2014–2020. Theo đánh giá nêu tại lễ ký thỏa thuận ' +
    'giai đoạn 2021–2025, VNPT đã phối hợp bảo đảm tốt thông tin liên lạc phục vụ chỉ đạo, điều hành của các cấp ủy ' +
    'đảng, chính quyền; đầu tư phát triển hạ tầng mạng viễn thông và CNTT đồng bộ, hiện đại, bảo đảm hạ tầng truyền ' +
    'dẫn cho xây dựng chính quyền điện tử và các dịch vụ thành phố thông minh; phối hợp với tỉnh xây dựng và khai ' +
    'trương Trung tâm điều hành thông minh IOC phục vụ công tác giám sát, chỉ đạo, điều hành của tỉnh.',
  signedOn: '2014-11-04',
  periodStart: '2014-01-01',
  periodEnd: '2020-12-31',
  legalBases: [],
  sourceUrls: [],
  parties: [
    { organisationKey: 'gov-old:49', label: 'Bên A' },
    { organisationKey: 'vnpt', label: 'Bên B' },
  ],
  status: 'completed',
};

// ─── The joint plan ──────────────────────────────────────────────────────────────────────────────
// The areas are the cooperation contents the sources name; the tasks under them (units, people,
// dates, products, statuses) are invented for the demo.

const plan: DemoArea[] = [
  {
    theme: 'digital_government',
    title: 'Hợp tác viễn thông – công nghệ thông tin phục vụ chỉ đạo, điều hành',
    tasks: [
      {
        code: '1.1',
        title: 'Xây dựng và khai trương Trung tâm điều hành thông minh (IOC) tỉnh Quảng Nam',
        obligor: 'joint',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:sotttt', 'gov-old:49:vp'],
        responsiblePerson: 'Phan Văn Lộc – Phó Giám đốc VNPT Quảng Nam',
        dueDate: '2020-12-31',
        expectedProduct: 'Trung tâm điều hành thông minh IOC được khai trương, phục vụ giám sát, chỉ đạo, điều hành của lãnh đạo tỉnh',
        status: 'completed',
      },
      {
        code: '1.2',
        title: 'Phát triển hạ tầng mạng viễn thông, CNTT bảo đảm truyền dẫn cho chính quyền điện tử',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:sotttt'],
        responsiblePerson: 'Trần Đình Khải – Trưởng phòng Kỹ thuật – Đầu tư, VNPT Quảng Nam',
        startDate: '2015-01-01',
        dueDate: '2020-12-31',
        expectedProduct:
          'Hạ tầng băng rộng kết nối liên thông, an toàn đến các cơ quan nhà nước của tỉnh, bảo đảm truyền dẫn cho chính quyền điện tử',
        status: 'completed',
      },
    ],
  },
];

export const quangNamVnpt2014: DemoAgreementData = { agreement, plan };
