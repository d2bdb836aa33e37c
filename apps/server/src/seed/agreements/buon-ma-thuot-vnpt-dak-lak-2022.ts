import type { DemoAgreement, DemoAgreementData, DemoArea } from '../demo-types.js';

/**
 * Buôn Ma Thuột – VNPT Đắk Lắk, 2022–2026 (in force).
 * One section per capability; index.ts says what comes from the sources and what is invented.
 */

// ─── The agreement ───────────────────────────────────────────────────────────────────────────────
// As the sources report it: parties, signing, period, signatories, legal bases, sources.

const agreement: DemoAgreement = {
  key: 'bmt-vnptdaklak-2022',
  title:
    'Thỏa thuận hợp tác chiến lược viễn thông – công nghệ thông tin về chuyển đổi số giữa UBND thành phố Buôn Ma Thuột và VNPT Đắk Lắk giai đoạn 2022–2026',
  summary:
    'Chiều 16/3/2022, UBND thành phố Buôn Ma Thuột và VNPT Đắk Lắk ký kết thỏa thuận hợp tác chiến lược viễn thông – ' +
    'công nghệ thông tin (VT-CNTT) về chuyển đổi số giai đoạn 2022–2026, nhằm phát huy tối đa thế mạnh của hai bên, ' +
    'huy động nguồn lực tổng hợp; triển khai các sản phẩm VT-CNTT, dịch vụ số theo mô hình chính quyền điện tử hướng ' +
    'tới chính quyền số, kinh tế số và xã hội số, góp phần xây dựng thành phố Buôn Ma Thuột tiên phong, đi đầu trong ' +
    'chuyển đổi số toàn diện. Nội dung hợp tác gồm: triển khai hạ tầng số; phát triển chính quyền điện tử; phát triển ' +
    'kinh tế số; phát triển xã hội số — được triển khai thống nhất, thông suốt từ UBND thành phố/VNPT Đắk Lắk đến các ' +
    'cấp, đơn vị trực thuộc; kế thừa và sử dụng có hiệu quả hạ tầng VT-CNTT, hạ tầng số hiện có. Thành phố hướng tới ' +
    'để người dân được tham gia quản lý xã hội và giám sát chính quyền, lấy người dân và doanh nghiệp là trung tâm. ' +
    'Từ ngày 1/7/2025 không còn chính quyền cấp huyện; các nhiệm vụ còn lại do UBND phường Buôn Ma Thuột chủ trì, phối ' +
    'hợp với các phường, xã trên địa bàn thành phố cũ.',
  signedOn: '2022-03-16',
  periodStart: '2022-01-01',
  periodEnd: '2026-12-31',
  legalBases: [],
  sourceUrls: [],
  parties: [
    { organisationKey: 'gov-old:66:bmt', label: 'Bên A' },
    { organisationKey: 'vnpt:daklak', label: 'Bên B' },
  ],
  status: 'in_force',
};

// ─── The joint plan ──────────────────────────────────────────────────────────────────────────────
// The areas are the cooperation contents the sources name; the tasks under them (units, people,
// dates, products, statuses) are invented for the demo.

const plan: DemoArea[] = [
  {
    theme: 'digital_infrastructure',
    title: 'Hợp tác triển khai hạ tầng số',
    description: 'Kế thừa và sử dụng có hiệu quả hạ tầng VT-CNTT, hạ tầng số hiện có.',
    tasks: [
      {
        code: '1.1',
        title: 'Rà soát, thống kê hạ tầng VT-CNTT, hạ tầng số hiện có để kế thừa, sử dụng hiệu quả',
        description:
          'Văn phòng HĐND và UBND thành phố chủ trì cùng VNPT Đắk Lắk, Phòng Văn hóa và Thông tin thống kê đường truyền, thiết bị, phần mềm, camera đang sử dụng tại các cơ quan của thành phố, đánh giá mức độ đáp ứng và phân loại hạ tầng tiếp tục sử dụng, cần nâng cấp hoặc thay thế.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:66:bmt:vp',
        coordinatingUnitKeys: ['vnpt:daklak', 'gov-old:66:bmt:pvhtt'],
        responsiblePerson: 'Nguyễn Văn Toàn – Phó Chánh Văn phòng HĐND và UBND thành phố',
        startDate: '2022-04-01',
        dueDate: '2022-07-31',
        expectedProduct: 'Báo cáo hiện trạng hạ tầng VT-CNTT của thành phố và danh mục hạ tầng được kế thừa',
        status: 'completed',
      },
      {
        code: '1.2',
        title: 'Mở rộng mạng truyền số liệu chuyên dùng đến UBND các phường, xã',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov-old:66:bmt:vp'],
        responsiblePerson: 'Vũ Đình Khoa – Trưởng phòng Kỹ thuật – Đầu tư, VNPT Đắk Lắk',
        startDate: '2022-05-01',
        dueDate: '2022-12-31',
        expectedProduct: 'UBND các phường, xã của thành phố kết nối mạng truyền số liệu chuyên dùng',
        status: 'completed',
      },
      {
        code: '1.3',
        title: 'Lắp đặt camera giám sát an ninh trật tự, giao thông tại các nút giao trọng điểm',
        description:
          'VNPT Đắk Lắk khảo sát và lắp đặt camera tại các nút giao trọng điểm theo danh mục do Văn phòng HĐND và UBND thành phố thống nhất, kết nối đường truyền, đưa tín hiệu về trung tâm giám sát; vận hành thử và nghiệm thu trước ngày 30/6/2024.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov-old:66:bmt:vp'],
        responsiblePerson: 'Vũ Đình Khoa – Trưởng phòng Kỹ thuật – Đầu tư, VNPT Đắk Lắk',
        startDate: '2022-09-01',
        dueDate: '2024-06-30',
        expectedProduct: 'Hệ thống camera tại các nút giao trong danh mục được đưa vào vận hành',
        status: 'completed',
      },
      {
        code: '1.4',
        title: 'Bảo đảm hạ tầng kết nối cho UBND phường Buôn Ma Thuột và các phường, xã sau sắp xếp',
        description:
          'VNPT Đắk Lắk rà soát trụ sở dự kiến của UBND phường Buôn Ma Thuột, phường Tân An, xã Hòa Phú và các phường, xã sau sắp xếp; lắp đặt đường truyền, mạng truyền số liệu chuyên dùng, thiết bị hội nghị truyền hình và chạy thử trước ngày 01/7/2025.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov:66:p-bmt', 'gov:66:p-tanan', 'gov:66:x-hoaphu'],
        responsiblePerson: 'Vũ Đình Khoa – Trưởng phòng Kỹ thuật – Đầu tư, VNPT Đắk Lắk',
        startDate: '2025-06-01',
        dueDate: '2025-07-15',
        expectedProduct: 'Trụ sở các phường, xã mới có đường truyền, hội nghị truyền hình hoạt động từ ngày 01/7/2025',
        status: 'completed',
      },
      {
        code: '1.5',
        title: 'Phủ sóng 5G khu vực trung tâm phường Buôn Ma Thuột',
        description:
          'VNPT Đắk Lắk xác định vị trí, lắp đặt và phát sóng các trạm 5G tại khu vực trung tâm phường Buôn Ma Thuột; UBND phường hỗ trợ địa điểm lắp đặt trên công trình công cộng và thông tin đến người dân.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov:66:p-bmt'],
        responsiblePerson: 'Vũ Đình Khoa – Trưởng phòng Kỹ thuật – Đầu tư, VNPT Đắk Lắk',
        startDate: '2025-09-01',
        dueDate: '2026-06-30',
        expectedProduct: 'Các trạm 5G khu vực trung tâm được phát sóng',
        status: 'in_progress',
      },
    ],
  },
  {
    theme: 'digital_government',
    title: 'Hợp tác phát triển chính quyền điện tử',
    tasks: [
      {
        code: '2.1',
        title: 'Triển khai hệ thống quản lý văn bản và điều hành, chữ ký số cho các phòng, ban và UBND phường, xã',
        description:
          'VNPT Đắk Lắk cài đặt hệ thống quản lý văn bản và điều hành, cấp chữ ký số cho lãnh đạo, văn thư các phòng, ban và UBND phường, xã, tập huấn sử dụng; Văn phòng HĐND và UBND thành phố hướng dẫn quy trình gửi, nhận văn bản điện tử thay cho văn bản giấy.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov-old:66:bmt:vp'],
        responsiblePerson: 'Đặng Thị Thu Hiền – Phó Trưởng phòng Khách hàng tổ chức, VNPT Đắk Lắk',
        startDate: '2022-04-01',
        dueDate: '2022-12-31',
        expectedProduct: 'Các phòng, ban và UBND phường, xã gửi, nhận văn bản điện tử có ký số',
        status: 'completed',
      },
      {
        code: '2.2',
        title: 'Xây dựng Trung tâm giám sát, điều hành đô thị thông minh của thành phố',
        description: 'Tạm dừng mở rộng từ tháng 7/2025 do không còn chính quyền cấp huyện; chờ phương án tích hợp vào nền tảng của tỉnh.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:66:bmt:vp',
        coordinatingUnitKeys: ['vnpt:daklak'],
        responsiblePerson: 'Nguyễn Văn Toàn – Phó Chánh Văn phòng HĐND và UBND thành phố',
        startDate: '2023-01-01',
        dueDate: '2025-06-30',
        expectedProduct: 'Trung tâm giám sát, điều hành thông minh của thành phố vận hành các phân hệ trong danh mục',
        status: 'paused',
        stateReason: 'Không còn chính quyền cấp huyện từ 01/7/2025; chờ phương án tích hợp vào nền tảng của tỉnh.',
      },
      {
        code: '2.3',
        title:
          'Triển khai ứng dụng tiếp nhận phản ánh, kiến nghị của người dân, để người dân tham gia quản lý xã hội, giám sát chính quyền',
        description:
          'VNPT Đắk Lắk xây dựng ứng dụng di động tiếp nhận phản ánh, kiến nghị kèm hình ảnh, vị trí, tự động chuyển đến cơ quan có thẩm quyền và công khai kết quả xử lý; Văn phòng HĐND và UBND thành phố điều phối việc xử lý, Phòng Văn hóa và Thông tin tuyên truyền để người dân sử dụng.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov-old:66:bmt:vp', 'gov-old:66:bmt:pvhtt'],
        responsiblePerson: 'Đặng Thị Thu Hiền – Phó Trưởng phòng Khách hàng tổ chức, VNPT Đắk Lắk',
        startDate: '2022-06-01',
        dueDate: '2023-03-31',
        expectedProduct: 'Ứng dụng được đưa vào vận hành; phản ánh được xử lý và công khai kết quả trên ứng dụng',
        status: 'completed',
        subtasks: [
          {
            code: '2.3.1',
            title: 'Ban hành quy chế tiếp nhận, xử lý và công khai kết quả xử lý phản ánh',
            obligor: 'government',
            leadUnitKey: 'gov-old:66:bmt:vp',
            responsiblePerson: 'Nguyễn Văn Toàn – Phó Chánh Văn phòng HĐND và UBND thành phố',
            startDate: '2022-06-01',
            dueDate: '2022-09-30',
            expectedProduct: 'Quy chế được UBND thành phố ban hành',
            status: 'completed',
          },
          {
            code: '2.3.2',
            title: 'Tiếp tục vận hành ứng dụng phản ánh hiện trường tại phường Buôn Ma Thuột',
            description:
              'Sau sắp xếp đơn vị hành chính, UBND phường Buôn Ma Thuột tiếp nhận tài khoản quản trị, phân công công chức tiếp nhận và chuyển xử lý phản ánh; VNPT Đắk Lắk duy trì hệ thống, cung cấp số liệu để phường báo cáo hằng quý.',
            obligor: 'joint',
            leadUnitKey: 'gov:66:p-bmt',
            coordinatingUnitKeys: ['vnpt:daklak'],
            responsiblePerson: "H'Nhung Niê – Công chức Văn phòng HĐND và UBND phường",
            startDate: '2025-07-01',
            dueDate: '2026-12-31',
            expectedProduct: 'Báo cáo hằng quý về số phản ánh tiếp nhận, đã xử lý, đúng hạn',
            status: 'in_progress',
          },
        ],
      },
      {
        code: '2.4',
        title: 'Bàn giao dữ liệu, hồ sơ điện tử của UBND thành phố cho UBND các phường, xã kế thừa',
        description:
          'UBND phường Buôn Ma Thuột chủ trì cùng VNPT Đắk Lắk phân loại dữ liệu văn bản, hồ sơ thủ tục hành chính và tài khoản hệ thống của UBND thành phố theo địa bàn kế thừa, chuyển giao cho UBND phường Tân Lập, phường Ea Kao và các phường, xã khác.',
        obligor: 'joint',
        leadUnitKey: 'gov:66:p-bmt',
        coordinatingUnitKeys: ['vnpt:daklak', 'gov:66:p-tanlap', 'gov:66:p-eakao'],
        responsiblePerson: 'Lê Quang Vinh – Phó Chủ tịch UBND phường Buôn Ma Thuột',
        startDate: '2025-07-01',
        dueDate: '2025-09-30',
        expectedProduct: 'Biên bản bàn giao dữ liệu và tài khoản hệ thống cho từng phường, xã',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'digital_economy',
    title: 'Hợp tác phát triển kinh tế số',
    tasks: [
      {
        code: '3.1',
        title: 'Hỗ trợ tiểu thương tại các chợ thực hiện thanh toán không dùng tiền mặt',
        description:
          'VNPT Đắk Lắk phối hợp Phòng Kinh tế và ban quản lý các chợ hướng dẫn tiểu thương mở tài khoản, cấp và niêm yết mã QR thanh toán tại quầy hàng; theo dõi số tiểu thương sử dụng tại từng chợ trong danh mục.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov-old:66:bmt:pkt'],
        responsiblePerson: 'Đặng Thị Thu Hiền – Phó Trưởng phòng Khách hàng tổ chức, VNPT Đắk Lắk',
        startDate: '2022-09-01',
        dueDate: '2023-12-31',
        expectedProduct: 'Tiểu thương tại các chợ trong danh mục có mã QR thanh toán',
        status: 'completed',
      },
      {
        code: '3.2',
        title: 'Đưa cà phê và nông sản đặc trưng của thành phố lên sàn thương mại điện tử',
        description:
          'Phòng Kinh tế lựa chọn các cơ sở sản xuất cà phê, nông sản đặc trưng đủ điều kiện; VNPT Đắk Lắk hỗ trợ hoàn thiện thông tin sản phẩm, mở gian hàng trên sàn thương mại điện tử và hướng dẫn quản lý đơn hàng trực tuyến.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:66:bmt:pkt',
        coordinatingUnitKeys: ['vnpt:daklak'],
        responsiblePerson: 'Trần Thị Hồng Vân – Phó Trưởng phòng Kinh tế thành phố',
        startDate: '2023-01-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Các cơ sở sản xuất cà phê, nông sản trong danh mục có gian hàng trên sàn thương mại điện tử',
        status: 'completed',
      },
      {
        code: '3.3',
        title: 'Hỗ trợ doanh nghiệp sử dụng hóa đơn điện tử, chữ ký số, hợp đồng điện tử',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        responsiblePerson: 'Đặng Thị Thu Hiền – Phó Trưởng phòng Khách hàng tổ chức, VNPT Đắk Lắk',
        startDate: '2022-04-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Báo cáo hằng năm về số doanh nghiệp trên địa bàn được hỗ trợ',
        status: 'in_progress',
      },
      {
        code: '3.4',
        title: 'Hỗ trợ hộ kinh doanh chuyển sang sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền',
        description:
          'VNPT Đắk Lắk phối hợp UBND phường Buôn Ma Thuột, phường Tân An lập danh sách hộ kinh doanh thuộc diện áp dụng, khảo sát thiết bị bán hàng, cài đặt phần mềm hóa đơn điện tử khởi tạo từ máy tính tiền và hướng dẫn lập hóa đơn cho từng hộ.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov:66:p-bmt', 'gov:66:p-tanan'],
        startDate: '2025-10-01',
        dueDate: '2026-03-31',
        expectedProduct: 'Hộ kinh doanh trong danh mục của phường được cài đặt, hướng dẫn sử dụng hóa đơn điện tử',
        status: 'in_progress',
      },
    ],
  },
  {
    theme: 'digital_society',
    title: 'Hợp tác phát triển xã hội số',
    tasks: [
      {
        code: '4.1',
        title: 'Thành lập, tập huấn Tổ công nghệ số cộng đồng tại các phường, xã',
        description:
          'Phòng Văn hóa và Thông tin tham mưu UBND thành phố quyết định thành lập Tổ công nghệ số cộng đồng tại tất cả phường, xã; VNPT Đắk Lắk biên soạn tài liệu, cử giảng viên tập huấn kỹ năng hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh toán số.',
        obligor: 'joint',
        leadUnitKey: 'gov-old:66:bmt:pvhtt',
        coordinatingUnitKeys: ['vnpt:daklak'],
        responsiblePerson: 'Y Khoa Byă – Phó Trưởng phòng Văn hóa và Thông tin thành phố',
        startDate: '2022-05-01',
        dueDate: '2023-06-30',
        expectedProduct: 'Tổ công nghệ số cộng đồng được thành lập, tập huấn tại tất cả phường, xã của thành phố',
        status: 'completed',
      },
      {
        code: '4.2',
        title: 'Tuyên truyền, phổ biến kỹ năng số cho người dân qua hệ thống thông tin cơ sở',
        obligor: 'government',
        leadUnitKey: 'gov-old:66:bmt:pvhtt',
        coordinatingUnitKeys: ['vnpt:daklak'],
        responsiblePerson: 'Y Khoa Byă – Phó Trưởng phòng Văn hóa và Thông tin thành phố',
        startDate: '2022-05-01',
        dueDate: '2024-12-31',
        expectedProduct: 'Chuyên mục chuyển đổi số phát định kỳ trên hệ thống thông tin cơ sở',
        status: 'completed',
      },
      {
        code: '4.3',
        title: 'Triển khai sổ liên lạc điện tử, thu học phí không dùng tiền mặt tại các trường học',
        description:
          'VNPT Đắk Lắk triển khai sổ liên lạc điện tử và kênh thu học phí không dùng tiền mặt cho các trường mầm non, tiểu học, THCS, tập huấn giáo viên và kế toán nhà trường; Phòng GD&ĐT chỉ đạo các trường áp dụng và theo dõi tỷ lệ phụ huynh tham gia.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:daklak',
        coordinatingUnitKeys: ['gov-old:66:bmt:pgddt'],
        responsiblePerson: 'Đặng Thị Thu Hiền – Phó Trưởng phòng Khách hàng tổ chức, VNPT Đắk Lắk',
        startDate: '2022-08-01',
        dueDate: '2023-05-31',
        expectedProduct: 'Các trường mầm non, tiểu học, THCS của thành phố sử dụng sổ liên lạc điện tử và thu học phí không dùng tiền mặt',
        status: 'completed',
      },
      {
        code: '4.4',
        title: 'Hướng dẫn người dân kích hoạt tài khoản định danh điện tử và sử dụng dịch vụ công trực tuyến',
        description:
          'UBND phường Buôn Ma Thuột chủ trì cùng VNPT Đắk Lắk và UBND phường Tân An, phường Tân Lập bố trí điểm hỗ trợ tại trụ sở và khu dân cư, hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2 và nộp hồ sơ dịch vụ công trực tuyến.',
        obligor: 'joint',
        leadUnitKey: 'gov:66:p-bmt',
        coordinatingUnitKeys: ['vnpt:daklak', 'gov:66:p-tanan', 'gov:66:p-tanlap'],
        responsiblePerson: 'Lê Quang Vinh – Phó Chủ tịch UBND phường Buôn Ma Thuột',
        startDate: '2025-08-01',
        dueDate: '2026-06-30',
        status: 'in_progress',
      },
      {
        code: '4.5',
        title: 'Tổng kết thực hiện thỏa thuận hợp tác giai đoạn 2022–2026',
        description:
          'UBND phường Buôn Ma Thuột chủ trì cùng VNPT Đắk Lắk tổng hợp kết quả từng nội dung hợp tác, kể cả các nhiệm vụ đã chuyển giao sau sắp xếp, đánh giá mức độ hoàn thành, tồn tại và đề xuất nội dung giai đoạn tiếp theo; lấy ý kiến Sở KH&CN tỉnh Đắk Lắk trước khi hoàn thiện báo cáo.',
        obligor: 'joint',
        leadUnitKey: 'gov:66:p-bmt',
        coordinatingUnitKeys: ['vnpt:daklak', 'gov:66:sokhcn'],
        responsiblePerson: 'Lê Quang Vinh – Phó Chủ tịch UBND phường Buôn Ma Thuột',
        startDate: '2026-11-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Báo cáo tổng kết giai đoạn 2022–2026 và đề xuất nội dung hợp tác giai đoạn tiếp theo',
        status: 'not_started',
      },
    ],
  },
];

export const buonMaThuotVnptDakLak2022: DemoAgreementData = { agreement, plan };
