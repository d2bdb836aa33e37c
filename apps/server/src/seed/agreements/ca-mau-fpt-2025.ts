import type { DemoAgreement, DemoAgreementData, DemoArea } from '../demo-types.js';

/**
 * Cà Mau – FPT, reported 17 September 2025 (in force).
 * One section per capability; index.ts says what comes from the sources and what is invented.
 */

// ─── The agreement ───────────────────────────────────────────────────────────────────────────────
// As the sources report it: parties, signing, period, signatories, legal bases, sources.

const agreement: DemoAgreement = {
  key: 'camau-fpt-2025',
  title: 'Thỏa thuận hợp tác chiến lược về chuyển đổi số toàn diện giữa tỉnh Cà Mau và Tập đoàn FPT',
  summary:
    'Theo Báo Tin Tức (đăng ngày 17/9/2025; ngày ký ghi ở đây là ngày đưa tin, nguồn tin không nêu ngày ký chính ' +
    'xác), tỉnh Cà Mau và FPT ký thỏa thuận hợp tác chiến lược về chuyển đổi số toàn diện. Bí thư Tỉnh ủy Cà Mau ' +
    'Nguyễn Hồ Hải cho biết việc ký kết là bước đầu tiên để xây dựng một kế hoạch chung cụ thể; tỉnh sẽ ưu tiên doanh ' +
    'nghiệp trong một số chương trình của tỉnh và thời gian tới hướng tới "hội nghị không giấy". Hai bên thúc đẩy ' +
    'chuyển đổi số toàn diện qua ba trụ cột chính quyền số – kinh tế số – xã hội số. FPT chuyển giao công nghệ, đào ' +
    'tạo nguồn nhân lực chất lượng; phối hợp rà soát, đánh giá hiện trạng hạ tầng số của tỉnh để đề xuất giải pháp ' +
    'phát triển, hoàn thiện hạ tầng dữ liệu, cung cấp nền tảng số tiên tiến, bảo đảm an toàn thông tin; triển khai ' +
    'chương trình đào tạo cho cán bộ, lãnh đạo các cấp, trong đó có các khóa "phổ cập số" ứng dụng trí tuệ nhân tạo; ' +
    'hỗ trợ doanh nghiệp địa phương về thiết bị công nghệ; tư vấn, triển khai giải pháp chuyển đổi số trong các lĩnh ' +
    'vực ưu tiên: y tế, giáo dục, nông nghiệp, môi trường, du lịch. Hai bên tiếp tục thúc đẩy mô hình hợp tác công – ' +
    'tư phục vụ thực hiện bốn nghị quyết 57, 59, 66 và 68-NQ/TW. Nguồn tin không nêu người ký và thời hạn thỏa thuận.',
  signedOn: '2025-09-17',
  periodStart: '2025-09-17',
  legalBases: [
    'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    'Nghị quyết số 59-NQ/TW ngày 24/01/2025 của Bộ Chính trị về hội nhập quốc tế trong tình hình mới',
    'Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật',
    'Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân',
  ],
  sourceUrls: ['https://baotintuc.vn/dia-phuong/ca-mau-hop-tac-chien-luoc-chuyen-doi-so-toan-dien-20250917230101015.htm'],
  parties: [
    { organisationKey: 'gov:96', label: 'Bên A' },
    { organisationKey: 'fpt', label: 'Bên B' },
  ],
  status: 'in_force',
};

// ─── The joint plan ──────────────────────────────────────────────────────────────────────────────
// The areas are the cooperation contents the sources name; the tasks under them (units, people,
// dates, products, statuses) are invented for the demo.

const plan: DemoArea[] = [
  {
    theme: 'strategy_consulting',
    title: 'Rà soát hiện trạng, tư vấn phát triển hạ tầng dữ liệu và nền tảng số',
    description:
      'FPT phối hợp rà soát, đánh giá hiện trạng hạ tầng số của tỉnh để đề xuất giải pháp phát triển, hoàn thiện hạ tầng dữ liệu và cung cấp các nền tảng số tiên tiến.',
    tasks: [
      {
        code: '1.1',
        title: 'Xây dựng kế hoạch chung triển khai thỏa thuận hợp tác giữa tỉnh và FPT',
        description:
          'Sở KH&CN chủ trì cùng FPT xây dựng kế hoạch chung theo ba trụ cột chính quyền số – kinh tế số – xã hội số, xác định nhiệm vụ, đơn vị chủ trì, phối hợp và thời hạn của từng sở, ngành và đơn vị thành viên FPT; lấy ý kiến các bên, trình UBND tỉnh và FPT ký ban hành trước ngày 30/11/2025.',
        obligor: 'joint',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['fpt', 'gov:96:vp'],
        responsiblePerson: 'Trần Quốc Khánh – Phó Giám đốc Sở KH&CN',
        startDate: '2025-09-22',
        dueDate: '2025-11-30',
        expectedProduct:
          'Kế hoạch chung được UBND tỉnh và FPT ký ban hành, phân công nhiệm vụ đến từng sở, ngành và đơn vị thành viên của FPT',
        status: 'completed',
      },
      {
        code: '1.2',
        title: 'Cung cấp thông tin, số liệu hiện trạng hạ tầng số, hệ thống thông tin của các sở, ngành, xã, phường',
        obligor: 'government',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['gov:96:vp', 'gov:96:sotc'],
        responsiblePerson: 'Trần Ngọc Diễm – Phó Trưởng phòng Chuyển đổi số, Sở KH&CN',
        startDate: '2025-10-01',
        dueDate: '2025-12-15',
        expectedProduct: 'Bộ số liệu hiện trạng theo mẫu khảo sát được gửi FPT IS',
        status: 'completed',
      },
      {
        code: '1.3',
        title: 'Khảo sát, đánh giá hiện trạng hạ tầng số của tỉnh',
        description:
          'FPT IS chủ trì, FPT Smart Cloud tham gia khảo sát trung tâm dữ liệu, mạng, các nền tảng và hiện trạng an toàn thông tin của tỉnh trên cơ sở số liệu do các sở, ngành, xã, phường cung cấp; phân tích khoảng trống so với yêu cầu chuyển đổi số và trình Sở KH&CN nghiệm thu báo cáo trước ngày 28/02/2026.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:is',
        coordinatingUnitKeys: ['fpt:smartcloud', 'gov:96:sokhcn'],
        responsiblePerson: 'Bùi Quang Huy – Giám đốc dự án, FPT IS',
        startDate: '2025-10-15',
        dueDate: '2026-02-28',
        expectedProduct:
          'Báo cáo đánh giá hiện trạng hạ tầng số (trung tâm dữ liệu, mạng, nền tảng, an toàn thông tin) được Sở KH&CN nghiệm thu',
        status: 'completed',
      },
      {
        code: '1.4',
        title: 'Đề xuất giải pháp phát triển, hoàn thiện hạ tầng dữ liệu của tỉnh (trung tâm dữ liệu, điện toán đám mây)',
        description:
          'Trên cơ sở báo cáo hiện trạng đã được nghiệm thu, FPT Smart Cloud đề xuất mô hình trung tâm dữ liệu, điện toán đám mây của tỉnh, lộ trình đầu tư hoặc thuê dịch vụ và khái toán kinh phí; Sở KH&CN góp ý để hoàn thiện đề án trình UBND tỉnh trước ngày 30/6/2026.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:smartcloud',
        coordinatingUnitKeys: ['fpt:is', 'gov:96:sokhcn'],
        responsiblePerson: 'Kiều Anh Tuấn – Trưởng nhóm giải pháp khu vực công, FPT Smart Cloud',
        startDate: '2026-03-01',
        dueDate: '2026-06-30',
        expectedProduct: 'Đề án phát triển hạ tầng dữ liệu tỉnh Cà Mau được trình UBND tỉnh',
        status: 'in_progress',
      },
      {
        code: '1.5',
        title: 'Đề xuất các nền tảng số tiên tiến phục vụ quản lý nhà nước, kinh tế số và xã hội số',
        description:
          'FPT IS đề xuất danh mục nền tảng số ưu tiên cho quản lý nhà nước, kinh tế số và xã hội số, nêu rõ chức năng, khả năng kết nối với hệ thống hiện có và phương thức triển khai; Sở KH&CN tổ chức đánh giá, lựa chọn nền tảng đưa vào kế hoạch năm 2027.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:is',
        coordinatingUnitKeys: ['gov:96:sokhcn'],
        responsiblePerson: 'Bùi Quang Huy – Giám đốc dự án, FPT IS',
        startDate: '2026-03-01',
        dueDate: '2026-09-30',
        status: 'in_progress',
      },
    ],
  },
  {
    theme: 'human_resources',
    title: 'Đào tạo, nâng cao năng lực đội ngũ cán bộ',
    tasks: [
      {
        code: '2.1',
        title: 'Tổ chức khóa "phổ cập số" ứng dụng trí tuệ nhân tạo (AI) cho cán bộ, công chức các cấp',
        description:
          'Tổ chức Giáo dục FPT xây dựng chương trình, học liệu và tổ chức các khóa "phổ cập số" về ứng dụng AI trong công việc cho cán bộ lãnh đạo, quản lý các sở, ngành và 64/64 xã, phường, kết hợp học trực tiếp và trực tuyến; Sở KH&CN tổng hợp học viên và theo dõi tỷ lệ hoàn thành theo từng đợt.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:edu',
        coordinatingUnitKeys: ['gov:96:sokhcn'],
        responsiblePerson: 'Mai Thị Phương Thảo – Giám đốc chương trình đào tạo khu vực công, Tổ chức Giáo dục FPT',
        startDate: '2025-10-15',
        dueDate: '2026-12-31',
        expectedProduct: 'Cán bộ lãnh đạo, quản lý các sở, ngành và 64/64 xã, phường hoàn thành khóa học, được cấp chứng nhận',
        status: 'in_progress',
        subtasks: [
          {
            code: '2.1.1',
            title: 'Tổng hợp danh sách, cử cán bộ tham gia khóa học',
            obligor: 'government',
            leadUnitKey: 'gov:96:sokhcn',
            coordinatingUnitKeys: ['gov:96:vp'],
            responsiblePerson: 'Lý Thanh Tùng – Trưởng phòng Chuyển đổi số, Sở KH&CN',
            startDate: '2025-10-15',
            dueDate: '2025-11-15',
            expectedProduct: 'Danh sách học viên theo từng đợt được gửi Tổ chức Giáo dục FPT',
            status: 'completed',
          },
          {
            code: '2.1.2',
            title: 'Khóa "phổ cập số" ứng dụng AI cho lãnh đạo, quản lý cấp tỉnh',
            description:
              'Tổ chức Giáo dục FPT giảng dạy cho lãnh đạo, quản lý cấp tỉnh cách khai thác công cụ AI trong soạn thảo văn bản, tổng hợp và phân tích số liệu phục vụ điều hành; kiểm tra cuối khóa và cấp chứng nhận cho học viên đạt yêu cầu trước ngày 31/01/2026.',
            obligor: 'enterprise',
            leadUnitKey: 'fpt:edu',
            coordinatingUnitKeys: ['gov:96:sokhcn'],
            responsiblePerson: 'Mai Thị Phương Thảo – Giám đốc chương trình đào tạo khu vực công, Tổ chức Giáo dục FPT',
            startDate: '2025-11-15',
            dueDate: '2026-01-31',
            expectedProduct: 'Khóa học hoàn thành; báo cáo kết quả và danh sách học viên được cấp chứng nhận',
            status: 'completed',
          },
          {
            code: '2.1.3',
            title: 'Khóa "phổ cập số" ứng dụng AI cho cán bộ, công chức cấp xã',
            description:
              'Tổ chức Giáo dục FPT mở các lớp theo cụm xã, phường cho cán bộ, công chức cấp xã, tập trung vào ứng dụng AI trong giải quyết thủ tục hành chính và soạn thảo văn bản; UBND phường An Xuyên, phường Bạc Liêu bố trí địa điểm và triệu tập học viên của cụm.',
            obligor: 'enterprise',
            leadUnitKey: 'fpt:edu',
            coordinatingUnitKeys: ['gov:96:p-anxuyen', 'gov:96:p-baclieu'],
            responsiblePerson: 'Mai Thị Phương Thảo – Giám đốc chương trình đào tạo khu vực công, Tổ chức Giáo dục FPT',
            startDate: '2026-03-01',
            dueDate: '2026-12-31',
            expectedProduct: 'Các lớp học được tổ chức theo cụm xã, phường; báo cáo kết quả sau mỗi đợt',
            status: 'in_progress',
          },
        ],
      },
      {
        code: '2.2',
        title: 'Đào tạo chuyên sâu cho cán bộ chuyên trách công nghệ thông tin, an toàn thông tin',
        description:
          'Tổ chức Giáo dục FPT cùng FPT IS đào tạo chuyên sâu về quản trị hệ thống, an toàn thông tin và ứng cứu sự cố cho cán bộ chuyên trách CNTT của các sở, ngành, có bài thực hành trên môi trường mô phỏng; Sở KH&CN lập danh sách học viên và theo dõi kết quả.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:edu',
        coordinatingUnitKeys: ['fpt:is', 'gov:96:sokhcn'],
        startDate: '2026-04-01',
        dueDate: '2026-10-31',
        expectedProduct: 'Cán bộ chuyên trách CNTT của các sở, ngành hoàn thành chương trình đào tạo chuyên sâu',
        status: 'in_progress',
      },
      {
        code: '2.3',
        title: 'Tư vấn xây dựng chương trình phát triển nguồn nhân lực công nghệ số của tỉnh',
        description:
          'Tổ chức Giáo dục FPT đánh giá nhu cầu nhân lực công nghệ số của tỉnh đến năm 2030, đề xuất mục tiêu và giải pháp đào tạo, thu hút, liên kết với các cơ sở giáo dục; Sở GD&ĐT, Sở KH&CN góp ý để hoàn thiện dự thảo trình UBND tỉnh.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:edu',
        coordinatingUnitKeys: ['gov:96:sogddt', 'gov:96:sokhcn'],
        responsiblePerson: 'Mai Thị Phương Thảo – Giám đốc chương trình đào tạo khu vực công, Tổ chức Giáo dục FPT',
        startDate: '2027-01-01',
        dueDate: '2027-06-30',
        expectedProduct: 'Dự thảo chương trình phát triển nguồn nhân lực công nghệ số trình UBND tỉnh',
        status: 'not_started',
      },
    ],
  },
  {
    theme: 'digital_government',
    title: 'Phát triển chính quyền số, hướng tới "hội nghị không giấy"',
    tasks: [
      {
        code: '3.1',
        title: 'Triển khai giải pháp "hội nghị không giấy"',
        description:
          'FPT IS cung cấp giải pháp hội nghị không giấy gồm phần mềm quản lý tài liệu họp, biểu quyết và ký số, triển khai trước tại UBND tỉnh rồi mở rộng đến các sở, ngành và UBND xã, phường; Văn phòng UBND tỉnh và Sở KH&CN điều phối việc áp dụng.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:is',
        coordinatingUnitKeys: ['gov:96:vp', 'gov:96:sokhcn'],
        responsiblePerson: 'Bùi Quang Huy – Giám đốc dự án, FPT IS',
        startDate: '2025-10-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Hội nghị không giấy được sử dụng cho các cuộc họp của UBND tỉnh, các sở, ngành và UBND xã, phường',
        status: 'in_progress',
        subtasks: [
          {
            code: '3.1.1',
            title: 'Đưa phòng họp không giấy vào sử dụng tại UBND tỉnh',
            description:
              'FPT IS cài đặt phần mềm, cấu hình thiết bị tại phòng họp UBND tỉnh, tạo tài khoản và tập huấn cho thành viên UBND tỉnh, chuyên viên Văn phòng; vận hành thử tại các cuộc họp chuyên đề trước khi áp dụng cho phiên họp thường kỳ.',
            obligor: 'enterprise',
            leadUnitKey: 'fpt:is',
            coordinatingUnitKeys: ['gov:96:vp'],
            responsiblePerson: 'Bùi Quang Huy – Giám đốc dự án, FPT IS',
            startDate: '2025-10-01',
            dueDate: '2026-03-31',
            expectedProduct: 'Phiên họp thường kỳ của UBND tỉnh được tổ chức hoàn toàn không dùng tài liệu giấy',
            status: 'completed',
          },
          {
            code: '3.1.2',
            title: 'Mở rộng hội nghị không giấy đến các sở, ngành và UBND xã, phường',
            obligor: 'enterprise',
            leadUnitKey: 'fpt:is',
            coordinatingUnitKeys: ['gov:96:sokhcn', 'fpt:camau'],
            responsiblePerson: 'Đoàn Văn Lực – Kỹ sư triển khai, FPT IS',
            startDate: '2026-04-01',
            dueDate: '2026-12-31',
            expectedProduct: 'Giải pháp được sử dụng tại các sở, ngành và các xã, phường trong danh mục triển khai',
            status: 'in_progress',
          },
        ],
      },
      {
        code: '3.2',
        title: 'Bố trí hạ tầng, thiết bị và ban hành quy chế tổ chức họp không giấy',
        description:
          'Văn phòng UBND tỉnh đề xuất trang bị máy tính bảng, màn hình và đường truyền cho phòng họp, Sở Tài chính bố trí kinh phí; đồng thời dự thảo quy chế về phát hành tài liệu, biểu quyết điện tử và bảo mật tài liệu họp, trình UBND tỉnh ban hành trước ngày 31/01/2026.',
        obligor: 'government',
        leadUnitKey: 'gov:96:vp',
        coordinatingUnitKeys: ['gov:96:sokhcn', 'gov:96:sotc'],
        responsiblePerson: 'Nguyễn Hoài Phong – Phó Chánh Văn phòng UBND tỉnh',
        startDate: '2025-10-01',
        dueDate: '2026-01-31',
        expectedProduct: 'Quy chế tổ chức họp không giấy được UBND tỉnh ban hành; thiết bị được bố trí tại phòng họp',
        status: 'completed',
      },
      {
        code: '3.3',
        title: 'Thí điểm trợ lý ảo AI hỗ trợ tra cứu văn bản, tổng hợp báo cáo cho cán bộ',
        description:
          'FPT Smart Cloud xây dựng trợ lý ảo trên kho văn bản quy phạm pháp luật và văn bản chỉ đạo của tỉnh, hỗ trợ tra cứu, tóm tắt văn bản và tổng hợp số liệu báo cáo; thí điểm với chuyên viên Văn phòng UBND tỉnh, đo độ chính xác và thời gian xử lý tiết kiệm được.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:smartcloud',
        coordinatingUnitKeys: ['gov:96:vp'],
        responsiblePerson: 'Kiều Anh Tuấn – Trưởng nhóm giải pháp khu vực công, FPT Smart Cloud',
        startDate: '2026-05-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Trợ lý ảo được thí điểm tại Văn phòng UBND tỉnh; báo cáo đánh giá hiệu quả',
        status: 'in_progress',
      },
    ],
  },
  {
    theme: 'sector_programme',
    title: 'Chuyển đổi số các lĩnh vực ưu tiên: y tế, giáo dục, nông nghiệp, môi trường, du lịch',
    tasks: [
      {
        code: '4.1',
        title: 'Tư vấn, triển khai giải pháp chuyển đổi số ngành y tế',
        description:
          'FPT IS khảo sát hiện trạng ứng dụng CNTT tại các cơ sở y tế, đề xuất phương án chuyển đổi số ngành y tế (hồ sơ sức khỏe điện tử, bệnh án điện tử, khám chữa bệnh từ xa) để Sở Y tế thống nhất, sau đó thí điểm giải pháp tại một bệnh viện tuyến tỉnh.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:is',
        coordinatingUnitKeys: ['gov:96:soyte'],
        responsiblePerson: 'Trịnh Hữu Nghĩa – Trưởng nhóm giải pháp y tế, FPT IS',
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Phương án chuyển đổi số y tế được Sở Y tế thống nhất; giải pháp được thí điểm tại bệnh viện tuyến tỉnh',
        status: 'in_progress',
      },
      {
        code: '4.2',
        title: 'Tư vấn, triển khai giải pháp chuyển đổi số ngành giáo dục',
        description:
          'FPT IS cùng Tổ chức Giáo dục FPT khảo sát các trường học, đề xuất phương án quản lý trường học, học liệu số và đánh giá học sinh trên môi trường số, bảo đảm kết nối với cơ sở dữ liệu ngành giáo dục; Sở GD&ĐT góp ý và thống nhất phương án trước ngày 31/12/2026.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:is',
        coordinatingUnitKeys: ['gov:96:sogddt', 'fpt:edu'],
        responsiblePerson: 'Trịnh Hữu Nghĩa – Trưởng nhóm giải pháp y tế, giáo dục, FPT IS',
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Phương án chuyển đổi số giáo dục được Sở GD&ĐT thống nhất',
        status: 'in_progress',
      },
      {
        code: '4.3',
        title: 'Ứng dụng công nghệ số trong nông nghiệp và quản lý môi trường (quan trắc, cảnh báo xâm nhập mặn, sạt lở)',
        description:
          'FPT IS lắp đặt thiết bị quan trắc độ mặn, mực nước và biến động bờ tại các điểm do Sở Nông nghiệp và Môi trường lựa chọn, xây dựng phần mềm cảnh báo xâm nhập mặn, sạt lở gửi đến cơ quan quản lý và người dân; vận hành thí điểm qua ít nhất một mùa khô.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:is',
        coordinatingUnitKeys: ['gov:96:sonnmt'],
        responsiblePerson: 'Đoàn Văn Lực – Kỹ sư triển khai, FPT IS',
        startDate: '2026-03-01',
        dueDate: '2027-03-31',
        expectedProduct: 'Hệ thống quan trắc, cảnh báo được thí điểm tại các điểm do Sở Nông nghiệp và Môi trường lựa chọn',
        status: 'in_progress',
      },
      {
        code: '4.4',
        title: 'Chuyển đổi số du lịch (bản đồ số, thuyết minh tự động, dữ liệu du khách)',
        description:
          'FPT IS xây dựng bản đồ số các điểm du lịch, thuyết minh tự động qua mã QR tại các điểm trọng điểm như khu du lịch Mũi Cà Mau và công cụ thu thập dữ liệu du khách phục vụ quản lý; Sở VHTTDL cung cấp nội dung, UBND xã Đất Mũi hỗ trợ khảo sát thực địa.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:is',
        coordinatingUnitKeys: ['gov:96:sovhttdl', 'gov:96:x-datmui'],
        startDate: '2026-06-01',
        dueDate: '2027-06-30',
        expectedProduct: 'Bản đồ số du lịch tỉnh Cà Mau và thuyết minh tự động tại các điểm du lịch trọng điểm',
        status: 'not_started',
      },
      {
        code: '4.5',
        title: 'Hỗ trợ doanh nghiệp địa phương tiếp cận thiết bị, giải pháp công nghệ',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:camau',
        coordinatingUnitKeys: ['gov:96:sotc'],
        responsiblePerson: 'Hà Thanh Sang – Phó Giám đốc FPT Telecom Cà Mau',
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Danh sách doanh nghiệp địa phương được tư vấn, hỗ trợ thiết bị, giải pháp; báo cáo hằng quý',
        status: 'in_progress',
      },
      {
        code: '4.6',
        title: 'Ưu tiên doanh nghiệp tham gia một số chương trình, dự án chuyển đổi số của tỉnh theo quy định',
        description:
          'Sở Tài chính rà soát các chương trình, dự án chuyển đổi số của tỉnh có thể áp dụng cơ chế ưu tiên doanh nghiệp theo quy định về đầu tư, đấu thầu và hợp tác công – tư, hướng dẫn chủ đầu tư thực hiện; Sở KH&CN đề xuất danh mục dự án phù hợp.',
        obligor: 'government',
        leadUnitKey: 'gov:96:sotc',
        coordinatingUnitKeys: ['gov:96:sokhcn'],
        responsiblePerson: 'Tạ Minh Nhựt – Phó Giám đốc Sở Tài chính',
        startDate: '2025-10-01',
        dueDate: '2026-12-31',
        status: 'in_progress',
      },
    ],
  },
  {
    theme: 'information_security',
    title: 'Bảo đảm an toàn thông tin',
    tasks: [
      {
        code: '5.1',
        title: 'Đánh giá an toàn thông tin các hệ thống thông tin dùng chung của tỉnh',
        description:
          'FPT IS rà quét lỗ hổng, kiểm thử xâm nhập và đánh giá cấu hình đối với từng hệ thống thông tin dùng chung của tỉnh; Sở KH&CN, Công an tỉnh thống nhất phạm vi, thời gian kiểm tra để không gián đoạn vận hành.',
        obligor: 'enterprise',
        leadUnitKey: 'fpt:is',
        coordinatingUnitKeys: ['gov:96:sokhcn', 'gov:96:ca'],
        responsiblePerson: 'Lưu Đức Thắng – Chuyên gia an toàn thông tin, FPT IS',
        startDate: '2026-02-01',
        dueDate: '2026-07-31',
        expectedProduct: 'Báo cáo đánh giá an toàn thông tin và danh mục lỗ hổng cần khắc phục của từng hệ thống',
        status: 'completed',
      },
      {
        code: '5.2',
        title: 'Khắc phục các điểm yếu, lỗ hổng theo kết quả đánh giá',
        obligor: 'government',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['fpt:is'],
        responsiblePerson: 'Võ Thị Ngọc Hân – Phó Trưởng phòng Bưu chính, viễn thông và an toàn thông tin, Sở KH&CN',
        startDate: '2026-08-01',
        dueDate: '2026-10-31',
        expectedProduct: 'Báo cáo kết quả khắc phục, có xác nhận kiểm tra lại của FPT IS',
        status: 'in_progress',
      },
      {
        code: '5.3',
        title: 'Tổ chức diễn tập thực chiến an toàn thông tin cấp tỉnh',
        description:
          'Sở KH&CN xây dựng kịch bản và tổ chức diễn tập thực chiến trên hệ thống thật với sự tham gia của đội ứng cứu sự cố các sở, ngành; FPT IS đóng vai đội tấn công và hỗ trợ kỹ thuật, Công an tỉnh giám sát; kết quả và bài học kinh nghiệm được tổng hợp báo cáo UBND tỉnh.',
        obligor: 'joint',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['fpt:is', 'gov:96:ca'],
        responsiblePerson: 'Võ Thị Ngọc Hân – Phó Trưởng phòng Bưu chính, viễn thông và an toàn thông tin, Sở KH&CN',
        startDate: '2026-09-01',
        dueDate: '2026-12-15',
        expectedProduct: 'Diễn tập được tổ chức; báo cáo kết quả và bài học kinh nghiệm gửi UBND tỉnh',
        status: 'in_progress',
      },
    ],
  },
];

export const caMauFpt2025: DemoAgreementData = { agreement, plan };
