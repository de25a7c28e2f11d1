"""The demo's units, people and tasks.

Units named by the report (lamdong-2026q1-report.txt) are marked with the place they are
named; the rest — the people, which unit leads which task, the sample communes' focal points —
is sample data (dữ liệu mẫu) and flagged `is_sample`.
"""

# (code, name, tree, kind, parent code, peer group, is_sample, valid_from, valid_to, successors)
UNITS = [
    ("dang-bo-tinh", "Đảng bộ tỉnh Lâm Đồng", "party", "party_committee", None, "", False,
     "2025-07-01", None, []),
    ("dang-uy-ubnd-tinh", "Đảng ủy Ủy ban nhân dân tỉnh", "party", "party_committee",
     "dang-bo-tinh", "", False, "2025-07-01", None, []),
    ("ubkt-dang-uy", "Ủy ban Kiểm tra Đảng ủy UBND tỉnh", "party", "party_board",
     "dang-uy-ubnd-tinh", "", False, "2025-07-01", None, []),
    ("doan-thanh-nien", "Đoàn Thanh niên Ủy ban nhân dân tỉnh", "party", "other",
     "dang-uy-ubnd-tinh", "", False, "2025-07-01", None, []),
    # Base party organisations under the Đảng ủy UBND tỉnh (the report counts 62; these are
    # a sample of them, one per department below).
    ("db-so-tai-chinh", "Đảng bộ Sở Tài chính", "party", "party_base", "dang-uy-ubnd-tinh",
     "so-nganh", True, "2025-07-01", None, []),
    ("db-so-cong-thuong", "Đảng bộ Sở Công Thương", "party", "party_base", "dang-uy-ubnd-tinh",
     "so-nganh", True, "2025-07-01", None, []),
    ("db-so-nong-nghiep", "Đảng bộ Sở Nông nghiệp và Môi trường", "party", "party_base",
     "dang-uy-ubnd-tinh", "so-nganh", True, "2025-07-01", None, []),
    ("db-so-y-te", "Đảng bộ Sở Y tế", "party", "party_base", "dang-uy-ubnd-tinh", "so-nganh",
     True, "2025-07-01", None, []),
    ("db-so-giao-duc", "Đảng bộ Sở Giáo dục và Đào tạo", "party", "party_base",
     "dang-uy-ubnd-tinh", "so-nganh", True, "2025-07-01", None, []),
    ("db-so-van-hoa", "Đảng bộ Sở Văn hóa, Thể thao và Du lịch", "party", "party_base",
     "dang-uy-ubnd-tinh", "so-nganh", True, "2025-07-01", None, []),
    ("db-so-xay-dung", "Đảng bộ Sở Xây dựng", "party", "party_base", "dang-uy-ubnd-tinh",
     "so-nganh", True, "2025-07-01", None, []),
    ("db-so-khcn", "Đảng bộ Sở Khoa học và Công nghệ", "party", "party_base",
     "dang-uy-ubnd-tinh", "so-nganh", True, "2025-07-01", None, []),
    ("db-so-noi-vu", "Đảng bộ Sở Nội vụ", "party", "party_base", "dang-uy-ubnd-tinh",
     "so-nganh", True, "2025-07-01", None, []),
    ("cb-thanh-tra", "Chi bộ Thanh tra tỉnh", "party", "party_base", "dang-uy-ubnd-tinh",
     "so-nganh", True, "2025-07-01", None, []),
    ("cb-van-phong-ubnd", "Chi bộ Văn phòng UBND tỉnh", "party", "party_base",
     "dang-uy-ubnd-tinh", "so-nganh", True, "2025-07-01", None, []),
    ("cb-ttcds", "Chi bộ Trung tâm Đổi mới sáng tạo và Chuyển đổi số", "party", "party_base",
     "dang-uy-ubnd-tinh", "don-vi-su-nghiep", True, "2025-07-01", None, []),
    # State side. The provinces merged on 1/7/2025 stay as predecessors.
    ("ubnd-tinh", "Ủy ban nhân dân tỉnh Lâm Đồng", "state", "province", None, "", False,
     "2025-07-01", None, []),
    ("ubnd-tinh-dak-nong-cu", "Ủy ban nhân dân tỉnh Đắk Nông (cũ)", "state", "province", None,
     "", False, None, "2025-06-30", ["ubnd-tinh"]),
    ("ubnd-tinh-binh-thuan-cu", "Ủy ban nhân dân tỉnh Bình Thuận (cũ)", "state", "province",
     None, "", False, None, "2025-06-30", ["ubnd-tinh"]),
    ("ubnd-tinh-lam-dong-cu", "Ủy ban nhân dân tỉnh Lâm Đồng (trước sáp nhập)", "state",
     "province", None, "", False, None, "2025-06-30", ["ubnd-tinh"]),
    ("so-tai-chinh", "Sở Tài chính", "state", "department", "ubnd-tinh", "so-nganh", False,
     "2025-07-01", None, []),
    ("so-cong-thuong", "Sở Công Thương", "state", "department", "ubnd-tinh", "so-nganh", False,
     "2025-07-01", None, []),
    ("so-nong-nghiep", "Sở Nông nghiệp và Môi trường", "state", "department", "ubnd-tinh",
     "so-nganh", False, "2025-07-01", None, []),
    ("so-y-te", "Sở Y tế", "state", "department", "ubnd-tinh", "so-nganh", False,
     "2025-07-01", None, []),
    ("so-giao-duc", "Sở Giáo dục và Đào tạo", "state", "department", "ubnd-tinh", "so-nganh",
     False, "2025-07-01", None, []),
    ("so-van-hoa", "Sở Văn hóa, Thể thao và Du lịch", "state", "department", "ubnd-tinh",
     "so-nganh", False, "2025-07-01", None, []),
    ("so-xay-dung", "Sở Xây dựng", "state", "department", "ubnd-tinh", "so-nganh", False,
     "2025-07-01", None, []),
    ("so-khcn", "Sở Khoa học và Công nghệ", "state", "department", "ubnd-tinh", "so-nganh",
     False, "2025-07-01", None, []),
    ("so-noi-vu", "Sở Nội vụ", "state", "department", "ubnd-tinh", "so-nganh", False,
     "2025-07-01", None, []),
    ("thanh-tra-tinh", "Thanh tra tỉnh", "state", "department", "ubnd-tinh", "so-nganh", False,
     "2025-07-01", None, []),
    ("van-phong-ubnd", "Văn phòng UBND tỉnh", "state", "department", "ubnd-tinh", "so-nganh",
     False, "2025-07-01", None, []),
    # Border communes the report names (section A.I.2.8).
    ("xa-tuy-duc", "UBND xã Tuy Đức", "state", "commune", "ubnd-tinh", "xa-bien-gioi", False,
     "2025-07-01", None, []),
    ("xa-thuan-hanh", "UBND xã Thuận Hạnh", "state", "commune", "ubnd-tinh", "xa-bien-gioi",
     False, "2025-07-01", None, []),
    ("xa-dak-wil", "UBND xã Đắk Wil", "state", "commune", "ubnd-tinh", "xa-bien-gioi", False,
     "2025-07-01", None, []),
]

# (username, full name, [(unit code, role, is_head)]) — all sample people.
PEOPLE = [
    ("admin", "Quản trị hệ thống", [("dang-bo-tinh", "admin", False)]),
    ("vanphong", "Nguyễn Thị Văn Phòng", [("dang-uy-ubnd-tinh", "office", False),
                                          ("ubnd-tinh", "office", False)]),
    ("lanhdao", "Trần Văn Lãnh Đạo", [("dang-uy-ubnd-tinh", "leader", True),
                                      ("ubnd-tinh", "leader", True)]),
    ("kiemtra", "Lê Thị Kiểm Tra", [("dang-uy-ubnd-tinh", "inspector", False),
                                    ("ubnd-tinh", "inspector", False)]),
    ("thongke", "Phạm Văn Thống Kê", [("ubnd-tinh", "focal", False),
                                      ("dang-uy-ubnd-tinh", "focal", False)]),
]
FOCAL_UNITS = [
    ("taichinh", "so-tai-chinh", "db-so-tai-chinh"),
    ("congthuong", "so-cong-thuong", "db-so-cong-thuong"),
    ("nongnghiep", "so-nong-nghiep", "db-so-nong-nghiep"),
    ("yte", "so-y-te", "db-so-y-te"),
    ("giaoduc", "so-giao-duc", "db-so-giao-duc"),
    ("vanhoa", "so-van-hoa", "db-so-van-hoa"),
    ("xaydung", "so-xay-dung", "db-so-xay-dung"),
    ("khcn", "so-khcn", "db-so-khcn"),
    ("noivu", "so-noi-vu", "db-so-noi-vu"),
    ("thanhtra", "thanh-tra-tinh", "cb-thanh-tra"),
    ("vpubnd", "van-phong-ubnd", "cb-van-phong-ubnd"),
    ("tuyduc", "xa-tuy-duc", None),
    ("thuanhanh", "xa-thuan-hanh", None),
    ("dakwil", "xa-dak-wil", None),
]

# Q2 2026 tasks that section B of the report sets. Title and deadline come from the report
# (section noted); the lead and coordinating units are sample data.
# (code, title, deadline, product, is_key, lead, coordinating, section)
Q2_TASKS = [
    ("b-12-nhiem-vu-trong-tam", "Hoàn thiện hồ sơ, thủ tục trình Ban Chấp hành Đảng bộ tỉnh, "
     "Ban Thường vụ Tỉnh ủy xem xét, cho ý kiến đối với 12 nhiệm vụ, đề án, nghị quyết trọng "
     "tâm", "2026-04-30", "de_an", True, "van-phong-ubnd", ["so-noi-vu"], "B, đoạn mở đầu"),
    ("b-07-nhiem-vu-moc-quy-ii", "Tham mưu hoàn thành 07 nhiệm vụ, chính sách có mốc thời hạn "
     "quy định trong Quý II/2026", "2026-06-30", "chinh_sach", True, "van-phong-ubnd", [],
     "B, đoạn mở đầu"),
    ("b-dien-phan-nhom", "Đưa Nhà máy điện phân nhôm Đắk Nông vào vận hành trong quý II/2026",
     "2026-06-30", "khac", True, "so-cong-thuong", ["so-khcn"], "B.I.1.1"),
    ("b-giai-ngan-von-2025", "Hoàn thành giải ngân 100% kế hoạch vốn đầu tư công năm 2025 kéo "
     "dài sang năm 2026", "2026-06-30", "khac", True, "so-tai-chinh", ["so-xay-dung"],
     "B.I.1.2"),
    ("b-dieu-chinh-quy-hoach-tinh", "Lập điều chỉnh quy hoạch tỉnh thời kỳ 2021 - 2030, tầm "
     "nhìn đến năm 2050", "2026-06-30", "ke_hoach", True, "so-tai-chinh", ["so-xay-dung"],
     "B.I.1.5"),
    ("b-ke-hoach-du-lich", "Xây dựng kế hoạch vận động cộng đồng doanh nghiệp, hộ kinh doanh "
     "du lịch hưởng ứng kích cầu du lịch", "2026-06-30", "ke_hoach", False, "so-van-hoa", [],
     "B.I.1.1"),
    ("b-festival-hoa", "Triển khai Kế hoạch tổ chức Festival Hoa Đà Lạt lần thứ XI năm 2026",
     "2026-06-30", "ke_hoach", False, "so-van-hoa", ["van-phong-ubnd"], "B.I.1.1"),
    ("b-thi-tot-nghiep", "Tổ chức tốt kỳ thi tốt nghiệp THPT 2026", "2026-06-30", "khac", False,
     "so-giao-duc", ["so-y-te"], "B.I.1.6"),
    ("b-quy-hoach-dat-xa", "Lập, điều chỉnh quy hoạch sử dụng đất cấp xã đến năm 2030",
     "2026-06-30", "ke_hoach", False, "so-nong-nghiep", ["xa-tuy-duc", "xa-dak-wil"],
     "B.I.1.8"),
    ("b-kiem-tra-xa-bien-gioi", "Triển khai xây dựng trường nội trú tại các xã biên giới",
     "2026-06-30", "khac", False, "xa-tuy-duc", ["so-giao-duc"], "B.I.1.6"),
    ("b-hoc-tap-chuyen-de", "Xây dựng Kế hoạch học tập, quán triệt Chuyên đề toàn khóa nhiệm kỳ "
     "2025 - 2030 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "2026-06-30", "ke_hoach", False, "db-so-noi-vu", [], "B.II.1"),
    ("b-khung-tieu-chi", "Ban hành Khung tiêu chí và hướng dẫn phương thức đánh giá, xếp loại "
     "chất lượng tổ chức cơ sở đảng hằng năm", "2026-06-30", "huong_dan", True, "ubkt-dang-uy",
     [], "B.II.2"),
    ("b-ket-nap-dang-vien", "Đẩy nhanh tiến độ kết nạp đảng viên mới theo kế hoạch, chỉ tiêu 6 "
     "tháng đầu năm 2026", "2026-06-30", "khac", False, "db-so-y-te", [], "B.II.2"),
    ("b-xac-minh-tai-san", "Triển khai việc xác minh tài sản, thu nhập năm 2026 đối với cán bộ, "
     "đảng viên thuộc diện Ban Thường vụ Đảng ủy quản lý", "2026-06-30", "khac", False,
     "ubkt-dang-uy", [], "B.II.3"),
]

# Q1 2026: the report says 06 tasks were done on time and 03 were due but not done; the
# appendix that names them is not in the text, so these nine are sample tasks (dữ liệu mẫu)
# with that outcome. (code, title, deadline, completed_on or None, lead, product)
Q1_TASKS = [
    ("q1-ke-hoach-ccHC", "Ban hành Kế hoạch cải cách hành chính năm 2026", "2026-01-31",
     "2026-01-28", "so-noi-vu", "ke_hoach"),
    ("q1-quy-che-ubkt", "Sửa đổi, bổ sung Quy chế làm việc của Ủy ban Kiểm tra Đảng ủy",
     "2026-02-28", "2026-02-25", "ubkt-dang-uy", "quy_dinh"),
    ("q1-chuong-trinh-kt", "Ban hành Chương trình công tác kiểm tra, giám sát năm 2026",
     "2026-01-31", "2026-01-20", "ubkt-dang-uy", "ke_hoach"),
    ("q1-ke-hoach-cds", "Ban hành Kế hoạch chuyển đổi số năm 2026", "2026-02-28", "2026-02-27",
     "so-khcn", "ke_hoach"),
    ("q1-huong-dan-danh-gia", "Hướng dẫn đánh giá cán bộ lãnh đạo, quản lý hằng quý",
     "2026-03-15", "2026-03-10", "db-so-noi-vu", "huong_dan"),
    ("q1-nha-o-xa-hoi", "Kế hoạch phát triển nhà ở xã hội năm 2026", "2026-03-31",
     "2026-03-30", "so-xay-dung", "ke_hoach"),
    ("q1-bang-gia-dat", "Trình phân bổ chỉ tiêu sử dụng đất đến năm 2030 cho cấp xã",
     "2026-03-31", None, "so-nong-nghiep", "de_an"),
    ("q1-du-thao-nq-dau-tu", "Dự thảo nghị quyết về cơ chế thu hút đầu tư ngoài ngân sách",
     "2026-03-31", None, "so-tai-chinh", "nghi_quyet"),
    ("q1-de-an-du-lich", "Đề án phát triển sản phẩm du lịch “Núi - Rừng - Biển”",
     "2026-03-20", None, "so-van-hoa", "de_an"),
]
