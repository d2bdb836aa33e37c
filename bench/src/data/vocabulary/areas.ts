import type { AreaTheme } from '@accord/domain';

/** Titles of cooperation areas (nội dung hợp tác) by theme, as the agreements word them. */
export const areaTitles: Record<AreaTheme, string[]> = {
  digital_infrastructure: [
    'Phát triển hạ tầng số',
    'Hợp tác triển khai hạ tầng số',
    'Phát triển hạ tầng và nền tảng tạo nền móng cho chuyển đổi số',
    'Xây dựng hạ tầng viễn thông – công nghệ thông tin phục vụ chuyển đổi số',
    'Phát triển hạ tầng viễn thông, hạ tầng dữ liệu và điện toán đám mây',
  ],
  digital_government: [
    'Phát triển chính quyền số',
    'Hợp tác phát triển chính quyền điện tử hướng tới chính quyền số',
    'Cung cấp giải pháp, ứng dụng CNTT phục vụ cải cách hành chính',
    'Phát triển dữ liệu số và nền tảng số phục vụ chỉ đạo, điều hành',
  ],
  digital_economy: [
    'Phát triển kinh tế số',
    'Hợp tác phát triển kinh tế số',
    'Thúc đẩy thương mại điện tử và thanh toán không dùng tiền mặt',
  ],
  digital_society: ['Phát triển xã hội số', 'Hợp tác phát triển xã hội số', 'Phổ cập kỹ năng số, hình thành công dân số'],
  smart_city: [
    'Xây dựng đô thị thông minh',
    'Phát triển các dịch vụ đô thị thông minh',
    'Xây dựng Trung tâm giám sát, điều hành thông minh',
  ],
  information_security: [
    'Bảo đảm an toàn, an ninh thông tin',
    'Hoàn thiện các giải pháp bảo đảm an toàn, an ninh mạng',
    'Giám sát, ứng cứu sự cố an toàn thông tin',
  ],
  human_resources: [
    'Phát triển nguồn nhân lực số',
    'Đào tạo, nâng cao năng lực đội ngũ cán bộ',
    'Phát triển nguồn nhân lực viễn thông – công nghệ thông tin',
  ],
  strategy_consulting: [
    'Tư vấn chiến lược chuyển đổi số',
    'Tư vấn xây dựng chiến lược, kế hoạch chuyển đổi số của tỉnh',
    'Tư vấn, đánh giá hiện trạng và đề xuất giải pháp',
  ],
  sector_programme: [
    'Chuyển đổi số các lĩnh vực ưu tiên',
    'Chuyển đổi số ngành y tế và giáo dục',
    'Ứng dụng công nghệ số trong nông nghiệp, tài nguyên và môi trường',
    'Chuyển đổi số ngành du lịch, văn hóa',
  ],
};

/** One sentence describing an area, by theme. */
export const areaDescriptions: Record<AreaTheme, string[]> = {
  digital_infrastructure: [
    'Kế thừa và sử dụng có hiệu quả hạ tầng viễn thông – công nghệ thông tin hiện có; khắc phục vùng lõm sóng, phát triển mạng 5G và cáp quang.',
    'Hoàn thiện hạ tầng số đồng bộ, hiện đại, bảo đảm kết nối băng rộng đến cấp xã.',
  ],
  digital_government: [
    'Nâng cao hiệu quả giải quyết thủ tục hành chính, chỉ đạo, điều hành trên môi trường số theo mô hình chính quyền địa phương hai cấp.',
    'Xây dựng, kết nối, chia sẻ các cơ sở dữ liệu chuyên ngành; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.',
  ],
  digital_economy: [
    'Hỗ trợ doanh nghiệp, hợp tác xã, hộ kinh doanh ứng dụng công nghệ số, thương mại điện tử và thanh toán số.',
    'Thúc đẩy kinh tế số đóng góp vào tăng trưởng của tỉnh.',
  ],
  digital_society: [
    'Phổ cập kỹ năng số cho người dân thông qua Tổ công nghệ số cộng đồng; phát triển giáo dục, y tế số.',
    'Đưa dịch vụ số đến gần người dân, lấy người dân làm trung tâm.',
  ],
  smart_city: ['Triển khai các dịch vụ đô thị thông minh phục vụ quản lý đô thị, giao thông, an ninh trật tự.'],
  information_security: ['Bảo đảm an toàn thông tin theo mô hình 4 lớp cho các hệ thống thông tin của tỉnh.'],
  human_resources: ['Đào tạo, bồi dưỡng kỹ năng số, an toàn thông tin cho cán bộ, công chức, viên chức các cấp.'],
  strategy_consulting: ['Tư vấn xây dựng chiến lược, kế hoạch, kiến trúc và lộ trình chuyển đổi số phù hợp với điều kiện của tỉnh.'],
  sector_programme: ['Chuyển đổi số các lĩnh vực ưu tiên: y tế, giáo dục, nông nghiệp, môi trường, du lịch.'],
};

/** How likely an agreement is to have an area of each theme (the first four are in nearly all). */
export const themeWeights: Record<AreaTheme, number> = {
  digital_infrastructure: 10,
  digital_government: 10,
  digital_economy: 8,
  digital_society: 8,
  smart_city: 3,
  information_security: 4,
  human_resources: 4,
  strategy_consulting: 2.5,
  sector_programme: 3,
};
