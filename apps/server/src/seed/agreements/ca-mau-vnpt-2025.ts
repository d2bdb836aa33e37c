import type { DemoAgreement, DemoAgreementData, DemoArea } from '../demo-types.js';

/**
 * Cà Mau – VNPT, signed 11 September 2025 (in force).
 * One section per capability; index.ts says what comes from the sources and what is invented.
 */

// ─── The agreement ───────────────────────────────────────────────────────────────────────────────
// As the sources report it: parties, signing, period, signatories, legal bases, sources.

const agreement: DemoAgreement = {
  key: 'camau-vnpt-2025',
  title: 'Thỏa thuận hợp tác chiến lược về chuyển đổi số giữa UBND tỉnh Cà Mau và Tập đoàn Bưu chính Viễn thông Việt Nam',
  summary:
    'Chiều 11/9/2025, UBND tỉnh Cà Mau và Tập đoàn VNPT ký kết hợp tác chiến lược về chuyển đổi số, nhằm triển khai ' +
    'quyết liệt, hiệu quả Nghị quyết 57-NQ/TW của Bộ Chính trị, hướng tới xây dựng chính quyền số, phát triển kinh tế ' +
    'số, xã hội số và mở rộng ứng dụng công nghệ số trong các lĩnh vực trọng điểm. Nội dung hợp tác được triển khai ' +
    'thống nhất, thông suốt từ UBND tỉnh Cà Mau và VNPT đến các cấp, các ngành và đơn vị thành viên, phù hợp với mô ' +
    'hình tổ chức của mỗi bên; hai bên tạo điều kiện cho nhau trong rà soát, đề xuất và tổ chức thực hiện; cung cấp, ' +
    'trao đổi thông tin ngay và thường xuyên. Bốn nội dung: hợp tác phát triển hạ tầng và nền tảng tạo nền móng cho ' +
    'chuyển đổi số; phát triển chính quyền số; phát triển kinh tế số; phát triển xã hội số. Tỉnh nêu những khó khăn, ' +
    'hạn chế về hạ tầng viễn thông, trình độ và mức độ thích ứng của cộng đồng với các ứng dụng nền tảng số, hệ thống ' +
    'bảo mật… để VNPT hỗ trợ "chữa" các khoảng trống; yêu cầu có sản phẩm cụ thể, đo đếm được, làm nhanh và bảo đảm ' +
    'chất lượng; kết quả cuối cùng được đo bằng mức đóng góp vào tăng trưởng của tỉnh. Nguồn tin không nêu thời hạn ' +
    'của thỏa thuận.',
  signedOn: '2025-09-11',
  signedPlace: 'Cà Mau',
  periodStart: '2025-09-11',
  legalBases: ['Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị'],
  sourceUrls: ['https://nhandan.vn/ca-mau-thoa-thuan-hop-tac-chien-luoc-voi-vnpt-ve-chuyen-doi-so-post907468.html'],
  parties: [
    {
      organisationKey: 'gov:96',
      label: 'Bên A',
      signatoryName: 'Nguyễn Minh Luân',
      signatoryTitle: 'Phó Chủ tịch UBND tỉnh Cà Mau',
    },
    {
      organisationKey: 'vnpt',
      label: 'Bên B',
      signatoryName: 'Tô Dũng Thái',
      signatoryTitle: 'Chủ tịch Hội đồng thành viên Tập đoàn VNPT',
    },
  ],
  status: 'in_force',
};

// ─── The joint plan ──────────────────────────────────────────────────────────────────────────────
// The areas are the cooperation contents the sources name; the tasks under them (units, people,
// dates, products, statuses) are invented for the demo.

const plan: DemoArea[] = [
  {
    theme: 'digital_infrastructure',
    title: 'Phát triển hạ tầng và nền tảng',
    description:
      'Hợp tác phát triển hạ tầng và nền tảng tạo nền móng cho chuyển đổi số; hỗ trợ tỉnh khắc phục khoảng trống về hạ tầng viễn thông và bảo mật.',
    tasks: [
      {
        code: '1.1',
        title: 'Xây dựng, ban hành Kế hoạch triển khai thỏa thuận hợp tác với Tập đoàn VNPT',
        description:
          'Sở KH&CN chủ trì cùng VNPT Cà Mau cụ thể hóa bốn nội dung hợp tác thành danh mục nhiệm vụ theo tinh thần "5 rõ", lấy ý kiến các sở, ngành và đơn vị thành viên VNPT, hoàn thiện dự thảo trình UBND tỉnh ban hành trước ngày 31/10/2025.',
        obligor: 'joint',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['vnpt:camau', 'gov:96:vp'],
        responsiblePerson: 'Trần Quốc Khánh – Phó Giám đốc Sở KH&CN',
        startDate: '2025-09-15',
        dueDate: '2025-10-31',
        expectedProduct:
          'Kế hoạch triển khai được UBND tỉnh ban hành, có danh mục nhiệm vụ, đơn vị chủ trì, phối hợp, thời hạn và sản phẩm cụ thể',
        status: 'completed',
        subtasks: [
          {
            code: '1.1.1',
            title: 'Các sở, ngành, UBND xã, phường xây dựng kế hoạch chi tiết của đơn vị',
            description:
              'Căn cứ Kế hoạch của UBND tỉnh, từng sở, ngành và UBND xã, phường xác định nhiệm vụ thuộc phạm vi quản lý, phân công cán bộ thực hiện và thời hạn hoàn thành; Sở KH&CN ban hành biểu mẫu, đôn đốc và tổng hợp đủ kế hoạch của 64/64 xã, phường trước ngày 31/12/2025.',
            obligor: 'government',
            leadUnitKey: 'gov:96:sokhcn',
            coordinatingUnitKeys: ['gov:96:p-anxuyen', 'gov:96:p-baclieu', 'gov:96:x-datmui'],
            responsiblePerson: 'Lý Thanh Tùng – Trưởng phòng Chuyển đổi số, Sở KH&CN',
            startDate: '2025-11-01',
            dueDate: '2025-12-31',
            expectedProduct: 'Kế hoạch chi tiết của các sở, ngành và 64/64 xã, phường được gửi Sở KH&CN tổng hợp',
            status: 'completed',
          },
          {
            code: '1.1.2',
            title: 'VNPT Cà Mau và các đơn vị thành viên phân công đầu mối, kế hoạch triển khai tương ứng',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:camau',
            coordinatingUnitKeys: ['vnpt:it', 'vnpt:vinaphone'],
            responsiblePerson: 'Lê Hoàng Phúc – Phó Giám đốc VNPT Cà Mau',
            startDate: '2025-10-01',
            dueDate: '2025-11-15',
            expectedProduct: 'Quyết định phân công đầu mối và kế hoạch triển khai của VNPT Cà Mau, VNPT-IT, VNPT VinaPhone',
            status: 'completed',
          },
        ],
      },
      {
        code: '1.2',
        title: 'Thiết lập cơ chế cung cấp, trao đổi thông tin ngay và thường xuyên giữa hai bên',
        description:
          'Hai bên cử cán bộ đầu mối tại Sở KH&CN và VNPT Cà Mau, thống nhất kênh trao đổi thông tin thường xuyên, chế độ báo cáo và lịch giao ban hằng quý; Sở KH&CN dự thảo quy chế phối hợp để hai bên ký trước ngày 15/10/2025.',
        obligor: 'joint',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['vnpt:camau'],
        responsiblePerson: 'Trần Quốc Khánh – Phó Giám đốc Sở KH&CN',
        startDate: '2025-09-15',
        dueDate: '2025-10-15',
        expectedProduct: 'Quy chế phối hợp, danh sách cán bộ đầu mối và lịch giao ban hằng quý được hai bên ký thống nhất',
        status: 'completed',
      },
      {
        code: '1.3',
        title: 'Rà soát hiện trạng hạ tầng viễn thông, xác định vùng lõm sóng và khu vực chưa có cáp quang',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:camau',
        coordinatingUnitKeys: ['gov:96:sokhcn', 'gov:96:soxd'],
        responsiblePerson: 'Lê Hoàng Phúc – Phó Giám đốc VNPT Cà Mau',
        startDate: '2025-10-01',
        dueDate: '2025-12-31',
        expectedProduct: 'Báo cáo hiện trạng hạ tầng viễn thông và bản đồ vùng lõm sóng đến từng xã, phường',
        status: 'completed',
      },
      {
        code: '1.4',
        title: 'Phát triển hạ tầng di động 4G/5G và cáp quang tại các vùng lõm sóng, vùng ven biển',
        description:
          'VNPT Cà Mau đầu tư trạm BTS 4G/5G và tuyến cáp quang theo danh mục vùng lõm sóng đã rà soát, ưu tiên các xã ven biển và trụ sở UBND xã, phường chưa có cáp quang; Sở Xây dựng, Sở Nông nghiệp và Môi trường hỗ trợ mặt bằng, thủ tục để hoàn thành trong năm 2026.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:camau',
        coordinatingUnitKeys: ['gov:96:soxd', 'gov:96:sonnmt'],
        responsiblePerson: 'Lê Hoàng Phúc – Phó Giám đốc VNPT Cà Mau',
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Xóa các vùng lõm sóng di động trong danh mục đã rà soát; trụ sở UBND 64/64 xã, phường có kết nối cáp quang',
        status: 'in_progress',
        subtasks: [
          {
            code: '1.4.1',
            title: 'Lắp đặt, phát sóng trạm BTS tại xã Đất Mũi và xã Năm Căn',
            description:
              'VNPT Cà Mau khảo sát vị trí, lắp đặt thiết bị, đấu nối truyền dẫn và phát sóng các trạm BTS mới tại xã Đất Mũi, xã Năm Căn; UBND hai xã phối hợp bố trí điểm đặt trạm và cùng đo kiểm vùng phủ khi nghiệm thu trước ngày 30/6/2026.',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:camau',
            coordinatingUnitKeys: ['gov:96:x-datmui', 'gov:96:x-namcan'],
            responsiblePerson: 'Nguyễn Văn Đức – Trưởng Trung tâm Điều hành thông tin, VNPT Cà Mau',
            startDate: '2026-01-15',
            dueDate: '2026-06-30',
            expectedProduct: 'Các trạm BTS mới được phát sóng và nghiệm thu chất lượng vùng phủ',
            status: 'in_progress',
          },
          {
            code: '1.4.2',
            title: 'Bố trí mặt bằng, hỗ trợ thủ tục cấp phép xây dựng trạm BTS và tuyến cáp quang',
            description:
              'Sở Xây dựng hướng dẫn và giải quyết hồ sơ cấp phép xây dựng trạm BTS, tuyến cáp quang; Sở Nông nghiệp và Môi trường cùng UBND xã Đất Mũi, xã Năm Căn xác định và bàn giao mặt bằng cho các vị trí trong danh mục trước ngày 30/4/2026.',
            obligor: 'government',
            leadUnitKey: 'gov:96:soxd',
            coordinatingUnitKeys: ['gov:96:sonnmt', 'gov:96:x-datmui', 'gov:96:x-namcan'],
            startDate: '2026-01-01',
            dueDate: '2026-04-30',
            expectedProduct: 'Giấy phép xây dựng và mặt bằng cho các trạm trong danh mục được cấp, bàn giao',
            status: 'completed',
          },
        ],
      },
      {
        code: '1.5',
        title: 'Giám sát an toàn, an ninh mạng (SOC) cho các hệ thống thông tin dùng chung của tỉnh',
        description:
          'VNPT-IT kết nối các hệ thống thông tin dùng chung của tỉnh vào Trung tâm giám sát an toàn thông tin (SOC), theo dõi, cảnh báo và phối hợp Công an tỉnh xử lý sự cố 24/7; tổng hợp tình hình giám sát, sự cố và khuyến nghị gửi Sở KH&CN hằng tháng.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:it',
        coordinatingUnitKeys: ['gov:96:sokhcn', 'gov:96:ca'],
        responsiblePerson: 'Đinh Công Hậu – Phó Giám đốc Trung tâm An toàn thông tin, VNPT-IT',
        startDate: '2025-11-01',
        dueDate: '2026-06-30',
        expectedProduct: 'Hệ thống SOC giám sát 24/7 các hệ thống thông tin dùng chung của tỉnh; báo cáo giám sát gửi Sở KH&CN hằng tháng',
        status: 'in_progress',
      },
      {
        code: '1.6',
        title: 'Phê duyệt hồ sơ đề xuất cấp độ an toàn các hệ thống thông tin của tỉnh sau sắp xếp',
        description:
          'Sở KH&CN hướng dẫn các cơ quan chủ quản rà soát, lập lại hồ sơ đề xuất cấp độ an toàn cho các hệ thống thông tin sau khi hợp nhất tỉnh; tổ chức thẩm định với sự tham gia của Công an tỉnh và VNPT-IT, phê duyệt toàn bộ hồ sơ trước ngày 30/9/2026.',
        obligor: 'government',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['gov:96:ca', 'vnpt:it'],
        responsiblePerson: 'Võ Thị Ngọc Hân – Phó Trưởng phòng Bưu chính, viễn thông và an toàn thông tin, Sở KH&CN',
        startDate: '2026-01-01',
        dueDate: '2026-09-30',
        status: 'in_progress',
        delivery: 'waiting',
      },
    ],
  },
  {
    theme: 'digital_government',
    title: 'Phát triển chính quyền số',
    tasks: [
      {
        code: '2.1',
        title: 'Hoàn thiện Hệ thống thông tin giải quyết thủ tục hành chính theo mô hình chính quyền địa phương hai cấp',
        description:
          'VNPT-IT cấu hình lại Hệ thống theo mô hình hai cấp: chuẩn hóa danh mục thủ tục, quy trình nội bộ, tài khoản cán bộ của 64 xã, phường và bổ sung chức năng thống kê tự động hồ sơ trực tuyến toàn trình; VNPT Cà Mau hỗ trợ tại chỗ cho các xã, phường trong quá trình vận hành.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:it',
        coordinatingUnitKeys: ['gov:96:vp', 'vnpt:camau'],
        responsiblePerson: 'Lê Minh Quân – Trưởng nhóm triển khai, VNPT-IT',
        startDate: '2025-10-01',
        dueDate: '2026-03-31',
        expectedProduct:
          'Hệ thống vận hành thống nhất tại 64/64 xã, phường; tỷ lệ hồ sơ trực tuyến toàn trình được thống kê tự động hằng tháng',
        status: 'completed',
      },
      {
        code: '2.2',
        title: 'Hợp nhất, chuẩn hóa dữ liệu chuyên ngành của tỉnh Cà Mau và tỉnh Bạc Liêu (trước sắp xếp)',
        description:
          'Sở KH&CN chủ trì rà soát cơ sở dữ liệu chuyên ngành của hai tỉnh trước sắp xếp và thống nhất chuẩn dữ liệu chung; VNPT-IT chuyển đổi, hợp nhất dữ liệu và kết nối qua LGSP; Sở Tài chính bảo đảm kinh phí thực hiện.',
        obligor: 'joint',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['vnpt:it', 'gov:96:sotc'],
        responsiblePerson: 'Trần Ngọc Diễm – Phó Trưởng phòng Chuyển đổi số, Sở KH&CN',
        startDate: '2025-10-01',
        dueDate: '2026-09-30',
        expectedProduct:
          'Các cơ sở dữ liệu dùng chung của tỉnh sau hợp nhất được chuẩn hóa và kết nối qua nền tảng tích hợp, chia sẻ dữ liệu (LGSP)',
        status: 'in_progress',
        subtasks: [
          {
            code: '2.2.1',
            title: 'Rà soát, lập danh mục cơ sở dữ liệu của các sở, ngành',
            obligor: 'government',
            leadUnitKey: 'gov:96:sokhcn',
            coordinatingUnitKeys: ['gov:96:sotc', 'gov:96:sonnmt'],
            responsiblePerson: 'Trần Ngọc Diễm – Phó Trưởng phòng Chuyển đổi số, Sở KH&CN',
            startDate: '2025-10-01',
            dueDate: '2025-12-31',
            expectedProduct: 'Danh mục cơ sở dữ liệu của tỉnh được UBND tỉnh phê duyệt',
            status: 'completed',
          },
          {
            code: '2.2.2',
            title: 'Chuyển đổi, làm sạch dữ liệu và kết nối với LGSP của tỉnh',
            description:
              'VNPT-IT chuyển dữ liệu của các cơ sở dữ liệu trong danh mục được phê duyệt sang cấu trúc thống nhất, loại bỏ bản ghi trùng lặp, sai lệch và đồng bộ lên LGSP của tỉnh; Sở KH&CN kiểm tra chất lượng dữ liệu và nghiệm thu theo từng đợt.',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:it',
            coordinatingUnitKeys: ['gov:96:sokhcn'],
            responsiblePerson: 'Lê Minh Quân – Trưởng nhóm triển khai, VNPT-IT',
            startDate: '2026-01-01',
            dueDate: '2026-09-30',
            expectedProduct: 'Dữ liệu đã làm sạch được đồng bộ lên LGSP; biên bản nghiệm thu với Sở KH&CN',
            status: 'in_progress',
            delivery: 'rejected',
          },
        ],
      },
      {
        code: '2.3',
        title: 'Triển khai nền tảng giám sát, điều hành thông minh (IOC) phục vụ chỉ đạo, điều hành của lãnh đạo tỉnh',
        description:
          'VNPT Cà Mau cùng VNPT-IT xây dựng các phân hệ giám sát dịch vụ công, chỉ tiêu kinh tế – xã hội và phản ánh hiện trường trên nền tảng IOC, kết nối dữ liệu từ các hệ thống dùng chung của tỉnh; Văn phòng UBND tỉnh xác định yêu cầu chỉ đạo, điều hành và bố trí cán bộ vận hành.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:camau',
        coordinatingUnitKeys: ['gov:96:vp', 'gov:96:sokhcn', 'vnpt:it'],
        responsiblePerson: 'Quách Minh Hiếu – Trưởng phòng Khách hàng tổ chức, VNPT Cà Mau',
        startDate: '2026-03-01',
        dueDate: '2026-12-31',
        expectedProduct:
          'Các phân hệ giám sát dịch vụ công, chỉ tiêu kinh tế – xã hội và phản ánh hiện trường được vận hành tại Văn phòng UBND tỉnh',
        status: 'in_progress',
      },
      {
        code: '2.4',
        title: 'Ban hành danh mục dữ liệu mở và quy chế khai thác, chia sẻ dữ liệu của tỉnh',
        obligor: 'government',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['gov:96:vp', 'gov:96:ca'],
        responsiblePerson: 'Trần Quốc Khánh – Phó Giám đốc Sở KH&CN',
        startDate: '2026-06-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Quyết định của UBND tỉnh ban hành danh mục dữ liệu mở và quy chế chia sẻ dữ liệu',
        status: 'not_started',
      },
      {
        code: '2.5',
        title: 'Thí điểm trợ lý ảo hỗ trợ cán bộ cấp xã tiếp nhận, giải quyết thủ tục hành chính',
        description:
          'VNPT-IT xây dựng trợ lý ảo hướng dẫn quy trình, thành phần hồ sơ và tra cứu quy định cho cán bộ một cửa cấp xã, huấn luyện trên bộ thủ tục hành chính của tỉnh; thí điểm sáu tháng tại phường An Xuyên, phường Bạc Liêu và đánh giá tỷ lệ trả lời chính xác trước khi đề xuất nhân rộng.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:it',
        coordinatingUnitKeys: ['gov:96:p-anxuyen', 'gov:96:p-baclieu'],
        startDate: '2027-01-01',
        dueDate: '2027-06-30',
        expectedProduct: 'Trợ lý ảo được thí điểm tại phường An Xuyên và phường Bạc Liêu; báo cáo đánh giá trước khi nhân rộng',
        status: 'not_started',
      },
    ],
  },
  {
    theme: 'digital_economy',
    title: 'Phát triển kinh tế số',
    tasks: [
      {
        code: '3.1',
        title: 'Hỗ trợ doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh sử dụng hóa đơn điện tử, chữ ký số, hợp đồng điện tử',
        description:
          'VNPT Cà Mau và VNPT VinaPhone khảo sát nhu cầu, tư vấn và hỗ trợ cài đặt hóa đơn điện tử, chữ ký số, hợp đồng điện tử cho doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh tại từng xã, phường; Sở Tài chính cung cấp danh sách đối tượng và cùng theo dõi kết quả hằng quý.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:camau',
        coordinatingUnitKeys: ['vnpt:vinaphone', 'gov:96:sotc'],
        responsiblePerson: 'Quách Minh Hiếu – Trưởng phòng Khách hàng tổ chức, VNPT Cà Mau',
        startDate: '2025-11-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Báo cáo hằng quý về số doanh nghiệp, hộ kinh doanh được hỗ trợ theo từng xã, phường',
        status: 'in_progress',
      },
      {
        code: '3.2',
        title: 'Đưa sản phẩm OCOP và thủy sản chủ lực của tỉnh lên sàn thương mại điện tử',
        description:
          'Sở Nông nghiệp và Môi trường lựa chọn sản phẩm OCOP, thủy sản chủ lực và chủ thể tham gia; VNPT Cà Mau, VNPT VinaPhone hỗ trợ mở gian hàng trên sàn thương mại điện tử và gắn mã QR truy xuất nguồn gốc cho từng sản phẩm trong năm 2026.',
        obligor: 'joint',
        leadUnitKey: 'gov:96:sonnmt',
        coordinatingUnitKeys: ['vnpt:camau', 'vnpt:vinaphone'],
        responsiblePerson: 'Châu Văn Mến – Phó Giám đốc Sở Nông nghiệp và Môi trường',
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Các sản phẩm OCOP của tỉnh có gian hàng trên sàn thương mại điện tử, có mã QR truy xuất nguồn gốc',
        status: 'in_progress',
        subtasks: [
          {
            code: '3.2.1',
            title: 'Tập huấn kỹ năng bán hàng trực tuyến cho chủ thể OCOP',
            description:
              'VNPT Cà Mau biên soạn nội dung và tổ chức các lớp tập huấn về mở gian hàng, chụp ảnh, livestream bán hàng và xử lý đơn hàng trực tuyến; Sở Nông nghiệp và Môi trường triệu tập chủ thể OCOP, bảo đảm mỗi chủ thể cử ít nhất một người tham gia.',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:camau',
            coordinatingUnitKeys: ['gov:96:sonnmt'],
            responsiblePerson: 'Quách Minh Hiếu – Trưởng phòng Khách hàng tổ chức, VNPT Cà Mau',
            startDate: '2026-02-01',
            dueDate: '2026-05-31',
            expectedProduct: 'Các lớp tập huấn được tổ chức; danh sách chủ thể OCOP tham gia',
            status: 'completed',
          },
          {
            code: '3.2.2',
            title: 'Triển khai truy xuất nguồn gốc cho sản phẩm tôm, cua',
            description:
              'VNPT-IT thiết lập mã truy xuất nguồn gốc và số hóa thông tin vùng nuôi, cơ sở thu mua, chế biến cho sản phẩm tôm, cua; Sở Nông nghiệp và Môi trường xác nhận dữ liệu vùng nuôi và hướng dẫn các cơ sở cập nhật nhật ký sản xuất trên hệ thống.',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:it',
            coordinatingUnitKeys: ['gov:96:sonnmt'],
            startDate: '2026-04-01',
            dueDate: '2026-10-31',
            expectedProduct: 'Hệ thống truy xuất nguồn gốc được đưa vào sử dụng cho sản phẩm tôm, cua của tỉnh',
            status: 'in_progress',
            delivery: 'waiting',
          },
        ],
      },
      {
        code: '3.3',
        title: 'Đẩy mạnh thanh toán không dùng tiền mặt đối với dịch vụ công, học phí, viện phí',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:camau',
        coordinatingUnitKeys: ['gov:96:sogddt', 'gov:96:soyte', 'gov:96:sotc'],
        responsiblePerson: 'Lê Hoàng Phúc – Phó Giám đốc VNPT Cà Mau',
        startDate: '2026-01-01',
        dueDate: '2026-09-30',
        expectedProduct: 'Các trường học và bệnh viện tuyến tỉnh có kênh thu học phí, viện phí không dùng tiền mặt',
        status: 'in_progress',
      },
      {
        code: '3.4',
        title: 'Xây dựng bộ chỉ tiêu đo lường kết quả hợp tác theo mức đóng góp vào tăng trưởng của tỉnh',
        description:
          'Sở Tài chính chủ trì cùng Sở KH&CN, VNPT Cà Mau xác định các chỉ tiêu đo kết quả hợp tác, giá trị cơ sở năm 2025, mục tiêu từng năm và nguồn số liệu, gắn với tỷ trọng kinh tế số trong GRDP; trình hai bên thống nhất trước ngày 31/3/2026.',
        obligor: 'joint',
        leadUnitKey: 'gov:96:sotc',
        coordinatingUnitKeys: ['gov:96:sokhcn', 'vnpt:camau'],
        responsiblePerson: 'Tạ Minh Nhựt – Phó Giám đốc Sở Tài chính',
        startDate: '2025-10-01',
        dueDate: '2026-03-31',
        expectedProduct:
          'Bộ chỉ tiêu (giá trị cơ sở, mục tiêu hằng năm, nguồn số liệu) được hai bên thống nhất, gắn với tỷ trọng kinh tế số trong GRDP',
        status: 'completed',
      },
    ],
  },
  {
    theme: 'digital_society',
    title: 'Phát triển xã hội số',
    tasks: [
      {
        code: '4.1',
        title: 'Nâng cao kỹ năng số cho người dân thông qua Tổ công nghệ số cộng đồng',
        description:
          'Sở KH&CN chủ trì kiện toàn và tổ chức tập huấn cho Tổ công nghệ số cộng đồng tại 64/64 xã, phường; VNPT Cà Mau cung cấp tài liệu, giảng viên và cùng các Tổ hướng dẫn người dân cài đặt, sử dụng dịch vụ công trực tuyến và thanh toán số.',
        obligor: 'joint',
        leadUnitKey: 'gov:96:sokhcn',
        coordinatingUnitKeys: ['vnpt:camau', 'gov:96:p-anxuyen', 'gov:96:x-datmui'],
        responsiblePerson: 'Lý Thanh Tùng – Trưởng phòng Chuyển đổi số, Sở KH&CN',
        startDate: '2025-11-01',
        dueDate: '2026-12-31',
        expectedProduct:
          'Tổ công nghệ số cộng đồng tại 64/64 xã, phường được tập huấn; người dân được hướng dẫn sử dụng dịch vụ công trực tuyến, thanh toán số',
        status: 'in_progress',
        subtasks: [
          {
            code: '4.1.1',
            title: 'Biên soạn tài liệu hướng dẫn kỹ năng số bằng hình ảnh, video ngắn',
            description:
              'VNPT Cà Mau biên soạn bộ tài liệu bằng hình ảnh và video ngắn hướng dẫn kích hoạt VNeID, nộp hồ sơ dịch vụ công trực tuyến, thanh toán không dùng tiền mặt; Sở KH&CN thẩm định nội dung và đăng tải trên Cổng thông tin điện tử tỉnh trước ngày 31/01/2026.',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:camau',
            coordinatingUnitKeys: ['gov:96:sokhcn'],
            responsiblePerson: 'Nguyễn Thị Kiều Trinh – Chuyên viên Phòng Kinh doanh, VNPT Cà Mau',
            startDate: '2025-11-01',
            dueDate: '2026-01-31',
            expectedProduct: 'Bộ tài liệu và video hướng dẫn được đăng trên Cổng thông tin điện tử tỉnh',
            status: 'completed',
          },
          {
            code: '4.1.2',
            title: 'Tập huấn cho Tổ công nghệ số cộng đồng tại các xã, phường',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:camau',
            coordinatingUnitKeys: ['gov:96:p-anxuyen', 'gov:96:p-lyvanlam', 'gov:96:x-namcan'],
            responsiblePerson: 'Nguyễn Thị Kiều Trinh – Chuyên viên Phòng Kinh doanh, VNPT Cà Mau',
            startDate: '2026-02-01',
            dueDate: '2026-12-31',
            expectedProduct: 'Biên bản tập huấn tại từng xã, phường; danh sách thành viên Tổ công nghệ số cộng đồng đã tham gia',
            status: 'in_progress',
          },
        ],
      },
      {
        code: '4.2',
        title: 'Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh',
        description:
          'Sở Y tế chỉ đạo các bệnh viện tuyến tỉnh chuẩn hóa quy trình, hạ tầng và hồ sơ theo quy định của Bộ Y tế để chuyển sang bệnh án điện tử; VNPT-IT cung cấp, tích hợp phần mềm để các bệnh viện dừng sử dụng bệnh án giấy trước ngày 31/12/2026.',
        obligor: 'government',
        leadUnitKey: 'gov:96:soyte',
        coordinatingUnitKeys: ['vnpt:it'],
        responsiblePerson: 'Huỳnh Thị Mỹ Linh – Trưởng phòng Kế hoạch – Tài chính, Sở Y tế',
        startDate: '2025-10-01',
        dueDate: '2026-12-31',
        expectedProduct: 'Các bệnh viện tuyến tỉnh triển khai bệnh án điện tử, thay thế bệnh án giấy',
        status: 'in_progress',
        subtasks: [
          {
            code: '4.2.1',
            title: 'Cung cấp, tích hợp phần mềm quản lý bệnh viện và bệnh án điện tử (HIS/EMR/LIS/PACS)',
            description:
              'VNPT-IT cài đặt, cấu hình HIS, EMR, LIS, PACS tại từng bệnh viện tuyến tỉnh, chuyển dữ liệu từ phần mềm cũ và kết nối liên thông với Cổng tiếp nhận dữ liệu giám định bảo hiểm y tế; Sở Y tế kiểm tra và nghiệm thu theo từng bệnh viện.',
            obligor: 'enterprise',
            leadUnitKey: 'vnpt:it',
            coordinatingUnitKeys: ['gov:96:soyte'],
            responsiblePerson: 'Phùng Thế Vinh – Giám đốc dự án y tế, VNPT-IT',
            startDate: '2025-11-01',
            dueDate: '2026-10-31',
            expectedProduct: 'Phần mềm được cài đặt, kết nối liên thông tại các bệnh viện tuyến tỉnh; biên bản nghiệm thu',
            status: 'in_progress',
          },
        ],
      },
      {
        code: '4.3',
        title: 'Triển khai sổ liên lạc điện tử, học bạ số tại các trường phổ thông',
        description:
          'Sở GD&ĐT hướng dẫn các trường phổ thông cập nhật hồ sơ học sinh, tài khoản phụ huynh và tập huấn giáo viên ký số học bạ; VNPT Cà Mau hỗ trợ kỹ thuật để toàn bộ các trường áp dụng sổ liên lạc điện tử, học bạ số từ năm học 2026–2027.',
        obligor: 'government',
        leadUnitKey: 'gov:96:sogddt',
        coordinatingUnitKeys: ['vnpt:camau'],
        responsiblePerson: 'Dương Văn Tài – Phó Chánh Văn phòng Sở GD&ĐT',
        startDate: '2026-01-01',
        dueDate: '2026-08-31',
        expectedProduct: 'Các trường phổ thông sử dụng sổ liên lạc điện tử và học bạ số từ năm học 2026–2027',
        status: 'completed',
      },
      {
        code: '4.4',
        title: 'Lắp đặt Wi-Fi công cộng miễn phí tại các điểm du lịch trọng điểm',
        description:
          'VNPT Cà Mau khảo sát, lắp đặt và vận hành các điểm phát Wi-Fi công cộng miễn phí tại các điểm du lịch do Sở VHTTDL đề xuất, trong đó có khu du lịch Mũi Cà Mau; UBND xã Đất Mũi bố trí vị trí lắp đặt và nguồn điện.',
        obligor: 'enterprise',
        leadUnitKey: 'vnpt:camau',
        coordinatingUnitKeys: ['gov:96:sovhttdl', 'gov:96:x-datmui'],
        startDate: '2026-03-01',
        dueDate: '2026-10-31',
        expectedProduct: 'Các điểm phát Wi-Fi công cộng hoạt động tại các điểm du lịch trong danh mục do Sở VHTTDL đề xuất',
        status: 'in_progress',
      },
    ],
  },
];

export const caMauVnpt2025: DemoAgreementData = { agreement, plan };
