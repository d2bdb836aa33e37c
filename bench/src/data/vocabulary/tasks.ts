import type { AreaTheme } from '@accord/domain';

/**
 * Task wording for the generated plans. Templates have slots in braces, filled per agreement:
 * {xa} a ward or commune of the province, {noi} a place, {tinh} the province, {dn} the partner,
 * {nen_tang} a platform, {csdl} a database, {doi_tuong} a group of people, {nganh} a sector,
 * {cong_cong} a public place, {n} a number, {nam} a year of the agreement.
 */

export const slotValues = {
  nen_tang: [
    'Hệ thống thông tin giải quyết thủ tục hành chính', 'Cổng dịch vụ công của tỉnh', 'nền tảng tích hợp, chia sẻ dữ liệu (LGSP)',
    'hệ thống quản lý văn bản và điều hành', 'hệ thống hội nghị truyền hình trực tuyến', 'Trung tâm giám sát, điều hành thông minh (IOC)',
    'nền tảng bản đồ số dùng chung', 'hệ thống thư điện tử công vụ', 'kho dữ liệu dùng chung của tỉnh', 'nền tảng trợ lý ảo',
    'hệ thống báo cáo kinh tế – xã hội', 'nền tảng điện toán đám mây của tỉnh', 'ứng dụng công dân số của tỉnh',
  ],
  csdl: [
    'cơ sở dữ liệu đất đai', 'cơ sở dữ liệu hộ tịch', 'cơ sở dữ liệu ngành y tế', 'cơ sở dữ liệu ngành giáo dục',
    'cơ sở dữ liệu doanh nghiệp', 'cơ sở dữ liệu quy hoạch xây dựng', 'cơ sở dữ liệu giao thông', 'cơ sở dữ liệu tài nguyên nước',
    'cơ sở dữ liệu cán bộ, công chức, viên chức', 'cơ sở dữ liệu văn hóa, du lịch', 'cơ sở dữ liệu nông nghiệp',
    'cơ sở dữ liệu an sinh xã hội', 'cơ sở dữ liệu giá đất', 'cơ sở dữ liệu công chứng, chứng thực',
  ],
  doi_tuong: [
    'cán bộ, công chức cấp xã', 'người dân', 'hộ kinh doanh', 'doanh nghiệp nhỏ và vừa', 'học sinh, sinh viên',
    'thành viên Tổ công nghệ số cộng đồng', 'lãnh đạo các sở, ngành', 'giáo viên các trường phổ thông', 'nhân viên y tế tuyến xã',
    'hợp tác xã nông nghiệp', 'tiểu thương tại các chợ', 'người cao tuổi', 'đồng bào dân tộc thiểu số',
  ],
  nganh: ['y tế', 'giáo dục', 'nông nghiệp', 'du lịch', 'giao thông', 'tài nguyên và môi trường', 'công thương', 'văn hóa', 'xây dựng', 'tư pháp', 'lao động, việc làm', 'tài chính'],
  cong_cong: ['các điểm du lịch trọng điểm', 'bệnh viện tuyến tỉnh', 'Trung tâm Phục vụ hành chính công', 'nhà văn hóa các thôn, ấp', 'bến xe, nhà ga', 'các trường học'],
  noi: ['các xã, phường', 'vùng sâu, vùng xa', 'khu vực trung tâm', 'các khu công nghiệp', 'các xã biên giới, hải đảo', 'các phường nội thị'],
};

export type SlotName = keyof typeof slotValues | 'xa' | 'tinh' | 'dn' | 'n' | 'nam';

export const taskTitles: Record<AreaTheme, string[]> = {
  digital_infrastructure: [
    'Phủ sóng 4G/5G tại {noi}', 'Phát triển hạ tầng cáp quang băng rộng đến {xa}', 'Lắp đặt, phát sóng {n} trạm BTS 5G tại {xa}',
    'Xóa vùng lõm sóng di động tại các thôn, bản vùng sâu, vùng xa', 'Mở rộng mạng truyền số liệu chuyên dùng đến {xa}',
    'Nâng cấp trung tâm dữ liệu của tỉnh', 'Triển khai nền tảng điện toán đám mây phục vụ chuyển đổi số của tỉnh',
    'Rà soát hiện trạng hạ tầng viễn thông, xác định vùng lõm sóng', 'Ngầm hóa mạng cáp viễn thông tại {noi}',
    'Triển khai Wi-Fi công cộng miễn phí tại {cong_cong}', 'Hỗ trợ thủ tục cấp phép xây dựng hạ tầng viễn thông thụ động',
    'Triển khai hạ tầng IoT phục vụ ngành {nganh}', 'Bảo đảm hạ tầng kết nối cho UBND {xa} sau sắp xếp',
  ],
  digital_government: [
    'Triển khai {nen_tang} đến cấp xã', 'Nâng cấp {nen_tang}', 'Xây dựng {csdl}', 'Kết nối, chia sẻ {csdl} với nền tảng LGSP của tỉnh',
    'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại {xa}', 'Triển khai chữ ký số cho cán bộ, công chức {xa}',
    'Chuẩn hóa, làm sạch {csdl}', 'Triển khai trợ lý ảo hỗ trợ cán bộ tiếp nhận, giải quyết thủ tục hành chính',
    'Triển khai hội nghị không giấy tại các sở, ngành', 'Ứng dụng định danh điện tử VNeID trong giải quyết thủ tục hành chính',
    'Đánh giá mức độ chuyển đổi số của các sở, ngành, địa phương năm {nam}', 'Cung cấp dịch vụ công trực tuyến toàn trình tại {xa}',
  ],
  digital_economy: [
    'Hỗ trợ {doi_tuong} sử dụng hóa đơn điện tử, chữ ký số', 'Đưa sản phẩm OCOP của {xa} lên sàn thương mại điện tử',
    'Thúc đẩy thanh toán không dùng tiền mặt đối với học phí, viện phí', 'Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số',
    'Triển khai truy xuất nguồn gốc nông sản chủ lực của tỉnh', 'Xây dựng sàn giao dịch nông sản trực tuyến của tỉnh',
    'Phát triển logistics số phục vụ ngành {nganh}', 'Tập huấn kỹ năng bán hàng trực tuyến cho {doi_tuong}',
    'Xây dựng bộ chỉ số đo lường kinh tế số của tỉnh', 'Hỗ trợ hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền',
  ],
  digital_society: [
    'Đào tạo kỹ năng số cho {doi_tuong}', 'Thành lập, tập huấn Tổ công nghệ số cộng đồng tại {xa}',
    'Hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2', 'Triển khai sổ liên lạc điện tử, học bạ số tại các trường học',
    'Triển khai bệnh án điện tử tại bệnh viện tuyến tỉnh', 'Triển khai sổ sức khỏe điện tử cho người dân {xa}',
    'Phổ cập điện thoại thông minh cho hộ nghèo, cận nghèo', 'Tuyên truyền, phổ biến kỹ năng số qua hệ thống thông tin cơ sở',
    'Triển khai nền tảng học trực tuyến cho {doi_tuong}', 'Triển khai phong trào "Bình dân học vụ số" tại {xa}',
  ],
  smart_city: [
    'Xây dựng Trung tâm giám sát, điều hành đô thị thông minh (IOC)', 'Lắp đặt camera giám sát an ninh trật tự, giao thông tại {xa}',
    'Thí điểm xe buýt thông minh trên các tuyến nội đô', 'Triển khai hệ thống chiếu sáng công cộng thông minh tại {xa}',
    'Triển khai ứng dụng phản ánh hiện trường cho người dân', 'Triển khai quan trắc môi trường tự động, cảnh báo ngập lụt',
    'Xây dựng bãi đỗ xe thông minh tại khu vực trung tâm', 'Số hóa quản lý quy hoạch, cấp phép xây dựng',
  ],
  information_security: [
    'Giám sát an toàn thông tin (SOC) cho các hệ thống thông tin dùng chung', 'Xây dựng, phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin',
    'Diễn tập ứng cứu sự cố an toàn thông tin năm {nam}', 'Đánh giá, kiểm tra an toàn thông tin {nen_tang}',
    'Triển khai giải pháp phòng chống mã độc tập trung cho {xa}', 'Tập huấn nâng cao nhận thức an toàn thông tin cho {doi_tuong}',
    'Khắc phục lỗ hổng bảo mật theo kết quả đánh giá', 'Triển khai mô hình 4 lớp bảo vệ hệ thống thông tin',
  ],
  human_resources: [
    'Đào tạo kỹ năng số cho {doi_tuong}', 'Tổ chức khóa "phổ cập số" ứng dụng trí tuệ nhân tạo (AI) cho {doi_tuong}',
    'Đào tạo chuyên sâu cho cán bộ chuyên trách công nghệ thông tin', 'Bồi dưỡng kiến thức chuyển đổi số cho lãnh đạo các sở, ngành, địa phương',
    'Tiếp nhận sinh viên công nghệ thông tin của tỉnh thực tập tại {dn}', 'Tập huấn sử dụng {nen_tang} cho {doi_tuong}',
  ],
  strategy_consulting: [
    'Tư vấn xây dựng Kế hoạch chuyển đổi số của {tinh} đến năm 2030, tầm nhìn đến năm 2045', 'Tư vấn xây dựng kiến trúc chính quyền điện tử phiên bản 3.0',
    'Xây dựng Đề án chuyển đổi số ngành {nganh}', 'Tư vấn xây dựng chiến lược dữ liệu của tỉnh',
    'Rà soát, đánh giá hiện trạng chuyển đổi số của tỉnh', 'Xây dựng bộ chỉ tiêu đo lường kết quả hợp tác',
    'Xây dựng kế hoạch triển khai thỏa thuận hợp tác năm {nam}',
  ],
  sector_programme: [
    'Chuyển đổi số ngành {nganh}', 'Triển khai phần mềm quản lý bệnh viện, bệnh án điện tử (HIS/EMR)', 'Ứng dụng công nghệ số trong ngành {nganh}',
    'Xây dựng bản đồ số du lịch và thuyết minh tự động', 'Triển khai nông nghiệp thông minh, giám sát xâm nhập mặn',
    'Triển khai phần mềm quản lý trường học tại {xa}', 'Số hóa di sản văn hóa, hiện vật bảo tàng của tỉnh',
  ],
};

/** Steps a task is broken into (sub-tasks). */
export const stepTitles = [
  'Khảo sát hiện trạng, xác định nhu cầu tại {xa}', 'Xây dựng phương án kỹ thuật, dự toán kinh phí', 'Triển khai thí điểm tại {xa}',
  'Mở rộng triển khai tại {xa}', 'Tập huấn, hướng dẫn sử dụng cho cán bộ {xa}', 'Nghiệm thu, bàn giao đưa vào vận hành',
  'Đánh giá kết quả, báo cáo UBND {tinh}', 'Bố trí nhân lực đầu mối, phân công nhiệm vụ', 'Lựa chọn đơn vị thực hiện theo quy định',
  'Cung cấp số liệu, hồ sơ phục vụ triển khai', 'Ban hành quy chế vận hành, khai thác', 'Chuyển đổi, làm sạch dữ liệu và kết nối với LGSP',
  'Tuyên truyền, vận động người dân tham gia tại {xa}', 'Hoàn thiện hồ sơ thanh toán, quyết toán',
];

export const descriptionSentences = [
  'Phối hợp với {dn} khảo sát hiện trạng, đề xuất giải pháp phù hợp với điều kiện của địa phương.',
  'Bảo đảm kết nối, chia sẻ dữ liệu với nền tảng LGSP của tỉnh và Nền tảng tích hợp, chia sẻ dữ liệu quốc gia.',
  'Kết quả thực hiện được báo cáo định kỳ hằng quý về Sở Khoa học và Công nghệ.',
  'Ưu tiên triển khai trước tại các xã, phường có nhu cầu cấp thiết.',
  'Kinh phí thực hiện từ nguồn ngân sách tỉnh và nguồn xã hội hóa.',
  '{dn} hỗ trợ miễn phí trong năm đầu triển khai.',
  'Thực hiện theo nguyên tắc "5 rõ": rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả.',
  'Bảo đảm an toàn thông tin theo cấp độ đã được phê duyệt.',
  'Sản phẩm phải cụ thể, đo đếm được, làm nhanh và bảo đảm chất lượng.',
  'Hai bên cung cấp, trao đổi thông tin ngay và thường xuyên trong quá trình triển khai.',
  'Tận dụng hạ tầng, nền tảng hiện có, tránh đầu tư trùng lặp.',
  'Lấy người dân, doanh nghiệp làm trung tâm, bảo đảm dễ sử dụng.',
  'Phối hợp với UBND {xa} trong tuyên truyền, vận động người dân tham gia.',
  'Thời gian thực hiện có thể điều chỉnh theo tiến độ bố trí vốn.',
  'Đơn vị chủ trì chịu trách nhiệm về tiến độ và chất lượng sản phẩm.',
];

/** Sentences that name digital transformation (chuyển đổi số), used sparingly. */
export const transformationSentences = [
  'Góp phần hoàn thành các chỉ tiêu chuyển đổi số của tỉnh theo Quyết định 942/QĐ-TTg.',
  'Nhiệm vụ nằm trong Kế hoạch chuyển đổi số năm {nam} của {tinh}.',
  'Kết quả được tính vào Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI).',
];

export const expectedProducts = [
  'Kế hoạch triển khai được UBND tỉnh phê duyệt', 'Hệ thống được đưa vào vận hành chính thức', 'Báo cáo đánh giá hiện trạng và đề xuất giải pháp',
  '{n}% cán bộ, công chức cấp xã được tập huấn', '{n} trạm BTS được phát sóng', 'Cơ sở dữ liệu được kết nối với LGSP của tỉnh',
  'Biên bản nghiệm thu, bàn giao', 'Quy chế vận hành, khai thác được ban hành', '{n} nghìn hồ sơ được số hóa',
  '{n} nghìn lượt người dân được hướng dẫn kỹ năng số', 'Hồ sơ cấp độ an toàn thông tin được phê duyệt', 'Báo cáo kết quả diễn tập',
  '{n} doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử', 'Tài liệu hướng dẫn sử dụng và video ngắn',
  '100% UBND cấp xã được kết nối mạng truyền số liệu chuyên dùng', 'Báo cáo tổng kết, đánh giá kết quả thực hiện',
];
