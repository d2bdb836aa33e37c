import type { DemoAgreement, DemoAgreementData, DemoArea } from '../demo-types.js';

/**
 * Hải Dương – Viettel, 2022–2025 (completed).
 * One section per capability; index.ts says what comes from the sources and what is invented.
 */

// ─── The agreement ───────────────────────────────────────────────────────────────────────────────
// As the sources report it: parties, signing, period, signatories, legal bases, sources.

const agreement: DemoAgreement = {
  key: 'haiduong-viettel-2022',
  title: 'Thỏa thuận hợp tác về chuyển đổi số giữa UBND tỉnh Hải Dương và Tập đoàn Công nghiệp - Viễn thông Quân đội giai đoạn 2022–2025',
  summary:
    'Chiều 9/3/2022, tại trụ sở Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel) ở Hà Nội, UBND tỉnh Hải Dương và ' +
    'Tập đoàn Viettel ký kết thỏa thuận hợp tác về chuyển đổi số giai đoạn 2022–2025; Chủ tịch UBND tỉnh Triệu Thế ' +
    'Hùng và Chủ tịch kiêm Tổng Giám đốc Tập đoàn Viettel Tào Đức Thắng ký kết. Bí thư Tỉnh ủy Phạm Xuân Thăng đề ' +
    'nghị hai bên thực hiện ngay các nội dung hợp tác trên tinh thần "5 rõ" (rõ người, rõ việc, rõ thời gian, rõ ' +
    'trách nhiệm, rõ kết quả), mục tiêu cao nhất là phục vụ người dân, doanh nghiệp. Hai bên đặt mục tiêu chuyển đổi ' +
    'tổng thể, toàn diện với ba trụ cột chính quyền số – kinh tế số – xã hội số, hoàn thành sớm, toàn diện các chỉ ' +
    'tiêu theo Quyết định số 942/QĐ-TTg. Nội dung: xây dựng chiến lược chuyển đổi số; hạ tầng, nền tảng số; kinh tế ' +
    'số; xã hội số; đô thị thông minh; tham vấn giải pháp chuyển đổi số trong các lĩnh vực trọng yếu như du lịch, tài ' +
    'nguyên và môi trường. Các cam kết cụ thể: dịch vụ, giải pháp an toàn thông tin cho các hệ thống ứng dụng nền ' +
    'tảng của tỉnh; hỗ trợ doanh nghiệp, hộ gia đình bán hàng qua sàn voso.vn; thanh toán dịch vụ công, học phí qua ' +
    'ViettelPay; các tuyến xe khách công cộng văn minh, thông minh và logistics số; kế hoạch chuyển đổi số ngành y ' +
    'tế, giáo dục và đào tạo giai đoạn 2022–2025; mô hình đô thị thông minh. Từ ngày 1/7/2025, tỉnh Hải Dương và ' +
    'thành phố Hải Phòng hợp nhất thành thành phố Hải Phòng. Nguồn: Báo Hải Dương (baohaiduong.vn), 11/3/2022.',
  signedOn: '2022-03-09',
  signedPlace: 'Trụ sở Tập đoàn Công nghiệp - Viễn thông Quân đội, Hà Nội',
  periodStart: '2022-01-01',
  periodEnd: '2025-12-31',
  legalBases: ['Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ'],
  sourceUrls: [],
  parties: [
    {
      organisationKey: 'gov-old:30',
      label: 'Bên A',
      signatoryName: 'Triệu Thế Hùng',
      signatoryTitle: 'Chủ tịch UBND tỉnh Hải Dương',
    },
    {
      organisationKey: 'viettel',
      label: 'Bên B',
      signatoryName: 'Tào Đức Thắng',
      signatoryTitle: 'Chủ tịch kiêm Tổng Giám đốc Tập đoàn Viettel',
    },
  ],
  status: 'completed',
  // Its plan names who decides on each task: the sixth “rõ” (thẩm quyền) is checked.
  checksAuthority: true,
};

// ─── The joint plan ──────────────────────────────────────────────────────────────────────────────
// The areas are the cooperation contents the sources name; the tasks under them (units, people,
// dates, products, statuses) are invented for the demo.

const plan: DemoArea[] = [
  {
    theme: 'strategy_consulting',
    title: 'Xây dựng chiến lược chuyển đổi số; tham vấn kế hoạch chuyển đổi số ngành y tế, giáo dục và đào tạo',
    tasks: [
      {
        code: '1.1',
        title: 'Xây dựng Kế hoạch triển khai thỏa thuận hợp tác theo tinh thần "5 rõ"',
        description:
          'Sở TT&TT chủ trì cùng Viettel Hải Dương cụ thể hóa các nội dung của thỏa thuận thành danh mục nhiệm vụ, mỗi nhiệm vụ xác định người phụ trách, việc cụ thể, thời hạn, đơn vị chịu trách nhiệm và sản phẩm; lấy ý kiến các sở, ngành và trình UBND tỉnh ban hành trước ngày 30/4/2022.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:30:sotttt',
        coordinatingUnitKeys: ['viettel:haiduong', 'gov-old:30:vp'],
        responsiblePerson: 'Vũ Văn Quyết – Phó Giám đốc Sở TT&TT',
        startDate: '2022-03-10',
        dueDate: '2022-04-30',
        expectedProduct:
          'Kế hoạch triển khai được UBND tỉnh ban hành, mỗi nhiệm vụ rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả',
        decidedBy: 'Trưởng Ban Chỉ đạo chuyển đổi số tỉnh',
        status: 'completed',
      },
      {
        code: '1.2',
        title: 'Tham vấn xây dựng cơ chế, chính sách, chương trình, kế hoạch chuyển đổi số của tỉnh',
        description:
          'Viettel Solutions cử chuyên gia nghiên cứu các dự thảo cơ chế, chính sách, chương trình, kế hoạch chuyển đổi số do Sở TT&TT gửi, đối chiếu với kinh nghiệm triển khai tại các địa phương khác và có văn bản góp ý, trọng tâm là dự thảo kế hoạch chuyển đổi số năm 2023 của tỉnh.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:sotttt'],
        responsiblePerson: 'Cao Thành Luân – Giám đốc dự án chuyển đổi số địa phương, Viettel Solutions',
        startDate: '2022-04-01',
        dueDate: '2022-09-30',
        expectedProduct: 'Văn bản tham vấn của Viettel đối với dự thảo kế hoạch chuyển đổi số năm 2023 của tỉnh',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
      {
        code: '1.3',
        title: 'Xây dựng Kế hoạch chuyển đổi số ngành y tế giai đoạn 2022–2025',
        description:
          'Sở Y tế đánh giá hiện trạng ứng dụng CNTT tại các cơ sở y tế, xác định mục tiêu, lộ trình triển khai hồ sơ sức khỏe điện tử, bệnh án điện tử và nhu cầu kinh phí giai đoạn 2022–2025; Viettel Solutions tham vấn giải pháp kỹ thuật trước khi Sở trình UBND tỉnh phê duyệt.',
        obligor: 'government',
        leadUnitKey: 'gov-old:30:soyte',
        coordinatingUnitKeys: ['viettel:solutions'],
        responsiblePerson: 'Phạm Thị Lan – Trưởng phòng Kế hoạch – Tài chính, Sở Y tế',
        startDate: '2022-04-01',
        dueDate: '2022-09-30',
        expectedProduct: 'Kế hoạch chuyển đổi số ngành y tế giai đoạn 2022–2025 được UBND tỉnh phê duyệt',
        decidedBy: 'Phó Chủ tịch UBND tỉnh phụ trách khoa học, công nghệ và chuyển đổi số',
        status: 'completed',
      },
      {
        code: '1.4',
        title: 'Xây dựng Kế hoạch chuyển đổi số ngành giáo dục và đào tạo giai đoạn 2022–2025',
        obligor: 'government',
        leadUnitKey: 'gov-old:30:sogddt',
        coordinatingUnitKeys: ['viettel:solutions'],
        responsiblePerson: 'Đoàn Minh Tâm – Phó Giám đốc Sở GD&ĐT',
        startDate: '2022-04-01',
        dueDate: '2022-09-30',
        expectedProduct: 'Kế hoạch chuyển đổi số ngành giáo dục và đào tạo giai đoạn 2022–2025 được UBND tỉnh phê duyệt',
        status: 'completed',
      },
      {
        code: '1.5',
        title: 'Theo dõi, đánh giá mức độ hoàn thành các chỉ tiêu theo Quyết định số 942/QĐ-TTg',
        description:
          'Sở TT&TT lập bảng theo dõi các chỉ tiêu của Quyết định số 942/QĐ-TTg, thu thập số liệu từ các sở, ngành và Viettel Hải Dương, đánh giá mức độ hoàn thành và đề xuất giải pháp cho các chỉ tiêu chậm; báo cáo UBND tỉnh vào cuối mỗi năm.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:30:sotttt',
        coordinatingUnitKeys: ['viettel:haiduong'],
        startDate: '2022-06-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Báo cáo hằng năm về mức độ hoàn thành các chỉ tiêu gửi UBND tỉnh',
        decidedBy: 'Trưởng Ban Chỉ đạo chuyển đổi số tỉnh',
        status: 'completed',
      },
      {
        code: '1.6',
        title: 'Tổng kết thực hiện thỏa thuận hợp tác giai đoạn 2022–2025',
        description:
          'Sở KH&CN thành phố Hải Phòng kế thừa nhiệm vụ, tổng hợp kết quả từng nội dung hợp tác giai đoạn 2022–2025 từ hồ sơ của tỉnh Hải Dương (trước hợp nhất) và báo cáo của Viettel, đánh giá nhiệm vụ hoàn thành, chưa hoàn thành và nguyên nhân, đề xuất nội dung hợp tác tiếp theo.',
        obligor: 'joint',
        leadUnitKey: 'gov:31:sokhcn',
        coordinatingUnitKeys: ['viettel:haiphong', 'viettel:haiduong'],
        responsiblePerson: 'Phạm Đức Thịnh – Phó Trưởng phòng Chuyển đổi số, Sở KH&CN thành phố Hải Phòng',
        startDate: '2025-10-01',
        dueDate: '2025-12-31',
        expectedProduct: 'Báo cáo tổng kết được UBND thành phố Hải Phòng và Tập đoàn Viettel thông qua',
        decidedBy: 'Trưởng Ban Chỉ đạo chuyển đổi số tỉnh',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'digital_infrastructure',
    title: 'Hạ tầng, nền tảng số',
    tasks: [
      {
        code: '2.1',
        title: 'Xây dựng hạ tầng viễn thông – CNTT phục vụ kết nối, điều hành chính quyền số, kinh tế số, xã hội số',
        description:
          'Viettel Hải Dương đầu tư mở rộng mạng băng rộng cố định và di động, bảo đảm kết nối đến các cơ quan nhà nước và khu dân cư theo kế hoạch được Sở TT&TT thống nhất; báo cáo tiến độ hằng quý và hoàn thành trước ngày 31/12/2023.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:haiduong',
        coordinatingUnitKeys: ['gov-old:30:sotttt'],
        responsiblePerson: 'Lê Mạnh Cường – Phó Giám đốc Viettel Hải Dương',
        startDate: '2022-04-01',
        dueDate: '2023-12-31',
        expectedProduct: 'Hạ tầng kết nối băng rộng đến các cơ quan nhà nước và khu dân cư theo kế hoạch',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
        subtasks: [
          {
            code: '2.1.1',
            title: 'Phủ sóng 4G tại các khu dân cư còn yếu sóng; chuẩn bị hạ tầng 5G tại các khu công nghiệp',
            obligor: 'enterprise',
            leadUnitKey: 'viettel:haiduong',
            responsiblePerson: 'Lê Mạnh Cường – Phó Giám đốc Viettel Hải Dương',
            startDate: '2022-04-01',
            dueDate: '2023-06-30',
            expectedProduct: 'Các khu dân cư trong danh mục được phủ sóng 4G; phương án hạ tầng 5G cho khu công nghiệp',
            decidedBy: 'Giám đốc Viettel Hải Dương',
            status: 'completed',
          },
          {
            code: '2.1.2',
            title: 'Cáp quang hóa đến các thôn, khu dân cư',
            description:
              'Viettel Hải Dương kéo cáp quang đến các thôn, khu dân cư chưa có hạ tầng, ưu tiên các thôn xa trung tâm, để mọi hộ gia đình có nhu cầu đều được kết nối Internet cáp quang.',
            obligor: 'enterprise',
            leadUnitKey: 'viettel:haiduong',
            startDate: '2022-04-01',
            dueDate: '2023-12-31',
            decidedBy: 'Giám đốc Viettel Hải Dương',
            status: 'completed',
          },
        ],
      },
      {
        code: '2.2',
        title: 'Cung cấp dịch vụ điện toán đám mây, trung tâm dữ liệu cho các hệ thống thông tin của tỉnh',
        description:
          'Viettel Solutions khảo sát các hệ thống thông tin dùng chung của tỉnh, lập phương án và chuyển các hệ thống lên hạ tầng điện toán đám mây của Viettel, bảo đảm sao lưu dữ liệu và mức độ sẵn sàng theo cam kết; Sở TT&TT xác định danh mục hệ thống và kiểm tra trước khi vận hành chính thức.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:sotttt'],
        responsiblePerson: 'Cao Thành Luân – Giám đốc dự án chuyển đổi số địa phương, Viettel Solutions',
        startDate: '2022-07-01',
        dueDate: '2023-06-30',
        expectedProduct: 'Các hệ thống thông tin dùng chung của tỉnh được vận hành trên hạ tầng điện toán đám mây',
        status: 'completed',
      },
      {
        code: '2.3',
        title: 'Xây dựng nền tảng tích hợp, chia sẻ dữ liệu (LGSP) và kho dữ liệu dùng chung của tỉnh',
        description:
          'Viettel Solutions xây dựng LGSP của tỉnh, kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia và các hệ thống của sở, ngành, đồng thời xây dựng kho dữ liệu dùng chung; Sở TT&TT, Văn phòng UBND tỉnh xác định danh mục dữ liệu ưu tiên chia sẻ và nghiệm thu trước ngày 30/6/2024.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:sotttt', 'gov-old:30:vp'],
        responsiblePerson: 'Cao Thành Luân – Giám đốc dự án chuyển đổi số địa phương, Viettel Solutions',
        startDate: '2022-09-01',
        dueDate: '2024-06-30',
        expectedProduct: 'LGSP kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia; kho dữ liệu dùng chung được vận hành',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'information_security',
    title: 'Dịch vụ, giải pháp an toàn thông tin cho các hệ thống ứng dụng nền tảng của tỉnh',
    tasks: [
      {
        code: '3.1',
        title: 'Cung cấp dịch vụ giám sát, bảo đảm an toàn thông tin cho các hệ thống ứng dụng nền tảng của tỉnh',
        description:
          'Công ty An ninh mạng Viettel lắp đặt thiết bị thu thập nhật ký tại từng hệ thống ứng dụng nền tảng của tỉnh, giám sát 24/7 qua SOC, cảnh báo và phối hợp Sở TT&TT xử lý khi phát hiện tấn công, sự cố.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:cyber',
        coordinatingUnitKeys: ['gov-old:30:sotttt'],
        responsiblePerson: 'Tạ Quang Minh – Trưởng nhóm dịch vụ SOC, Công ty An ninh mạng Viettel',
        startDate: '2022-04-01',
        dueDate: '2025-06-30',
        expectedProduct: 'Hệ thống SOC giám sát 24/7 các hệ thống nền tảng của tỉnh; báo cáo giám sát hằng tháng',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
      {
        code: '3.2',
        title: 'Kiểm tra, đánh giá và khắc phục lỗ hổng các hệ thống thông tin',
        description:
          'Công ty An ninh mạng Viettel rà quét, kiểm thử và đánh giá lỗ hổng bảo mật của từng hệ thống thông tin theo danh mục của Sở TT&TT, hướng dẫn đơn vị vận hành khắc phục và kiểm tra lại sau khi khắc phục.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:cyber',
        coordinatingUnitKeys: ['gov-old:30:sotttt'],
        startDate: '2022-06-01',
        dueDate: '2023-06-30',
        expectedProduct: 'Báo cáo đánh giá và kết quả khắc phục lỗ hổng của từng hệ thống',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
      {
        code: '3.3',
        title: 'Bố trí kinh phí thuê dịch vụ an toàn thông tin hằng năm',
        obligor: 'government',
        leadUnitKey: 'gov-old:30:sotttt',
        coordinatingUnitKeys: ['gov-old:30:vp'],
        responsiblePerson: 'Vũ Văn Quyết – Phó Giám đốc Sở TT&TT',
        startDate: '2022-04-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Dự toán thuê dịch vụ an toàn thông tin được phê duyệt hằng năm',
        decidedBy: 'Phó Chủ tịch UBND tỉnh phụ trách khoa học, công nghệ và chuyển đổi số',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'digital_economy',
    title: 'Kinh tế số',
    tasks: [
      {
        code: '4.1',
        title: 'Hỗ trợ doanh nghiệp, hộ gia đình bán sản phẩm, dịch vụ qua sàn thương mại điện tử voso.vn',
        description:
          'Chi nhánh Bưu chính Viettel Hải Dương hỗ trợ doanh nghiệp, hộ gia đình mở gian hàng, đưa sản phẩm OCOP và nông sản chủ lực lên sàn voso.vn, kết hợp dịch vụ vận chuyển; Sở Công Thương giới thiệu chủ thể tham gia và theo dõi kết quả.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:post',
        coordinatingUnitKeys: ['gov-old:30:soct'],
        responsiblePerson: 'Nguyễn Thị Thanh Huyền – Phó Giám đốc Chi nhánh Bưu chính Viettel Hải Dương',
        startDate: '2022-04-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Sản phẩm OCOP và nông sản của tỉnh (vải thiều Thanh Hà…) có gian hàng trên voso.vn',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
        subtasks: [
          {
            code: '4.1.1',
            title: 'Tập huấn kỹ năng bán hàng trên voso.vn cho hộ sản xuất, hợp tác xã',
            description:
              'Chi nhánh Bưu chính Viettel Hải Dương tổ chức tập huấn tại từng huyện, thị xã, thành phố về đăng ký tài khoản, đăng bán sản phẩm, quản lý đơn hàng và giao nhận trên voso.vn cho hộ sản xuất, hợp tác xã.',
            obligor: 'enterprise',
            leadUnitKey: 'viettel:post',
            responsiblePerson: 'Nguyễn Thị Thanh Huyền – Phó Giám đốc Chi nhánh Bưu chính Viettel Hải Dương',
            startDate: '2022-05-01',
            dueDate: '2022-12-31',
            expectedProduct: 'Các lớp tập huấn được tổ chức tại các huyện, thị xã, thành phố',
            status: 'completed',
          },
          {
            code: '4.1.2',
            title: 'Giới thiệu, kết nối chủ thể OCOP, hợp tác xã tham gia sàn voso.vn',
            obligor: 'government',
            leadUnitKey: 'gov-old:30:soct',
            coordinatingUnitKeys: ['viettel:post'],
            responsiblePerson: 'Bùi Văn Khánh – Phó Giám đốc Sở Công Thương',
            startDate: '2022-05-01',
            dueDate: '2023-06-30',
            expectedProduct: 'Danh sách chủ thể OCOP, hợp tác xã được giới thiệu lên sàn',
            decidedBy: 'Phó Chủ tịch UBND tỉnh phụ trách khoa học, công nghệ và chuyển đổi số',
            status: 'completed',
          },
        ],
      },
      {
        code: '4.2',
        title: 'Đẩy mạnh thanh toán không dùng tiền mặt đối với dịch vụ công qua ViettelPay',
        description:
          'Viettel Digital tích hợp ViettelPay với Cổng dịch vụ công của tỉnh để người dân thanh toán phí, lệ phí trực tuyến; Văn phòng UBND tỉnh rà soát danh mục thủ tục có thu phí, Viettel Hải Dương hướng dẫn người dân và cán bộ một cửa sử dụng.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:digital',
        coordinatingUnitKeys: ['gov-old:30:vp', 'viettel:haiduong'],
        responsiblePerson: 'Đỗ Thu Phương – Trưởng nhóm khách hàng khu vực công, Viettel Digital',
        startDate: '2022-05-01',
        dueDate: '2023-12-31',
        expectedProduct: 'Người dân thanh toán phí, lệ phí dịch vụ công trực tuyến của tỉnh qua ViettelPay',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
      {
        code: '4.3',
        title: 'Thanh toán học phí qua ViettelPay tại các cơ sở giáo dục',
        description:
          'Viettel Digital kết nối ViettelPay với phần mềm thu học phí của các cơ sở giáo dục trong danh mục do Sở GD&ĐT xác định, hướng dẫn nhà trường đối soát và phụ huynh thanh toán, áp dụng từ năm học 2022–2023.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:digital',
        coordinatingUnitKeys: ['gov-old:30:sogddt'],
        responsiblePerson: 'Đỗ Thu Phương – Trưởng nhóm khách hàng khu vực công, Viettel Digital',
        startDate: '2022-08-01',
        dueDate: '2023-06-30',
        expectedProduct: 'Các cơ sở giáo dục trong danh mục thu học phí qua ViettelPay từ năm học 2022–2023',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
      {
        code: '4.4',
        title: 'Triển khai các hoạt động logistics số phục vụ tiêu thụ nông sản',
        description:
          'Chi nhánh Bưu chính Viettel Hải Dương tổ chức thu gom nông sản tại vùng sản xuất, vận chuyển đến người mua và cập nhật trạng thái đơn hàng trên nền tảng số; Sở Công Thương kết nối các vùng sản xuất, hợp tác xã có nhu cầu tiêu thụ.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:post',
        coordinatingUnitKeys: ['gov-old:30:soct'],
        responsiblePerson: 'Nguyễn Thị Thanh Huyền – Phó Giám đốc Chi nhánh Bưu chính Viettel Hải Dương',
        startDate: '2023-01-01',
        dueDate: '2025-06-30',
        expectedProduct: 'Dịch vụ thu gom, vận chuyển, theo dõi đơn hàng nông sản được vận hành trên nền tảng số',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'digital_society',
    title: 'Xã hội số',
    tasks: [
      {
        code: '5.1',
        title: 'Phổ cập kỹ năng số, hỗ trợ người dân sử dụng dịch vụ công trực tuyến',
        description:
          'Sở TT&TT chủ trì kiện toàn, tập huấn Tổ công nghệ số cộng đồng tại các xã, phường, thị trấn; Viettel Hải Dương cử nhân viên cùng các Tổ hướng dẫn người dân tạo tài khoản, nộp hồ sơ dịch vụ công trực tuyến và sử dụng các ứng dụng số thiết yếu.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:30:sotttt',
        coordinatingUnitKeys: ['viettel:haiduong'],
        responsiblePerson: 'Vũ Văn Quyết – Phó Giám đốc Sở TT&TT',
        startDate: '2022-04-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Tổ công nghệ số cộng đồng tại các xã, phường, thị trấn được tập huấn',
        decidedBy: 'Trưởng Ban Chỉ đạo chuyển đổi số tỉnh',
        status: 'completed',
      },
      {
        code: '5.2',
        title: 'Triển khai hồ sơ sức khỏe điện tử, bệnh án điện tử theo Kế hoạch chuyển đổi số ngành y tế',
        description:
          'Viettel Solutions triển khai hồ sơ sức khỏe điện tử và bệnh án điện tử tại các bệnh viện trong danh mục của Sở Y tế, gồm cài đặt phần mềm, chuyển đổi dữ liệu và đào tạo nhân viên y tế; Sở Y tế kiểm tra, nghiệm thu theo từng bệnh viện.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:soyte'],
        responsiblePerson: 'Hà Văn Định – Giám đốc dự án y tế, Viettel Solutions',
        startDate: '2023-01-01',
        dueDate: '2025-06-30',
        expectedProduct: 'Bệnh án điện tử được triển khai tại các bệnh viện trong danh mục của Sở Y tế',
        status: 'completed',
      },
      {
        code: '5.3',
        title: 'Triển khai nền tảng học tập trực tuyến, quản lý trường học theo Kế hoạch chuyển đổi số ngành giáo dục',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:sogddt'],
        responsiblePerson: 'Hà Văn Định – Giám đốc dự án, Viettel Solutions',
        startDate: '2022-10-01',
        dueDate: '2024-06-30',
        expectedProduct: 'Các trường học trong danh mục sử dụng nền tảng học tập trực tuyến và quản lý trường học',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'smart_city',
    title: 'Đô thị thông minh',
    tasks: [
      {
        code: '6.1',
        title: 'Triển khai hệ thống các tuyến xe khách công cộng văn minh, thông minh',
        description:
          'Viettel Solutions lắp thiết bị giám sát hành trình, triển khai vé điện tử và ứng dụng tra cứu lộ trình cho các tuyến xe khách công cộng, thí điểm trên tuyến xe buýt nội tỉnh trước khi mở rộng; Sở GTVT cung cấp dữ liệu tuyến và phối hợp các doanh nghiệp vận tải.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:sogtvt', 'viettel:haiduong'],
        responsiblePerson: 'Cao Thành Luân – Giám đốc dự án chuyển đổi số địa phương, Viettel Solutions',
        startDate: '2022-06-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Các tuyến xe khách công cộng được giám sát hành trình, có vé điện tử và thông tin lộ trình cho hành khách',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
        subtasks: [
          {
            code: '6.1.1',
            title: 'Thí điểm giám sát hành trình, vé điện tử trên các tuyến xe buýt nội tỉnh',
            obligor: 'enterprise',
            leadUnitKey: 'viettel:solutions',
            coordinatingUnitKeys: ['gov-old:30:sogtvt'],
            responsiblePerson: 'Cao Thành Luân – Giám đốc dự án chuyển đổi số địa phương, Viettel Solutions',
            startDate: '2022-06-01',
            dueDate: '2023-06-30',
            expectedProduct: 'Các tuyến thí điểm vận hành vé điện tử và giám sát hành trình',
            decidedBy: 'Giám đốc Viettel Hải Dương',
            status: 'completed',
          },
          {
            code: '6.1.2',
            title: 'Mở rộng sang các tuyến xe khách liên tỉnh',
            description:
              'Dừng thực hiện khi sắp xếp đơn vị hành chính; chuyển thành phố Hải Phòng xem xét trong quy hoạch vận tải công cộng chung.',
            obligor: 'enterprise',
            leadUnitKey: 'viettel:solutions',
            coordinatingUnitKeys: ['gov-old:30:vp'],
            startDate: '2024-01-01',
            dueDate: '2025-06-30',
            decidedBy: 'Giám đốc Viettel Hải Dương',
            status: 'cancelled',
            stateReason: 'Sắp xếp đơn vị hành chính: chuyển thành phố Hải Phòng xem xét trong quy hoạch vận tải công cộng chung.',
          },
        ],
      },
      {
        code: '6.2',
        title: 'Xây dựng Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh',
        description:
          'Viettel Solutions thiết kế, lắp đặt IOC và tích hợp dữ liệu từ các hệ thống dịch vụ công, phản ánh hiện trường, camera giám sát; Văn phòng UBND tỉnh, Sở TT&TT xác định các chỉ số cần theo dõi, bố trí nhân sự vận hành và đưa vào sử dụng trước ngày 30/6/2023.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:vp', 'gov-old:30:sotttt'],
        responsiblePerson: 'Cao Thành Luân – Giám đốc dự án chuyển đổi số địa phương, Viettel Solutions',
        startDate: '2022-06-01',
        dueDate: '2023-06-30',
        expectedProduct: 'IOC tỉnh được đưa vào vận hành phục vụ chỉ đạo, điều hành của lãnh đạo tỉnh',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
      {
        code: '6.3',
        title: 'Triển khai mô hình đô thị thông minh trên địa bàn tỉnh',
        description: 'Tạm dừng giai đoạn mở rộng từ tháng 7/2025 khi hợp nhất vào thành phố Hải Phòng, chờ phương án chung của thành phố.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:vp', 'viettel:haiphong'],
        responsiblePerson: 'Cao Thành Luân – Giám đốc dự án chuyển đổi số địa phương, Viettel Solutions',
        startDate: '2023-01-01',
        dueDate: '2025-12-31',
        expectedProduct: 'Mô hình đô thị thông minh (giao thông, chiếu sáng, phản ánh hiện trường) vận hành tại đô thị trung tâm tỉnh',
        status: 'paused',
        stateReason: 'Hợp nhất vào thành phố Hải Phòng từ 01/7/2025; chờ phương án đô thị thông minh chung của thành phố.',
      },
    ],
  },
  {
    theme: 'sector_programme',
    title: 'Tham vấn giải pháp chuyển đổi số lĩnh vực du lịch, tài nguyên và môi trường',
    tasks: [
      {
        code: '7.1',
        title: 'Tham vấn, triển khai giải pháp du lịch thông minh (bản đồ số, thuyết minh tự động tại di tích)',
        description:
          'Viettel Solutions khảo sát khu di tích Côn Sơn – Kiếp Bạc, xây dựng bản đồ số du lịch và thuyết minh tự động qua mã QR, ứng dụng di động; Sở VHTTDL cung cấp, thẩm định nội dung thuyết minh và đưa vào phục vụ du khách.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:sovhttdl'],
        responsiblePerson: 'Mạc Văn Phong – Chuyên gia giải pháp du lịch, Viettel Solutions',
        startDate: '2022-06-01',
        dueDate: '2024-06-30',
        expectedProduct: 'Bản đồ số du lịch và thuyết minh tự động tại khu di tích Côn Sơn – Kiếp Bạc được đưa vào sử dụng',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
      {
        code: '7.2',
        title: 'Tham vấn giải pháp quan trắc môi trường tự động và cơ sở dữ liệu tài nguyên và môi trường',
        description:
          'Viettel Solutions khảo sát hiện trạng trạm quan trắc và dữ liệu tài nguyên và môi trường, đề xuất giải pháp quan trắc tự động, liên tục và mô hình cơ sở dữ liệu tài nguyên và môi trường của tỉnh; gửi Sở TN&MT văn bản tham vấn làm căn cứ lập dự án.',
        obligor: 'enterprise',
        leadUnitKey: 'viettel:solutions',
        coordinatingUnitKeys: ['gov-old:30:sotnmt'],
        responsiblePerson: 'Mạc Văn Phong – Chuyên gia giải pháp, Viettel Solutions',
        startDate: '2022-06-01',
        dueDate: '2024-12-31',
        decidedBy: 'Giám đốc Viettel Hải Dương',
        status: 'completed',
      },
    ],
  },
];

/**
 * The plan was issued by the province after both sides agreed it (task 1.1: "trình UBND tỉnh ban
 * hành trước ngày 30/4/2022"); the mid-term review moved the smart-tourism deadline and added the
 * plan for 2024–2025. The days are the demo's reading of the sources, not dates they print.
 */
const approval: DemoAgreementData['approval'] = {
  waiverReason:
    'Nhiệm vụ định hướng của thỏa thuận; người phụ trách và sản phẩm cụ thể được giao trong kế hoạch hằng năm của đơn vị chủ trì.',
  first: {
    submittedOn: '2022-04-20',
    approvedOn: '2022-04-28',
    note: 'Kế hoạch triển khai thỏa thuận hợp tác theo tinh thần "5 rõ", đã lấy ý kiến các sở, ngành.',
  },
  revision: {
    submittedOn: '2024-03-11',
    approvedOn: '2024-03-22',
    note: 'Điều chỉnh giữa kỳ: lùi thời hạn giải pháp du lịch thông minh, bổ sung kế hoạch triển khai giai đoạn 2024–2025.',
    dueDates: [
      { title: 'Tham vấn, triển khai giải pháp du lịch thông minh (bản đồ số, thuyết minh tự động tại di tích)', dueDate: '2024-12-31' },
    ],
    add: {
      parentTitle: 'Xây dựng Kế hoạch triển khai thỏa thuận hợp tác theo tinh thần "5 rõ"',
      task: {
        code: '1.1.1',
        title: 'Cập nhật Kế hoạch triển khai thỏa thuận cho giai đoạn 2024–2025',
        description:
          'Rà soát kết quả 2022–2023, điều chỉnh danh mục nhiệm vụ còn lại và bổ sung nhiệm vụ mới cho giai đoạn 2024–2025; hai bên thống nhất trước khi trình UBND tỉnh.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:30:sotttt',
        coordinatingUnitKeys: ['viettel:haiduong'],
        responsiblePerson: 'Vũ Văn Quyết – Phó Giám đốc Sở TT&TT',
        startDate: '2024-02-01',
        dueDate: '2024-04-30',
        expectedProduct: 'Kế hoạch điều chỉnh được hai bên phê duyệt',
        decidedBy: 'Trưởng Ban Chỉ đạo chuyển đổi số tỉnh',
        status: 'completed',
      },
    },
  },
};

export const haiDuongViettel2022: DemoAgreementData = { agreement, plan, approval };
