"""Words of Vietnamese report prose: units, counted nouns and cue words.

These are the general vocabulary of administrative writing (đơn vị đo, danh từ đếm, động từ
báo cáo), not phrases of any one report. Everything here is lower case; matching is done on
the lower-cased text.
"""

from __future__ import annotations

# Scale words that come before a unit or a counted noun ("21.700 ngàn con", "9.650 triệu kWh").
MULTIPLIERS = (
    "nghìn tỷ", "ngàn tỷ", "nghìn tỉ", "ngàn tỉ",  # "tỉ" is the other spelling of "tỷ"
    "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn", "trăm",
)


def without_scale(unit: str) -> str:
    """The noun or unit after the scale written before it ("triệu người" → "người")."""
    for scale in MULTIPLIERS:
        if unit.startswith(scale + " "):
            return unit[len(scale) + 1 :]
    return unit

# Units of measure and money, longest first when matched (see units.py).
MEASURE_UNITS = (
    "đồng", "usd", "đô la mỹ", "euro", "eur",
    "ha", "héc-ta", "hécta", "héc ta", "km2", "km²", "km", "m2", "m²", "m3", "m³", "m",
    "cm", "mm", "tấn", "tạ", "kg", "gam", "lít", "mw", "kw", "kwh", "mwh", "gwh", "kwp", "mwp",
    "teu", "lần", "điểm phần trăm", "điểm %", "điểm", "bậc", "giờ", "phút", "ngày",
    "°c", "ppm", "ccu", "m3/s", "mbps",
    "đ",  # "13.503.000.000đ": đồng, abbreviated
)

# Counted nouns written after a count ("1.250 doanh nghiệp", "35 cuộc thanh tra"). Several
# syllables first: the unit is the noun as written, without its modifiers.
COUNT_NOUNS = (
    # people and organisations
    "tổ chức cơ sở đảng", "tổ chức đảng", "chi bộ", "đảng bộ cơ sở", "đảng bộ", "đảng viên",
    "ủy ban kiểm tra", "uỷ ban kiểm tra", "cấp ủy viên", "cấp ủy", "quần chúng", "đồng chí",
    "tỉnh ủy viên", "huyện ủy viên", "thành ủy viên", "đảng ủy viên", "chi ủy viên",
    "cán bộ", "công chức", "viên chức", "người lao động", "lao động", "người", "nhân khẩu",
    "hộ gia đình", "hộ nghèo", "hộ cận nghèo", "hộ", "học sinh", "sinh viên", "giáo viên",
    "bác sĩ", "giường bệnh", "bệnh nhân", "ca mắc", "ca bệnh", "ca", "trẻ em", "trẻ",
    "đối tượng", "trường hợp", "thanh niên", "đoàn viên", "hội viên", "cử tri", "đại biểu",
    "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "công đoàn cơ sở", "công đoàn", "cơ sở",
    "đơn vị", "cơ quan", "tổ chức",
    "hộ kinh doanh", "nhà đầu tư", "nhà thầu", "đoàn", "tổ", "nhóm", "lượt khách",
    "lượt người", "lượt", "khách", "ngày khách", "suất", "phần quà", "phần",
    # places and works
    "xã", "phường", "thị trấn", "đặc khu", "huyện", "tỉnh", "thôn", "bản", "làng", "buôn",
    "ấp", "khu phố", "tổ dân phố", "điểm", "trường", "lớp", "phòng học", "trạm y tế", "trạm",
    "bệnh viện", "chợ", "cụm công nghiệp", "khu công nghiệp", "nhà máy", "công trình",
    "tuyến", "cây cầu", "cầu", "căn nhà", "căn", "nhà", "ngôi nhà", "km đường", "hồ",
    # documents, cases and tasks
    "giấy chứng nhận", "giấy phép", "quyết định", "văn bản", "nghị quyết", "kế hoạch",
    "chương trình", "đề án", "dự án", "nhiệm vụ", "chỉ tiêu", "tiêu chí", "lĩnh vực",
    "tthc", "thủ tục", "quy định", "điều kiện",
    "hồ sơ", "chứng thư", "chứng chỉ", "bằng", "kết luận", "kiến nghị", "đơn thư", "đơn",
    "vụ án", "vụ việc", "vụ", "việc", "bị can", "đối tượng", "cuộc", "buổi", "hội nghị",
    "tin bài", "tin", "bài", "sản phẩm", "mặt hàng", "nhóm hàng", "sáng kiến", "đề tài",
    "huy chương", "giải", "bằng khen", "giấy khen", "tác phẩm", "phương tiện", "xe",
    "tàu", "chuyến", "con", "cây", "mô hình", "thiết chế", "dịch vụ công", "dịch vụ",
    "hoạt động", "phong trào", "cuộc thi",
    "kiều bào", "ngư dân", "nông dân", "cựu chiến binh", "thí sinh", "thương binh", "liệt sĩ",
    "gia đình", "hội", "câu lạc bộ", "nhà văn hóa", "giếng", "ao", "hồ chứa", "đập", "kênh",
    "km kênh", "cây số", "ô tô", "máy", "bộ", "tập", "cuốn", "đầu sách", "hiện vật", "di tích",
    "lễ hội", "giải đấu", "vận động viên", "trận", "buổi biểu diễn", "chương trình", "sự kiện",
    "tài khoản", "thuê bao", "camera", "gói thầu", "lô", "thửa", "mẫu", "liều", "lượt truy cập",
    # nouns of two or more syllables that a count names whole ("22/63 địa phương", "4 cơ sở
    # đảng", "2 khu dân cư", "15 chủ đầu tư", "2.614 biên chế")
    "địa phương", "khu dân cư", "cơ sở đảng", "chủ đầu tư", "đầu mối", "biên chế",
    # offices named whole ("10/18 chi cục thuế", "5 cục hải quan")
    "chi cục thuế", "chi cục", "cục hải quan", "cục thuế", "chi hội", "chi đoàn",
    "giao dịch", "tập thể", "cá nhân", "hộ dân", "công dân", "lao động",
    "việc làm", "hợp đồng", "bản án", "phiên tòa", "ý kiến", "phản ánh",
    "điểm trường", "căn hộ", "học viên", "chi hội", "trường học", "văn bản quy phạm pháp luật",
    "bài viết", "tổ chức đoàn", "tổ chức hội", "thành viên",
    # abbreviations written after a count ("477 DN", "5 HTX", "241 ĐV", "604 TCCSĐ", "387 CLB",
    # "1.699 CCB")
    "dn", "htx", "đv", "tccsđ", "tcđ", "clb", "ccb",
)

# Words that may follow a count noun after "/" to make a compound unit ("bác sĩ/vạn dân").
DENOMINATORS = (
    "vạn dân", "nghìn dân", "ngàn dân", "100.000 dân", "dân", "người", "ngày", "ngày đêm",
    "năm", "tháng", "giờ", "ha", "km2", "km²", "hộ", "lao động", "học sinh", "lớp",
)

# Structural counts that name a fixed set rather than report a result (out of scope:
# docs/extraction-format.md).
STRUCTURAL_NOUNS = (
    "cấp", "ctmtqg", "chương trình mục tiêu quốc gia", "chương trình mtqg", "nhiệm kỳ",
    "năm", "tháng", "quý", "tuần", "thứ", "khóa", "khoá", "lần thứ",
    "tuổi",  # an age qualifies a group ("trẻ em dưới 5 tuổi"); it is not a result
)

# Words after which a number is a date or an identifier, not a quantity.
DATE_WORDS = ("ngày", "lễ", "kỷ niệm", "tháng", "hôm", "đêm", "sáng", "chiều", "tối")
IDENTIFIER_WORDS = (
    "số", "điều", "khoản", "điểm", "chương", "mục", "phụ lục", "biểu", "bảng", "phiên bản",
    "version", "quốc lộ", "tỉnh lộ", "huyện lộ", "đường", "tổ", "khu phố", "thôn", "ấp",
    "phường", "quận", "lô", "khóa", "khoá", "thứ", "lần thứ", "đợt", "giai đoạn", "nhiệm kỳ",
    "hệ", "mã", "kho", "block", "tầng", "ban chỉ đạo", "chỉ thị", "nghị quyết", "nghị định",
    "quyết định", "thông tư", "công văn", "kết luận", "thông báo", "hướng dẫn", "tờ trình",
    "mức độ", "mức", "ngành cấp", "cấp độ",
)

# Nouns that count targets, not a figure of one ("có 12/15 chỉ tiêu đạt", "7 nhiệm vụ").
TARGET_NOUNS = frozenset({"chỉ tiêu", "nhiệm vụ", "mục tiêu", "tiêu chí"})
