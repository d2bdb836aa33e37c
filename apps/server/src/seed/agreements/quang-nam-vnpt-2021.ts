import type { DemoAgreement, DemoAgreementData, DemoArea } from '../demo-types.js';

/**
 * Quảng Nam – VNPT, 2021–2025 (completed).
 * One section per capability; index.ts says what comes from the sources and what is invented.
 */

// ─── The agreement ───────────────────────────────────────────────────────────────────────────────
// As the sources report it: parties, signing, period, signatories, legal bases, sources.

const agreement: DemoAgreement = {
  key: 'quangnam-vnpt-2021',
  title:
    'Thỏa thuận hợp tác chiến lược về Viễn thông và Công nghệ thông tin giữa UBND tỉnh Quảng Nam và Tập đoàn Bưu chính Viễn thông Việt Nam giai đoạn 2021–2025',
  summary:
    'Chiều 6/1/2021, tại Hội trường UBND tỉnh Quảng Nam, UBND tỉnh Quảng Nam và Tập đoàn Bưu chính Viễn thông Việt ' +
    'Nam (VNPT) ký kết thỏa thuận hợp tác chiến lược về Viễn thông và Công nghệ thông tin giai đoạn 2021–2025; Phó ' +
    'Chủ tịch UBND tỉnh Hồ Quang Bửu và Phó Tổng giám đốc VNPT Nguyễn Đình Danh đồng chủ trì lễ ký kết. Thỏa thuận kế ' +
    'tiếp thỏa thuận giai đoạn 2014–2020 (ký ngày 4/11/2014), trong đó VNPT đã phối hợp xây dựng và khai trương Trung ' +
    'tâm điều hành thông minh IOC của tỉnh. Nội dung hợp tác: cung cấp giải pháp, ứng dụng CNTT phục vụ cải cách hành ' +
    'chính, xây dựng chính quyền điện tử hướng tới chính quyền số; xây dựng hạ tầng Viễn thông – CNTT trong phát ' +
    'triển đô thị thông minh, chuyển đổi số; hoàn thiện các giải pháp bảo đảm an toàn, an ninh thông tin; phát triển ' +
    'nguồn nhân lực Viễn thông – CNTT. Từ ngày 1/7/2025, tỉnh Quảng Nam và thành phố Đà Nẵng hợp nhất thành thành ' +
    'phố Đà Nẵng; các cơ quan của thành phố Đà Nẵng kế thừa việc tổng kết thỏa thuận.',
  signedOn: '2021-01-06',
  signedPlace: 'Hội trường UBND tỉnh Quảng Nam',
  periodStart: '2021-01-01',
  periodEnd: '2025-12-31',
  predecessorKey: 'quangnam-vnpt-2014',
  legalBases: [],
  sourceUrls: [],
  parties: [
    {
      organisationKey: 'gov-old:49',
      label: 'Bên A',
      signatoryName: 'Hồ Quang Bửu',
      signatoryTitle: 'Phó Chủ tịch UBND tỉnh Quảng Nam',
    },
    {
      organisationKey: 'vnpt',
      label: 'Bên B',
      signatoryName: 'Nguyễn Đình Danh',
      signatoryTitle: 'Phó Tổng giám đốc Tập đoàn Bưu chính Viễn thông Việt Nam',
    },
  ],
  status: 'completed',
};

// ─── The joint plan ──────────────────────────────────────────────────────────────────────────────
// The areas are the cooperation contents the sources name; the tasks under them (units, people,
// dates, products, statuses) are invented for the demo.

const plan: DemoArea[] = [
  {
    theme: 'digital_government',
    title: 'Cung cấp giải pháp, ứng dụng CNTT phục vụ cải cách hành chính, xây dựng chính quyền điện tử hướng tới chính quyền số',
    tasks: [
      {
        code: '1.1',
        title: 'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính và Cổng dịch vụ công của tỉnh',
        description:
          'VNPT-IT nâng cấp Hệ thống và Cổng dịch vụ công của tỉnh, chuẩn hóa danh mục thủ tục, kết nối Cổng Dịch vụ công quốc gia và nền tảng thanh toán trực tuyến; Sở TT&TT, Văn phòng UBND tỉnh rà soát danh mục dịch vụ công mức độ 3, 4, tổ chức kiểm thử và nghiệm thu trước ngày 31/12/2021.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:it',
        coordinatingUnitKeys: ['gov-old:49:sotttt', 'gov-old:49:vp'],
        responsiblePerson: 'Nguyễn Hữu Thắng – Giám đốc dự án, VNPT-IT',
        startDate: '2021-03-01',
        dueDate: '2021-12-31',
        expectedProduct:
          'Hệ thống được nâng cấp, kết nối Cổng Dịch vụ công quốc gia; dịch vụ công trực tuyến mức độ 3, 4 được cung cấp theo danh mục của tỉnh',
        status: 'completed',
      },
      {
        code: '1.2',
        title: 'Mở rộng Trung tâm điều hành thông minh (IOC) tỉnh, bổ sung các phân hệ giám sát',
        description:
          'VNPT Quảng Nam khảo sát yêu cầu chỉ đạo, điều hành của lãnh đạo tỉnh, bổ sung các phân hệ giám sát mới cho IOC (giao thông, trật tự đô thị, chỉ số phục vụ người dân) và tích hợp dữ liệu từ các sở, ngành; Sở TT&TT, Văn phòng UBND tỉnh nghiệm thu, đưa vào vận hành từng phân hệ.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:sotttt', 'gov-old:49:vp'],
        responsiblePerson: 'Phan Văn Lộc – Phó Giám đốc VNPT Quảng Nam',
        startDate: '2021-06-01',
        dueDate: '2022-12-31',
        expectedProduct: 'Các phân hệ giám sát mới được đưa vào vận hành tại IOC tỉnh',
        status: 'completed',
        subtasks: [
          {
            code: '1.2.1',
            title: 'Kết nối dữ liệu camera giám sát giao thông, trật tự đô thị về IOC',
            description:
              'VNPT Quảng Nam kết nối đường truyền, tích hợp luồng tín hiệu camera tại các nút giao trọng điểm vào IOC, thiết lập lưu trữ và phân quyền khai thác; Sở GTVT cung cấp danh mục nút giao và sử dụng dữ liệu phục vụ điều hành giao thông.',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:quangnam',
            coordinatingUnitKeys: ['gov-old:49:sogtvt'],
            responsiblePerson: 'Võ Tấn Phát – Trưởng phòng Giải pháp, VNPT Quảng Nam',
            startDate: '2021-06-01',
            dueDate: '2022-06-30',
            expectedProduct: 'Dữ liệu camera tại các nút giao trọng điểm được hiển thị, lưu trữ tại IOC',
            status: 'completed',
          },
          {
            code: '1.2.2',
            title: 'Phân hệ giám sát chỉ số phục vụ người dân, doanh nghiệp trong giải quyết thủ tục hành chính',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:it',
            coordinatingUnitKeys: ['gov-old:49:vp'],
            responsiblePerson: 'Nguyễn Hữu Thắng – Giám đốc dự án, VNPT-IT',
            startDate: '2022-01-01',
            dueDate: '2022-12-31',
            expectedProduct: 'Phân hệ được vận hành, số liệu cập nhật theo thời gian thực',
            status: 'completed',
          },
        ],
      },
      {
        code: '1.3',
        title: 'Triển khai hệ thống quản lý văn bản và điều hành, chữ ký số đến cấp xã',
        description:
          'VNPT-IT mở rộng hệ thống quản lý văn bản và điều hành đến UBND cấp xã, cấp chứng thư số cho lãnh đạo và văn thư, kết nối trục liên thông văn bản của tỉnh; Văn phòng UBND tỉnh, Sở TT&TT hướng dẫn quy trình và theo dõi tỷ lệ văn bản điện tử có ký số.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:it',
        coordinatingUnitKeys: ['gov-old:49:vp', 'gov-old:49:sotttt'],
        responsiblePerson: 'Nguyễn Hữu Thắng – Giám đốc dự án, VNPT-IT',
        startDate: '2021-03-01',
        dueDate: '2022-06-30',
        expectedProduct: 'Văn bản điện tử có ký số được gửi, nhận liên thông giữa các cơ quan từ cấp tỉnh đến cấp xã',
        status: 'completed',
      },
      {
        code: '1.4',
        title: 'Triển khai bệnh án điện tử, hồ sơ sức khỏe điện tử tại các bệnh viện tuyến tỉnh',
        description:
          'VNPT-IT triển khai phần mềm bệnh án điện tử và hồ sơ sức khỏe điện tử theo lộ trình Sở Y tế phê duyệt, gồm cài đặt, kết nối thiết bị cận lâm sàng, chuyển đổi dữ liệu và đào tạo nhân viên y tế tại từng bệnh viện tuyến tỉnh.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:it',
        coordinatingUnitKeys: ['gov-old:49:soyte'],
        responsiblePerson: 'Lương Thị Hoài – Giám đốc dự án y tế, VNPT-IT',
        startDate: '2022-01-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Bệnh án điện tử được triển khai tại các bệnh viện tuyến tỉnh theo lộ trình của Sở Y tế',
        status: 'completed',
      },
      {
        code: '1.5',
        title: 'Triển khai phần mềm quản lý trường học, sổ liên lạc điện tử',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:sogddt'],
        responsiblePerson: 'Võ Tấn Phát – Trưởng phòng Giải pháp, VNPT Quảng Nam',
        startDate: '2021-08-01',
        dueDate: '2022-05-31',
        expectedProduct: 'Các trường học trong danh mục sử dụng phần mềm quản lý trường học và sổ liên lạc điện tử',
        status: 'completed',
      },
      {
        code: '1.6',
        title: 'Xây dựng cơ sở dữ liệu đất đai của tỉnh',
        description:
          'Tạm dừng theo chỉ đạo của UBND tỉnh để rà soát lại phương án đầu tư; chưa triển khai lại trước khi sắp xếp đơn vị hành chính.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:49:sotnmt',
        coordinatingUnitKeys: ['vnpt:it'],
        responsiblePerson: 'Huỳnh Ngọc Sơn – Phó Giám đốc Sở TN&MT',
        startDate: '2022-01-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Cơ sở dữ liệu đất đai được xây dựng, kết nối với hệ thống thông tin giải quyết thủ tục hành chính',
        status: 'paused',
        stateReason: 'Theo chỉ đạo của UBND tỉnh, rà soát lại phương án đầu tư.',
      },
      {
        code: '1.7',
        title: 'Chuyển đổi dữ liệu hệ thống giải quyết thủ tục hành chính của tỉnh Quảng Nam sang hệ thống của thành phố Đà Nẵng',
        description:
          'VNPT-IT trích xuất, chuẩn hóa và chuyển toàn bộ hồ sơ, tài khoản, danh mục thủ tục từ hệ thống của tỉnh Quảng Nam sang hệ thống của thành phố Đà Nẵng, đối soát số lượng hồ sơ trước và sau chuyển đổi; VNPT Đà Nẵng hỗ trợ vận hành sau hợp nhất.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:it',
        coordinatingUnitKeys: ['gov-old:49:vp', 'gov:48:vp', 'vnpt:danang'],
        responsiblePerson: 'Nguyễn Hữu Thắng – Giám đốc dự án, VNPT-IT',
        startDate: '2025-05-01',
        dueDate: '2025-08-31',
        expectedProduct: 'Dữ liệu hồ sơ được chuyển đổi đầy đủ; biên bản bàn giao với Văn phòng UBND thành phố Đà Nẵng',
        status: 'completed',
      },
      {
        code: '1.8',
        title: 'Tổng kết thực hiện thỏa thuận hợp tác giai đoạn 2021–2025',
        description:
          'Sở KH&CN thành phố Đà Nẵng kế thừa nhiệm vụ, chủ trì cùng VNPT Đà Nẵng, VNPT Quảng Nam tổng hợp kết quả từng nội dung hợp tác của tỉnh Quảng Nam (trước hợp nhất), đánh giá nhiệm vụ hoàn thành, tạm dừng, dừng thực hiện và đề xuất nội dung hợp tác tiếp theo.',
        obligor: 'joint',
        leadUnitKey: 'gov:48:sokhcn',
        coordinatingUnitKeys: ['vnpt:danang', 'vnpt:quangnam'],
        responsiblePerson: 'Trương Thị Bích Ngọc – Phó Trưởng phòng Chuyển đổi số, Sở KH&CN thành phố Đà Nẵng',
        startDate: '2025-10-01',
        dueDate: '2025-12-15',
        expectedProduct: 'Báo cáo tổng kết thỏa thuận giai đoạn 2021–2025 được UBND thành phố Đà Nẵng và VNPT thông qua',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'digital_infrastructure',
    title: 'Xây dựng hạ tầng Viễn thông – Công nghệ thông tin trong phát triển đô thị thông minh, chuyển đổi số',
    tasks: [
      {
        code: '2.1',
        title: 'Phủ sóng 4G đến các thôn vùng núi, xóa vùng lõm sóng',
        description:
          'VNPT Quảng Nam cùng Sở TT&TT rà soát danh mục thôn vùng lõm sóng, đầu tư trạm BTS 4G và truyền dẫn tại các thôn vùng núi, ưu tiên nơi chưa có sóng di động; đo kiểm chất lượng vùng phủ sau khi phát sóng.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:sotttt'],
        responsiblePerson: 'Trần Đình Khải – Trưởng phòng Kỹ thuật – Đầu tư, VNPT Quảng Nam',
        startDate: '2021-03-01',
        dueDate: '2023-12-31',
        expectedProduct: 'Các thôn trong danh mục vùng lõm sóng của tỉnh được phủ sóng 4G',
        status: 'completed',
      },
      {
        code: '2.2',
        title: 'Mở rộng mạng truyền số liệu chuyên dùng đến UBND các xã',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:sotttt'],
        startDate: '2021-03-01',
        dueDate: '2022-06-30',
        expectedProduct: 'UBND các xã kết nối mạng truyền số liệu chuyên dùng',
        status: 'completed',
      },
      {
        code: '2.3',
        title: 'Phát triển mạng cáp quang băng rộng đến hộ gia đình',
        description:
          'VNPT Quảng Nam mở rộng mạng cáp quang FTTH đến các khu dân cư, ưu tiên khu vực nông thôn và miền núi có nhu cầu, hướng tới phổ cập Internet cáp quang đến hộ gia đình theo chương trình chuyển đổi số của tỉnh.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        responsiblePerson: 'Trần Đình Khải – Trưởng phòng Kỹ thuật – Đầu tư, VNPT Quảng Nam',
        startDate: '2021-01-01',
        dueDate: '2025-06-30',
        status: 'completed',
      },
      {
        code: '2.4',
        title: 'Thí điểm dịch vụ đô thị thông minh tại các đô thị của tỉnh (giai đoạn 2)',
        description:
          'Dừng thực hiện do sắp xếp đơn vị hành chính: không tổ chức chính quyền cấp huyện từ 01/7/2025; nội dung chuyển thành phố Đà Nẵng xem xét.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:vp', 'gov-old:49:sovhttdl'],
        responsiblePerson: 'Phan Văn Lộc – Phó Giám đốc VNPT Quảng Nam',
        startDate: '2023-06-01',
        dueDate: '2025-12-31',
        expectedProduct: 'Các dịch vụ đô thị thông minh (chiếu sáng, giao thông, du lịch) được vận hành thí điểm',
        status: 'cancelled',
        stateReason: 'Không tổ chức chính quyền cấp huyện từ 01/7/2025; nội dung chuyển thành phố Đà Nẵng xem xét.',
      },
    ],
  },
  {
    theme: 'information_security',
    title: 'Hoàn thiện các giải pháp bảo đảm an toàn, an ninh thông tin',
    tasks: [
      {
        code: '3.1',
        title: 'Giám sát an toàn thông tin (SOC) cho các hệ thống thông tin của tỉnh, kết nối hệ thống giám sát quốc gia',
        description:
          'VNPT-IT thu thập nhật ký và giám sát 24/7 các hệ thống thông tin của tỉnh qua SOC, kết nối, chia sẻ thông tin với hệ thống giám sát quốc gia theo hướng dẫn của cơ quan chuyên trách; cảnh báo và phối hợp Sở TT&TT xử lý khi phát hiện sự cố.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:it',
        coordinatingUnitKeys: ['gov-old:49:sotttt'],
        responsiblePerson: 'Đinh Công Hậu – Phó Giám đốc Trung tâm An toàn thông tin, VNPT-IT',
        startDate: '2021-06-01',
        dueDate: '2022-06-30',
        expectedProduct: 'Hệ thống SOC giám sát các hệ thống thông tin của tỉnh, kết nối hệ thống giám sát quốc gia',
        status: 'completed',
      },
      {
        code: '3.2',
        title: 'Xây dựng, phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin',
        description:
          'Sở TT&TT hướng dẫn các cơ quan chủ quản xác định cấp độ và lập hồ sơ đề xuất cấp độ cho từng hệ thống thông tin dùng chung; VNPT-IT hỗ trợ xây dựng phương án bảo đảm an toàn; Sở thẩm định và trình phê duyệt theo thẩm quyền.',
        obligor: 'government',
        leadUnitKey: 'gov-old:49:sotttt',
        coordinatingUnitKeys: ['vnpt:it'],
        startDate: '2021-03-01',
        dueDate: '2022-12-31',
        expectedProduct: 'Hồ sơ đề xuất cấp độ của các hệ thống thông tin dùng chung được phê duyệt',
        status: 'completed',
      },
      {
        code: '3.3',
        title: 'Diễn tập ứng cứu sự cố an toàn thông tin hằng năm',
        obligor: 'joint',
        leadUnitKey: 'gov-old:49:sotttt',
        coordinatingUnitKeys: ['vnpt:quangnam', 'vnpt:it'],
        responsiblePerson: 'Lê Văn Tín – Phó Giám đốc Sở TT&TT',
        startDate: '2021-06-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Báo cáo kết quả diễn tập hằng năm gửi UBND tỉnh',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'human_resources',
    title: 'Phát triển nguồn nhân lực Viễn thông – Công nghệ thông tin',
    tasks: [
      {
        code: '4.1',
        title: 'Đào tạo, bồi dưỡng kỹ năng CNTT, chuyển đổi số cho cán bộ, công chức',
        description:
          'VNPT Quảng Nam tổ chức các lớp bồi dưỡng hằng năm về sử dụng các hệ thống dùng chung, an toàn thông tin và chuyển đổi số cho cán bộ, công chức theo danh sách do Sở TT&TT tổng hợp; đánh giá kết quả học viên cuối mỗi lớp.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:sotttt'],
        responsiblePerson: 'Võ Tấn Phát – Trưởng phòng Giải pháp, VNPT Quảng Nam',
        startDate: '2021-03-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Các lớp bồi dưỡng được tổ chức hằng năm theo kế hoạch của Sở TT&TT',
        status: 'completed',
      },
      {
        code: '4.2',
        title: 'Tập huấn sử dụng hệ thống một cửa điện tử cho cán bộ cấp xã',
        description:
          'VNPT Quảng Nam tập huấn theo cụm xã về tiếp nhận, số hóa hồ sơ, luân chuyển và trả kết quả trên hệ thống một cửa điện tử cho cán bộ một cửa cấp xã và biên soạn tài liệu hướng dẫn; Văn phòng UBND tỉnh triệu tập học viên.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:vp'],
        responsiblePerson: 'Võ Tấn Phát – Trưởng phòng Giải pháp, VNPT Quảng Nam',
        startDate: '2021-06-01',
        dueDate: '2021-12-31',
        expectedProduct: 'Cán bộ một cửa cấp xã được tập huấn; tài liệu hướng dẫn được phát hành',
        status: 'completed',
      },
      {
        code: '4.3',
        title: 'Hợp tác đào tạo, tiếp nhận sinh viên CNTT của tỉnh thực tập tại VNPT',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:quangnam',
        coordinatingUnitKeys: ['gov-old:49:sogddt'],
        startDate: '2022-01-01',
        dueDate: '2025-06-30',
        expectedProduct: 'Chương trình thực tập hằng năm được tổ chức',
        status: 'cancelled',
        stateReason: 'Hai bên thống nhất lồng ghép vào chương trình đào tạo nguồn nhân lực số của tỉnh.',
        description: 'Không triển khai do không bố trí được kinh phí và đầu mối phối hợp.',
      },
    ],
  },
];

export const quangNamVnpt2021: DemoAgreementData = { agreement, plan };
