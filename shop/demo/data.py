"""The real-world demo catalogue: OCOP producers, products, certificates and quality marks.

Products, places and marks are real; the firms, people, phone numbers, tax codes and document
numbers are made up for the demo. Dates are relative to the day the seed runs.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from vendors.models import Vendor

# Weights of the tax code's check digit (the tenth digit), modulo 11.
_TAX_CODE_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax_code(first_nine: str) -> str:
    """A 10-digit tax code (mã số thuế) whose last digit checks the first nine."""
    check = 10 - sum(int(d) * w for d, w in zip(first_nine, _TAX_CODE_WEIGHTS, strict=True)) % 11
    if check == 10:
        raise ValueError(f"{first_nine} has no valid check digit; pick another number")
    return f"{first_nine}{check}"


@dataclass(frozen=True)
class VendorSpec:
    slug: str
    legal_name: str
    kind: str
    tax_code: str
    province: str
    commune: str
    old_district: str
    street_address: str
    contact_name: str
    phone: str
    email: str
    story: str
    # The province that recognised products before the July 2025 merger, when it was another.
    old_province: str = ""


@dataclass(frozen=True)
class CertificateSpec:
    """A recognition issued `months_ago` (and `days_ago`; negative moves it later) today."""

    stars: int
    serial: int
    decision: int
    months_ago: int
    days_ago: int = 0
    revoked_reason: str = ""


@dataclass(frozen=True)
class ProductSpec:
    upc: str
    title: str
    ocop_code: str
    vendor: str
    price: Decimal
    stock: int
    shape: str
    colour: str
    description: str
    certificates: tuple[CertificateSpec, ...]
    # (province, commune) of origin when it is not the producer's own commune.
    origin: tuple[str, str] | None = None
    marks: tuple[str, ...] = field(default=())
    # The harvest season as (first month, last month); None for goods sold all year.
    season: tuple[int, int] | None = None


@dataclass(frozen=True)
class MarkSpec:
    name: str
    kind: str
    holder: str
    registration_number: str = ""
    is_registered: bool = True


HTX, THT, DN, HKD = (
    Vendor.Kind.COOPERATIVE,
    Vendor.Kind.COOPERATIVE_GROUP,
    Vendor.Kind.ENTERPRISE,
    Vendor.Kind.HOUSEHOLD,
)

# The producer the demo vendor account manages.
NOODLE_COOPERATIVE = "htx-mien-dong-binh-lieu"

VENDORS: list[VendorSpec] = [
    VendorSpec(
        slug=NOODLE_COOPERATIVE,
        legal_name="Hợp tác xã Miến dong Bình Liêu",
        kind=HTX,
        tax_code=tax_code("570123401"),
        province="Quảng Ninh",
        commune="Bình Liêu",
        old_district="huyện Bình Liêu",
        street_address="Thôn Khe Tiền (xã Húc Động cũ)",
        contact_name="Lục Thị Hòa",
        phone="0912345601",
        email="miendong.binhlieu@ocop.example",
        story=(
            "Hợp tác xã thu mua củ dong riềng của các bản vùng cao Bình Liêu, nơi đất dốc và "
            "sương núi cho củ nhiều tinh bột. Sợi miến được tráng, cắt rồi phơi nắng tự nhiên "
            "theo cách các gia đình người Tày, người Sán Chỉ vẫn làm mỗi mùa đông. Hợp tác xã "
            "giữ quy trình thủ công, không dùng chất tẩy trắng hay phụ gia tạo dai."
        ),
    ),
    VendorSpec(
        slug="htx-ong-mat-luc-hon",
        legal_name="Hợp tác xã Ong mật Lục Hồn",
        kind=HTX,
        tax_code=tax_code("570123403"),
        province="Quảng Ninh",
        commune="Lục Hồn",
        old_district="huyện Bình Liêu",
        street_address="Thôn Bản Chuồng",
        contact_name="Hoàng Văn Sáng",
        phone="0912345602",
        email="ongmat.luchon@ocop.example",
        story=(
            "Các thành viên đặt đàn ong nội ven rừng Lục Hồn, sát đường biên giới. Ong lấy mật "
            "từ hoa rừng, hoa hồi và hoa chân chim nên mật có màu hổ phách, vị ngọt sâu. Mỗi năm "
            "hợp tác xã chỉ quay mật hai vụ để đàn ong luôn khỏe."
        ),
    ),
    VendorSpec(
        slug="tht-dau-so-hoanh-mo",
        legal_name="Tổ hợp tác Dầu sở Hoành Mô",
        kind=THT,
        tax_code=tax_code("570123404"),
        province="Quảng Ninh",
        commune="Hoành Mô",
        old_district="huyện Bình Liêu",
        street_address="Thôn Nà Pò (xã Đồng Văn cũ)",
        contact_name="Vi Thị Lan",
        phone="0912345603",
        email="dauso.hoanhmo@ocop.example",
        story=(
            "Tổ hợp tác gồm mười hai hộ có đồi sở lâu năm ở vùng giáp biên Hoành Mô. Hạt sở chín "
            "được phơi khô, ép lạnh rồi để lắng nhiều ngày cho dầu trong. Nghề ép dầu sở được "
            "các gia đình truyền lại qua nhiều thế hệ."
        ),
    ),
    VendorSpec(
        slug="cong-ty-tinh-dau-hoi-que-binh-lieu",
        legal_name="Công ty TNHH Tinh dầu Hồi Quế Bình Liêu",
        kind=DN,
        tax_code=tax_code("570123405"),
        province="Quảng Ninh",
        commune="Bình Liêu",
        old_district="huyện Bình Liêu",
        street_address="Số 18, khu Bình Công",
        contact_name="Nông Văn Khánh",
        phone="0912345604",
        email="tinhdau.binhlieu@ocop.example",
        story=(
            "Công ty mua hoa hồi, vỏ và lá quế của bà con Bình Liêu theo giá thỏa thuận từ đầu "
            "vụ. Tinh dầu được cất bằng hơi nước trong nồi inox, tách lớp và lọc kỹ trước khi "
            "đóng chai. Cán bộ kỹ thuật hướng dẫn các hộ hái đúng độ chín để giữ nhiều tinh dầu."
        ),
    ),
    VendorSpec(
        slug="cong-ty-thao-moc-phu-nghia",
        legal_name="Công ty Cổ phần Thảo mộc Phú Nghĩa",
        kind=DN,
        tax_code=tax_code("010987601"),
        province="Hà Nội",
        commune="Phú Nghĩa",
        old_district="huyện Chương Mỹ",
        street_address="Lô 7, cụm công nghiệp Phú Nghĩa",
        contact_name="Trần Minh Đức",
        phone="0912345605",
        email="thaomoc.phunghia@ocop.example",
        story=(
            "Một công ty nhỏ ở ngoại thành Hà Nội, chuyên cất tinh dầu từ vỏ bưởi và sả trồng "
            "quanh vùng. Nguyên liệu được gom và chưng cất trong ngày để hương không bay mất. "
            "Mỗi chai đều có tem truy xuất nguồn gốc."
        ),
    ),
    VendorSpec(
        slug="hkd-dang-van-tai",
        legal_name="Hộ kinh doanh Đặng Văn Tài",
        kind=HKD,
        tax_code=tax_code("570123406"),
        province="Quảng Ninh",
        commune="Tiên Yên",
        old_district="huyện Tiên Yên",
        street_address="Thôn Khe Lặc (xã Đại Dực cũ)",
        contact_name="Đặng Văn Tài",
        phone="0912345606",
        email="ruoumenla.tienyen@ocop.example",
        story=(
            "Gia đình người Dao ở Tiên Yên nấu rượu bằng men lá tự làm từ hơn hai mươi loại lá "
            "rừng. Gạo nếp nương ủ men trong chum sành, rồi được chưng cất chậm trên bếp củi. "
            "Rượu hạ thổ vài tháng trước khi bán để vị êm hơn."
        ),
    ),
    VendorSpec(
        slug="htx-tra-hoa-vang-ba-che",
        legal_name="Hợp tác xã Trà hoa vàng Ba Chẽ",
        kind=HTX,
        tax_code=tax_code("570123407"),
        province="Quảng Ninh",
        commune="Ba Chẽ",
        old_district="huyện Ba Chẽ",
        street_address="Thôn Khe Hố (xã Thanh Sơn cũ)",
        contact_name="Bàn Thị Mai",
        phone="0912345607",
        email="trahoavang.bache@ocop.example",
        story=(
            "Hợp tác xã trồng trà hoa vàng dưới tán rừng tự nhiên, không phát quang để cây luôn "
            "có bóng mát. Hoa được hái lúc sáng sớm khi vừa nở và sấy lạnh để giữ màu vàng, vị "
            "ngọt hậu. Các thành viên còn trồng ba kích tím theo hướng hữu cơ."
        ),
    ),
    VendorSpec(
        slug="htx-ong-mat-hoa-ban-muong-phang",
        legal_name="Hợp tác xã Ong mật Hoa Ban Mường Phăng",
        kind=HTX,
        tax_code=tax_code("560012302"),
        province="Điện Biên",
        commune="Mường Phăng",
        old_district="huyện Điện Biên",
        street_address="Bản Co Cược",
        contact_name="Lò Văn Panh",
        phone="0912345608",
        email="hoaban.muongphang@ocop.example",
        story=(
            "Mỗi mùa xuân, khi hoa ban nở trắng các sườn đồi Mường Phăng, hợp tác xã đưa đàn ong "
            "lên sát rừng ban. Các thành viên là những gia đình người Thái đã nuôi ong nhiều đời. "
            "Mật quay xong được lọc, để lắng và đóng lọ ngay tại bản."
        ),
    ),
    VendorSpec(
        slug="htx-nong-san-dien-bien-dong",
        legal_name="Hợp tác xã Nông sản sạch Điện Biên Đông",
        kind=HTX,
        tax_code=tax_code("560012303"),
        province="Điện Biên",
        commune="Na Son",
        old_district="huyện Điện Biên Đông",
        street_address="Tổ dân phố 3 (thị trấn Điện Biên Đông cũ)",
        contact_name="Giàng A Của",
        phone="0912345609",
        email="nongsan.dienbiendong@ocop.example",
        story=(
            "Hợp tác xã liên kết với các bản vùng cao Tìa Dình, Phì Nhừ và Na Son để bao tiêu "
            "bí xanh, khoai sọ và lạc đỏ. Cây trồng trên nương, bón chủ yếu bằng phân chuồng, "
            "sản lượng không lớn nhưng đều và sạch. Mỗi tuần hợp tác xã phân loại, đóng gói rồi "
            "chở hàng xuống thành phố Điện Biên Phủ."
        ),
    ),
    VendorSpec(
        slug="hkd-lo-thi-xuan",
        legal_name="Hộ kinh doanh Lò Thị Xuân",
        kind=HKD,
        tax_code=tax_code("560012304"),
        province="Điện Biên",
        commune="Mường Ảng",
        old_district="huyện Mường Ảng",
        street_address="Bản Hón",
        contact_name="Lò Thị Xuân",
        phone="0912345610",
        email="gacbep.muongang@ocop.example",
        story=(
            "Chị Xuân làm thịt lợn gác bếp theo cách của người Thái Mường Ảng: ướp mắc khén, "
            "gừng, ớt rồi treo trên gác bếp củi. Thịt lấy từ lợn bản nuôi thả trong vùng. Một mẻ "
            "hun khói kéo dài gần một tuần."
        ),
    ),
    VendorSpec(
        slug="cong-ty-ca-phe-muong-ang",
        legal_name="Công ty TNHH Cà phê Mường Ảng",
        kind=DN,
        tax_code=tax_code("560012305"),
        province="Điện Biên",
        commune="Mường Ảng",
        old_district="huyện Mường Ảng",
        street_address="Tổ dân phố 5 (thị trấn Mường Ảng cũ)",
        contact_name="Phạm Văn Long",
        phone="0912345611",
        email="caphe.muongang@ocop.example",
        story=(
            "Công ty liên kết với hơn trăm hộ trồng cà phê Arabica trên đồi Mường Ảng, ở độ cao "
            "khoảng một nghìn mét. Quả chín được hái chọn, sơ chế ướt và rang mộc tại xưởng. "
            "Công ty cùng bà con trồng xen cây che bóng để giảm sâu bệnh."
        ),
    ),
    VendorSpec(
        slug="cong-ty-lua-gao-thanh-yen",
        legal_name="Công ty TNHH Lúa gạo Thanh Yên",
        kind=DN,
        tax_code=tax_code("560012402"),
        province="Điện Biên",
        commune="Thanh Yên",
        old_district="huyện Điện Biên",
        street_address="Đội 4, cánh đồng Mường Thanh",
        contact_name="Lường Văn Hùng",
        phone="0912345612",
        email="gao.thanhyen@ocop.example",
        story=(
            "Công ty ký hợp đồng với nông dân cánh đồng Mường Thanh để trồng giống lúa Séng Cù "
            "theo cùng một quy trình. Lúa được gặt đúng độ chín, phơi và xay xát ngay trong vùng. "
            "Gạo được đóng túi theo từng vụ để khách biết gạo mới hay cũ."
        ),
    ),
    VendorSpec(
        slug="htx-nong-san-luc-son",
        legal_name="Hợp tác xã Nông sản Lục Sơn",
        kind=HTX,
        tax_code=tax_code("240112302"),
        province="Bắc Ninh",
        commune="Lục Sơn",
        old_district="huyện Lục Nam",
        old_province="tỉnh Bắc Giang",
        street_address="Thôn Rèm",
        contact_name="Triệu Văn Thành",
        phone="0912345613",
        email="nongsan.lucson@ocop.example",
        story=(
            "Lục Sơn là xã vùng núi có nhiều vườn nhãn lâu năm của đồng bào Dao. Hợp tác xã bóc "
            "vỏ, bỏ hạt và sấy nhãn bằng than củi theo mẻ nhỏ để cùi long nhãn dày và ngọt. Đây "
            "là một trong những sản phẩm mới của vùng Lục Nam được công nhận OCOP."
        ),
    ),
    VendorSpec(
        slug="tht-banh-mat-thanh-lam",
        legal_name="Tổ hợp tác Bánh mật Thanh Lâm",
        kind=THT,
        tax_code=tax_code("240112303"),
        province="Bắc Ninh",
        commune="Bảo Đài",
        old_district="huyện Lục Nam",
        old_province="tỉnh Bắc Giang",
        street_address="Thôn Chính Lương (xã Thanh Lâm cũ)",
        contact_name="Nguyễn Thị Nga",
        phone="0912345614",
        email="banhmat.thanhlam@ocop.example",
        story=(
            "Tổ hợp tác gồm các chị em ở xã Thanh Lâm cũ, nay thuộc xã Bảo Đài. Bánh mật làm từ "
            "gạo nếp, mật mía và lạc rang, gói lá dong rồi luộc suốt nhiều giờ. Trước kia bánh "
            "chỉ có vào dịp lễ Tết, nay tổ làm quanh năm theo đơn đặt hàng."
        ),
    ),
    VendorSpec(
        slug="hkd-nem-chua-tu-thuy",
        legal_name="Hộ kinh doanh Nem chua Tư Thủy",
        kind=HKD,
        tax_code=tax_code("240112304"),
        province="Bắc Ninh",
        commune="Lục Nam",
        old_district="huyện Lục Nam",
        old_province="tỉnh Bắc Giang",
        street_address="Tổ dân phố Thanh Hưng (thị trấn Đồi Ngô cũ)",
        contact_name="Ngô Văn Tư",
        phone="0912345615",
        email="nemchua.tuthuy@ocop.example",
        story=(
            "Vợ chồng anh Tư, chị Thủy làm nem chua ở Đồi Ngô đã hơn hai mươi năm. Thịt nạc được "
            "giã, trộn thính gạo và bì thái sợi rồi gói bằng lá ổi, lá chuối. Mỗi mẻ chỉ ủ vừa "
            "đủ chua để giao khách trong ngày."
        ),
    ),
    VendorSpec(
        slug="cong-ty-nong-san-luc-ngan",
        legal_name="Công ty TNHH Nông sản Lục Ngạn",
        kind=DN,
        tax_code=tax_code("240112403"),
        province="Bắc Ninh",
        commune="Chũ",
        old_district="huyện Lục Ngạn",
        old_province="tỉnh Bắc Giang",
        street_address="Số 52, đường Trần Phú",
        contact_name="Đỗ Thị Hằng",
        phone="0912345616",
        email="nongsan.lucngan@ocop.example",
        story=(
            "Công ty thu mua vải thiều của các nhà vườn Lục Ngạn đạt chuẩn VietGAP. Quả được sấy "
            "nguyên vỏ trong lò giữ nhiệt ổn định để cùi dẻo mà không cháy. Nhờ sấy khô, vải "
            "thiều bán được quanh năm chứ không chỉ trong vài tuần mùa hè."
        ),
    ),
    VendorSpec(
        slug="cong-ty-gom-men-lam-bat-trang",
        legal_name="Công ty TNHH Gốm men lam Bát Tràng",
        kind=DN,
        tax_code=tax_code("010987602"),
        province="Hà Nội",
        commune="Bát Tràng",
        old_district="huyện Gia Lâm",
        street_address="Xóm 3, làng gốm Bát Tràng",
        contact_name="Lê Văn Phúc",
        phone="0912345617",
        email="gom.battrang@ocop.example",
        story=(
            "Xưởng gốm của một gia đình ba đời làm nghề ở làng Bát Tràng, chuyên dòng men lam vẽ "
            "tay. Mỗi sản phẩm được tạo dáng trên bàn xoay, vẽ bằng bút lông rồi nung ở nhiệt độ "
            "cao. Xưởng nhận cả đơn đặt riêng cho nhà hàng và khách sạn."
        ),
    ),
    VendorSpec(
        slug="hkd-nguyen-thi-hanh",
        legal_name="Hộ kinh doanh Nguyễn Thị Hạnh",
        kind=HKD,
        tax_code=tax_code("010987603"),
        province="Hà Nội",
        commune="Hà Đông",
        old_district="quận Hà Đông",
        street_address="Số 9, ngõ Lụa (phường Vạn Phúc cũ)",
        contact_name="Nguyễn Thị Hạnh",
        phone="0912345618",
        email="lua.vanphuc@ocop.example",
        story=(
            "Gia đình chị Hạnh dệt lụa ở làng Vạn Phúc, nay thuộc phường Hà Đông. Khăn được dệt "
            "từ tơ tằm, nhuộm màu rồi hoàn thiện bằng tay. Chị vẫn giữ những hoa văn cổ của làng "
            "như hoa sen, chữ thọ."
        ),
    ),
    VendorSpec(
        slug="htx-nong-lam-san-van-quan",
        legal_name="Hợp tác xã Nông lâm sản Văn Quan",
        kind=HTX,
        tax_code=tax_code("490023401"),
        province="Lạng Sơn",
        commune="Văn Quan",
        old_district="huyện Văn Quan",
        street_address="Thôn Bản Cảng",
        contact_name="Hoàng Thị Thu",
        phone="0912345619",
        email="hoi.vanquan@ocop.example",
        story=(
            "Hợp tác xã gom hoa hồi của các hộ người Tày, người Nùng trồng trên đồi Văn Quan. "
            "Hồi được hái khi quả chuyển nâu, phơi hoặc sấy đến khi cánh khô giòn và thơm nồng. "
            "Trước khi đóng túi, quả lép và cuống được nhặt bỏ bằng tay."
        ),
    ),
    VendorSpec(
        slug="tht-thach-den-trang-dinh",
        legal_name="Tổ hợp tác Thạch đen Tràng Định",
        kind=THT,
        tax_code=tax_code("490023402"),
        province="Lạng Sơn",
        commune="Thất Khê",
        old_district="huyện Tràng Định",
        street_address="Khu 2",
        contact_name="Lương Văn Bình",
        phone="0912345620",
        email="thachden.trangdinh@ocop.example",
        story=(
            "Tổ hợp tác trồng cây thạch đen trên ruộng bậc thang ở Tràng Định và thu hoạch vào "
            "cuối thu. Cây phơi khô được nấu lấy nước cốt rồi đổ thành thạch theo cách của người "
            "Tày. Thạch không dùng chất bảo quản nên được giao lạnh."
        ),
    ),
    VendorSpec(
        slug="hkd-vu-van-long",
        legal_name="Hộ kinh doanh Vũ Văn Long",
        kind=HKD,
        tax_code=tax_code("090045602"),
        province="Hưng Yên",
        commune="Tân Hưng",
        old_district="thành phố Hưng Yên",
        street_address="Thôn Nội Mạc (xã Hồng Nam cũ)",
        contact_name="Vũ Văn Long",
        phone="0912345621",
        email="nhanlong.hongnam@ocop.example",
        story=(
            "Vườn nhãn lồng của gia đình anh Long ở Hồng Nam có nhiều cây trên năm mươi tuổi. "
            "Nhãn được tỉa quả từ sớm để chùm thưa, quả to và cùi dày. Mùa thu hoạch rơi vào "
            "tháng bảy, tháng tám."
        ),
    ),
    VendorSpec(
        slug="hkd-tran-thi-hien",
        legal_name="Hộ kinh doanh Trần Thị Hiền",
        kind=HKD,
        tax_code=tax_code("090045701"),
        province="Hưng Yên",
        commune="Mỹ Hào",
        old_district="thị xã Mỹ Hào",
        street_address="Phố Bần Yên Nhân",
        contact_name="Trần Thị Hiền",
        phone="0912345622",
        email="tuongban.myhao@ocop.example",
        story=(
            "Bà Hiền làm tương theo lối làng Bần: xôi nếp ủ mốc, đậu tương rang vàng, muối biển "
            "và nước giếng trong. Chum tương phơi nắng nhiều tháng, sáng nào cũng được khuấy đều. "
            "Nghề tương trong nhà đã qua bốn đời."
        ),
    ),
    VendorSpec(
        slug="htx-che-tan-cuong",
        legal_name="Hợp tác xã Chè Tân Cương",
        kind=HTX,
        tax_code=tax_code("460034501"),
        province="Thái Nguyên",
        commune="Tân Cương",
        old_district="thành phố Thái Nguyên",
        street_address="Xóm Hồng Thái 2",
        contact_name="Đào Thị Hương",
        phone="0912345623",
        email="che.tancuong@ocop.example",
        story=(
            "Các hộ thành viên trồng chè trung du trên đồi Tân Cương và hái một tôm hai lá vào "
            "buổi sáng. Chè được sao bằng chảo gang trên bếp củi, vò tay nhiều lần cho cánh xoăn "
            "chắc. Hợp tác xã đón khách tham quan đồi chè và xưởng sao chè."
        ),
    ),
    VendorSpec(
        slug="cong-ty-hoa-canh-xuan-huong",
        legal_name="Công ty TNHH Hoa cảnh Xuân Hương",
        kind=DN,
        tax_code=tax_code("580067801"),
        province="Lâm Đồng",
        commune="Xuân Hương - Đà Lạt",
        old_district="thành phố Đà Lạt",
        street_address="Số 21, đường Hoa Hồng",
        contact_name="Phan Thanh Tùng",
        phone="0912345624",
        email="hoacanh.dalat@ocop.example",
        story=(
            "Công ty có nhà kính trồng lan hồ điệp và cây cảnh mini trên sườn đồi Đà Lạt. Khí "
            "hậu mát quanh năm giúp hoa bền màu, cành cứng. Mỗi chậu được đóng thùng có lỗ thông "
            "khí và gửi kèm hướng dẫn chăm sóc."
        ),
    ),
    VendorSpec(
        slug="cong-ty-lua-gao-my-xuyen",
        legal_name="Công ty TNHH Lúa gạo Mỹ Xuyên",
        kind=DN,
        tax_code=tax_code("220078901"),
        province="Cần Thơ",
        commune="Mỹ Xuyên",
        old_district="huyện Mỹ Xuyên",
        old_province="tỉnh Sóc Trăng",
        street_address="Ấp Châu Thành",
        contact_name="Thạch Sa Rết",
        phone="0912345625",
        email="gao.myxuyen@ocop.example",
        story=(
            "Công ty liên kết với các hộ trồng lúa ST25 trên vùng đất luân canh lúa – tôm ở Mỹ "
            "Xuyên. Ruộng nuôi tôm mùa khô, trồng lúa mùa mưa nên rất ít dùng phân bón hóa học. "
            "Gạo được xay xát và hút chân không ngay sau thu hoạch."
        ),
    ),
]


def _c(stars, serial, decision, months_ago, days_ago=0, revoked_reason=""):
    return CertificateSpec(stars, serial, decision, months_ago, days_ago, revoked_reason)


MIEN_DONG_MARK = "Miến dong Bình Liêu"
MAT_ONG_MARK = "Mật ong Bình Liêu"
DAU_SO_MARK = "Dầu sở Bình Liêu"

MARKS: list[MarkSpec] = [
    MarkSpec(MIEN_DONG_MARK, "certification", "UBND huyện Bình Liêu", "4-0231587-000"),
    MarkSpec(MAT_ONG_MARK, "certification", "UBND huyện Bình Liêu", "", is_registered=False),
    MarkSpec(DAU_SO_MARK, "certification", "UBND huyện Bình Liêu", "", is_registered=False),
    MarkSpec("Vải thiều Lục Ngạn", "geographical", "UBND tỉnh Bắc Ninh"),
    MarkSpec("Hồi Lạng Sơn", "geographical", "UBND tỉnh Lạng Sơn"),
    MarkSpec("Nhãn lồng Hưng Yên", "geographical", "UBND tỉnh Hưng Yên"),
]

PRODUCTS: list[ProductSpec] = [
    ProductSpec(
        upc="OCOP-BL-0001",
        title="Miến dong Bình Liêu 500g",
        season=(11, 2),
        ocop_code="I.3.b",
        vendor=NOODLE_COOPERATIVE,
        price=Decimal("85000"),
        stock=140,
        shape="noodles",
        colour="#b89a6a",
        description=(
            "Sợi miến làm hoàn toàn từ tinh bột củ dong riềng trồng ở Bình Liêu, có màu nâu "
            "trong tự nhiên. Khi nấu sợi dai, không nát và không bị chua. Túi 500g; ngâm nước "
            "ấm năm phút trước khi xào hoặc nấu canh."
        ),
        # From a district 3★ in 2020 through a provincial 4★ to the national 5★.
        certificates=(_c(3, 112, 845, 82), _c(4, 2057, 3120, 46), _c(5, 31, 1472, 10)),
        marks=(MIEN_DONG_MARK,),
    ),
    ProductSpec(
        upc="OCOP-BL-0002",
        title="Miến dong Bình Liêu hộp quà 1kg",
        season=(11, 2),
        ocop_code="I.3.b",
        vendor=NOODLE_COOPERATIVE,
        price=Decimal("210000"),
        stock=60,
        shape="gift_box",
        colour="#9c2f2f",
        description=(
            "Hộp quà gồm hai gói miến dong 500g, sợi được bó bằng lạt giang theo kiểu truyền "
            "thống. Sợi nhỏ, đều, màu nâu trong đặc trưng của dong riềng vùng cao. Hộp giấy cứng "
            "in hoa văn thổ cẩm, hợp làm quà Tết."
        ),
        certificates=(_c(4, 2311, 3388, 14),),
        marks=(MIEN_DONG_MARK,),
    ),
    ProductSpec(
        upc="OCOP-BL-0003",
        title="Mật ong Bình Liêu 500ml",
        ocop_code="I.2.b",
        vendor="htx-ong-mat-luc-hon",
        price=Decimal("280000"),
        stock=45,
        shape="jar",
        colour="#c9831f",
        description=(
            "Mật của đàn ong nội nuôi ven rừng Bình Liêu, lấy từ hoa rừng và hoa hồi. Mật sánh, "
            "màu hổ phách, thoảng mùi hoa hồi. Lọ thủy tinh 500ml, không pha đường, không cô "
            "đặc bằng nhiệt."
        ),
        certificates=(_c(4, 2206, 3254, 20),),
        marks=(MAT_ONG_MARK,),
    ),
    ProductSpec(
        upc="OCOP-BL-0004",
        title="Gừng ngâm mật ong Bình Liêu 350g",
        ocop_code="I.3.d",
        vendor="htx-ong-mat-luc-hon",
        price=Decimal("120000"),
        stock=25,
        shape="jar",
        colour="#d8a13a",
        description=(
            "Gừng già thái lát mỏng, ngâm trong mật ong rừng Bình Liêu từ ba tháng trở lên. Vị "
            "cay ấm của gừng quyện với vị ngọt của mật, pha nước ấm uống vào ngày lạnh. Lọ 350g, "
            "để nơi khô mát."
        ),
        # Expired: the household has filed for re-evaluation.
        certificates=(_c(3, 187, 912, 41),),
    ),
    ProductSpec(
        upc="OCOP-BL-0005",
        title="Dầu sở Bình Liêu 500ml",
        ocop_code="I.3.c",
        vendor="tht-dau-so-hoanh-mo",
        price=Decimal("350000"),
        stock=30,
        shape="bottle",
        colour="#d9b23c",
        description=(
            "Dầu ép lạnh từ hạt sở trồng trên đồi Bình Liêu, để lắng tự nhiên cho trong. Dầu "
            "màu vàng nhạt, thơm nhẹ, dùng xào nấu, trộn gỏi hoặc dưỡng da, dưỡng tóc. Chai thủy "
            "tinh 500ml."
        ),
        certificates=(_c(4, 2489, 3561, 7),),
        marks=(DAU_SO_MARK,),
    ),
    ProductSpec(
        upc="OCOP-BL-0006",
        title="Xà phòng dầu sở thủ công 100g",
        ocop_code="III.2",
        vendor="tht-dau-so-hoanh-mo",
        price=Decimal("55000"),
        stock=80,
        shape="soap",
        colour="#efe0b0",
        description=(
            "Bánh xà phòng nấu thủ công theo phương pháp lạnh, thành phần chính là dầu sở Bình "
            "Liêu. Bọt mịn, không làm khô da, hợp cả với da nhạy cảm. Mỗi bánh khoảng 100g, đựng "
            "trong hộp giấy kraft."
        ),
        certificates=(_c(3, 2502, 3570, 5),),
    ),
    ProductSpec(
        upc="OCOP-BL-0007",
        title="Tinh dầu quế Bình Liêu 50ml",
        ocop_code="III.3",
        vendor="cong-ty-tinh-dau-hoi-que-binh-lieu",
        price=Decimal("150000"),
        stock=70,
        shape="vial",
        colour="#8a4b1c",
        description=(
            "Tinh dầu cất bằng hơi nước từ vỏ và lá quế thu hái ở Bình Liêu. Mùi thơm ấm, cay "
            "nhẹ, dùng xông phòng hoặc pha loãng để xoa bóp. Chai thủy tinh màu hổ phách 50ml có "
            "nắp nhỏ giọt; pha loãng trước khi thoa lên da."
        ),
        certificates=(_c(4, 2275, 3301, 16),),
    ),
    ProductSpec(
        upc="OCOP-BL-0008",
        title="Tinh dầu hồi Bình Liêu 50ml",
        ocop_code="III.3",
        vendor="cong-ty-tinh-dau-hoi-que-binh-lieu",
        price=Decimal("160000"),
        stock=55,
        shape="vial",
        colour="#6e3b1e",
        description=(
            "Tinh dầu cất từ quả hồi chín của những vườn hồi lâu năm ở Bình Liêu. Hương ngọt, "
            "nồng đặc trưng, dùng để xông, khử mùi hoặc làm hương liệu. Chai 50ml có nắp nhỏ "
            "giọt, để xa tầm tay trẻ em."
        ),
        # Expires within the month: the producer is due its reminder.
        certificates=(_c(4, 1986, 2744, 36, days_ago=-18),),
    ),
    ProductSpec(
        upc="OCOP-HN-0009",
        title="Tinh dầu bưởi Phú Nghĩa 100ml",
        ocop_code="III.3",
        vendor="cong-ty-thao-moc-phu-nghia",
        price=Decimal("130000"),
        stock=90,
        shape="vial",
        colour="#7d8f2a",
        description=(
            "Tinh dầu cất từ vỏ bưởi tươi, giữ mùi thơm thanh của vỏ bưởi vừa bóc. Dùng ủ tóc, "
            "pha vào nước gội hoặc xông phòng. Chai thủy tinh 100ml."
        ),
        certificates=(_c(3, 455, 1260, 22),),
    ),
    ProductSpec(
        upc="OCOP-HN-0010",
        title="Tinh dầu sả chanh Phú Nghĩa 100ml",
        ocop_code="III.3",
        vendor="cong-ty-thao-moc-phu-nghia",
        price=Decimal("95000"),
        stock=40,
        shape="vial",
        colour="#9aa63a",
        description=(
            "Tinh dầu cất từ thân và lá sả chanh trồng ở vùng ven đô Hà Nội. Mùi sả tươi mát, "
            "giúp xua muỗi và khử mùi trong nhà. Chai 100ml; nhỏ vài giọt vào máy khuếch tán "
            "hoặc nước lau sàn."
        ),
        certificates=(
            _c(
                3,
                4120,
                5233,
                9,
                revoked_reason=(
                    "Kiểm tra sau công nhận: nhãn ghi sai thành phần, chủ thể chưa khắc phục "
                    "trong thời hạn được yêu cầu."
                ),
            ),
        ),
    ),
    ProductSpec(
        upc="OCOP-TY-0011",
        title="Rượu men lá Tiên Yên 500ml",
        ocop_code="II.1.a",
        vendor="hkd-dang-van-tai",
        price=Decimal("90000"),
        stock=50,
        shape="bottle",
        colour="#dfe7ea",
        description=(
            "Rượu nấu từ gạo nếp nương ủ men lá rừng của người Dao Tiên Yên. Rượu trong, khoảng "
            "35 độ, thơm mùi lá và ngọt ở cuối. Chai thủy tinh 500ml. Không bán cho người dưới "
            "18 tuổi."
        ),
        # A district 3★ from before the reform, expiring within the month.
        certificates=(_c(3, 206, 1018, 36, days_ago=-25),),
    ),
    ProductSpec(
        upc="OCOP-BC-0012",
        title="Trà hoa vàng Ba Chẽ hộp 50g",
        ocop_code="I.5.b",
        vendor="htx-tra-hoa-vang-ba-che",
        price=Decimal("450000"),
        stock=35,
        shape="tea_box",
        colour="#c99a12",
        description=(
            "Bông trà hoa vàng hái khi vừa nở rồi sấy lạnh, giữ nguyên hình và sắc vàng óng. "
            "Nước trà vàng trong, vị ngọt dịu, hương thoang thoảng. Hộp 50g; mỗi ấm pha 2–3 bông "
            "với nước khoảng 90 độ."
        ),
        certificates=(_c(5, 37, 1610, 8),),
    ),
    ProductSpec(
        upc="OCOP-BC-0013",
        title="Ba kích tím sấy khô Ba Chẽ 500g",
        ocop_code="III.3",
        vendor="htx-tra-hoa-vang-ba-che",
        price=Decimal("320000"),
        stock=20,
        shape="pouch",
        colour="#6b2d4f",
        description=(
            "Rễ ba kích tím trồng dưới tán rừng Ba Chẽ từ bốn năm trở lên, đã rút lõi và sấy "
            "khô. Theo kinh nghiệm dân gian, ba kích được ngâm rượu hoặc hầm cùng thức ăn. Túi "
            "500g hút chân không."
        ),
        certificates=(_c(4, 1768, 2530, 26),),
    ),
    ProductSpec(
        upc="OCOP-DB-0014",
        title="Mật ong hoa Ban Điện Biên 500ml",
        season=(3, 5),
        ocop_code="I.2.b",
        vendor="htx-ong-mat-hoa-ban-muong-phang",
        price=Decimal("320000"),
        stock=38,
        shape="jar",
        colour="#e2b54a",
        description=(
            "Mật ong thu vào mùa hoa ban nở trên đồi Mường Phăng. Mật màu vàng nhạt, thơm dịu, "
            "vị ngọt thanh. Lọ thủy tinh 500ml; trời lạnh mật có thể kết tinh, đó là hiện tượng "
            "tự nhiên."
        ),
        certificates=(_c(4, 318, 2215, 11),),
    ),
    ProductSpec(
        upc="OCOP-DB-0015",
        title="Bí xanh Tìa Dình (thùng 5kg)",
        ocop_code="I.1.a",
        vendor="htx-nong-san-dien-bien-dong",
        origin=("Điện Biên", "Tìa Dình"),
        price=Decimal("120000"),
        stock=0,
        shape="crate",
        colour="#4f7a3a",
        description=(
            "Bí xanh trồng trên nương ở độ cao hơn một nghìn mét tại Tìa Dình, quả dài, vỏ phủ "
            "phấn trắng. Ruột bí chắc, nấu canh ngọt mà không nhũn. Thùng 5kg gồm 2–3 quả, chỉ "
            "có hàng trong mùa thu hoạch từ tháng sáu đến tháng mười."
        ),
        certificates=(_c(3, 344, 2290, 15),),
    ),
    ProductSpec(
        upc="OCOP-DB-0016",
        title="Khoai sọ Phì Nhừ (túi 3kg)",
        ocop_code="I.1.a",
        vendor="htx-nong-san-dien-bien-dong",
        # Phì Nhừ was merged into Xa Dung in July 2025.
        origin=("Điện Biên", "Xa Dung"),
        price=Decimal("105000"),
        stock=60,
        shape="crate",
        colour="#7a5a3c",
        description=(
            "Khoai sọ nương của đồng bào Mông ở Phì Nhừ, củ nhỏ, vỏ nâu sẫm. Luộc hay nấu canh "
            "đều bở, dẻo và thơm bùi. Túi lưới 3kg."
        ),
        # Expired: re-evaluation pending, so no stars are shown.
        certificates=(_c(3, 96, 731, 39),),
    ),
    ProductSpec(
        upc="OCOP-DB-0017",
        title="Lạc đỏ Na Son 1kg",
        ocop_code="I.2.a",
        vendor="htx-nong-san-dien-bien-dong",
        price=Decimal("90000"),
        stock=75,
        shape="sack",
        colour="#9b2c2c",
        description=(
            "Giống lạc đỏ bản địa trồng trên nương Na Son, hạt nhỏ, vỏ lụa đỏ sẫm. Lạc được phơi "
            "khô và chọn hạt đều; rang lên giòn, béo. Túi 1kg."
        ),
        certificates=(_c(3, 128, 806, 27),),
    ),
    ProductSpec(
        upc="OCOP-DB-0018",
        title="Thịt lợn khô gác bếp Mường Ảng 500g",
        ocop_code="I.3.d",
        vendor="hkd-lo-thi-xuan",
        price=Decimal("380000"),
        stock=25,
        shape="tray",
        colour="#5b2a1a",
        description=(
            "Thịt lợn bản thái thớ dọc, ướp mắc khén, gừng, ớt rồi hun trên gác bếp củi gần một "
            "tuần. Thịt săn, thơm mùi khói; hấp lại hoặc nướng sơ rồi xé nhỏ khi ăn. Túi hút chân "
            "không 500g, bảo quản ngăn mát."
        ),
        certificates=(_c(3, 402, 2561, 4),),
    ),
    ProductSpec(
        upc="OCOP-DB-0019",
        title="Cà phê Arabica Mường Ảng rang xay 500g",
        ocop_code="I.6",
        vendor="cong-ty-ca-phe-muong-ang",
        price=Decimal("220000"),
        stock=100,
        shape="coffee_bag",
        colour="#3b2418",
        description=(
            "Cà phê Arabica trồng ở độ cao khoảng một nghìn mét tại Mường Ảng, chỉ hái quả chín "
            "và sơ chế ướt. Rang mộc mức vừa, hương trái cây, vị chua nhẹ và hậu ngọt. Túi 500g "
            "có van một chiều, xay sẵn để pha phin."
        ),
        certificates=(_c(4, 276, 1893, 18),),
    ),
    ProductSpec(
        upc="OCOP-DB-0020",
        title="Gạo Séng Cù Mường Thanh 5kg",
        ocop_code="I.2.a",
        vendor="cong-ty-lua-gao-thanh-yen",
        price=Decimal("175000"),
        stock=120,
        shape="sack",
        colour="#e9e2cf",
        description=(
            "Gạo từ giống lúa Séng Cù trồng trên cánh đồng Mường Thanh, hạt thon dài, trắng "
            "trong. Cơm dẻo, thơm nhẹ, để nguội vẫn mềm. Túi 5kg."
        ),
        certificates=(_c(4, 251, 1744, 23),),
    ),
    ProductSpec(
        upc="OCOP-LN-0021",
        title="Long nhãn Lục Sơn 500g",
        season=(7, 8),
        ocop_code="I.3.c",
        vendor="htx-nong-san-luc-son",
        price=Decimal("190000"),
        stock=50,
        shape="pouch",
        colour="#8a5a2b",
        description=(
            "Nhãn chín của các vườn Lục Sơn được bóc vỏ, bỏ hạt và sấy bằng than củi theo mẻ "
            "nhỏ. Cùi long nhãn dày, màu nâu cánh gián, vị ngọt đậm. Ăn trực tiếp, nấu chè hay "
            "pha trà đều hợp. Túi 500g."
        ),
        certificates=(_c(3, 1305, 2984, 3),),
    ),
    ProductSpec(
        upc="OCOP-LN-0022",
        title="Bánh mật Thanh Lâm (10 chiếc)",
        ocop_code="I.3.b",
        vendor="tht-banh-mat-thanh-lam",
        price=Decimal("100000"),
        stock=30,
        shape="parcels",
        colour="#3f6b2a",
        description=(
            "Bánh làm từ gạo nếp, mật mía và lạc rang, gói lá dong và luộc nhiều giờ. Vỏ bánh "
            "dẻo, màu nâu mật, nhân bùi thơm. Túi 10 chiếc, mỗi chiếc khoảng 100g; giữ ngăn mát "
            "và dùng trong năm ngày."
        ),
        certificates=(_c(3, 1322, 3015, 2),),
    ),
    ProductSpec(
        upc="OCOP-LN-0023",
        title="Nem chua Tư Thủy (50 chiếc)",
        ocop_code="I.3.d",
        vendor="hkd-nem-chua-tu-thuy",
        price=Decimal("150000"),
        stock=40,
        shape="parcels",
        colour="#5d8a36",
        description=(
            "Nem làm từ thịt lợn nạc tươi giã nhuyễn, trộn bì thái sợi, thính gạo, gói lá ổi. "
            "Nem chua vừa, giòn, thơm mùi lá, ăn kèm tỏi ớt. Mỗi chiếc khoảng 20g, túi 50 chiếc; "
            "nên dùng trong ba ngày."
        ),
        certificates=(_c(3, 1347, 3102, 1),),
    ),
    ProductSpec(
        upc="OCOP-LN-0024",
        title="Vải thiều Lục Ngạn sấy khô 1kg",
        season=(6, 6),
        ocop_code="I.3.c",
        vendor="cong-ty-nong-san-luc-ngan",
        price=Decimal("160000"),
        stock=80,
        shape="pouch",
        colour="#8e3b2a",
        description=(
            "Vải thiều chín từ các nhà vườn Lục Ngạn được sấy nguyên quả trong lò giữ nhiệt ổn "
            "định. Cùi vải khô dẻo, nâu đỏ, ngọt đậm và thơm. Túi 1kg, để nơi khô ráo, dùng dần "
            "quanh năm."
        ),
        certificates=(_c(4, 1702, 2166, 30),),
        marks=("Vải thiều Lục Ngạn",),
    ),
    ProductSpec(
        upc="OCOP-HN-0025",
        title="Bộ ấm chén gốm men lam Bát Tràng",
        ocop_code="IV.1",
        vendor="cong-ty-gom-men-lam-bat-trang",
        price=Decimal("650000"),
        stock=15,
        shape="teapot",
        colour="#2f4f8f",
        description=(
            "Bộ gồm một ấm 500ml và sáu chén, vẽ tay hoa sen bằng men lam trên nền trắng ngà. "
            "Gốm nung ở khoảng 1.250 độ nên chắc, không thấm nước, dùng được với nước sôi. Hộp "
            "giấy có lót xốp, an toàn khi vận chuyển."
        ),
        certificates=(_c(4, 688, 1981, 19),),
    ),
    ProductSpec(
        upc="OCOP-HN-0026",
        title="Bình hoa gốm men rạn Bát Tràng cao 30cm",
        ocop_code="IV.1",
        vendor="cong-ty-gom-men-lam-bat-trang",
        price=Decimal("480000"),
        stock=12,
        shape="vase",
        colour="#d8ccb0",
        description=(
            "Bình hoa dáng tỏi, phủ men rạn màu ngà với những đường rạn nhỏ đều như mạng nhện. "
            "Vết rạn hình thành khi gốm nguội nên mỗi chiếc có hoa văn riêng. Cao khoảng 30cm, "
            "nặng 1,6kg."
        ),
        certificates=(_c(3, 533, 1412, 28),),
    ),
    ProductSpec(
        upc="OCOP-HN-0027",
        title="Khăn lụa tơ tằm Vạn Phúc 180×55cm",
        ocop_code="IV.2",
        vendor="hkd-nguyen-thi-hanh",
        price=Decimal("420000"),
        stock=25,
        shape="scarf",
        colour="#a3324a",
        description=(
            "Khăn dệt từ tơ tằm trên khung dệt của làng Vạn Phúc, dệt chìm hoa văn hoa sen. Mặt "
            "lụa mềm, mát, bóng nhẹ; khổ 180×55cm, nặng khoảng 60g. Giặt tay bằng nước lạnh và "
            "phơi trong bóng râm."
        ),
        certificates=(_c(4, 702, 2033, 13),),
    ),
    ProductSpec(
        upc="OCOP-LS-0028",
        title="Hoa hồi khô Văn Quan 500g",
        season=(8, 9),
        ocop_code="I.4.b",
        vendor="htx-nong-lam-san-van-quan",
        price=Decimal("140000"),
        stock=90,
        shape="pouch",
        colour="#7b3420",
        description=(
            "Hồi khô vùng Văn Quan, quả tám cánh đều, màu nâu đỏ, mùi thơm nồng. Quả lép và cuống "
            "đã được nhặt bỏ, hồi phơi đủ nắng nên để được lâu. Túi 500g, dùng nấu phở, kho thịt "
            "hoặc ngâm rượu."
        ),
        certificates=(_c(4, 913, 1655, 21),),
        marks=("Hồi Lạng Sơn",),
    ),
    ProductSpec(
        upc="OCOP-LS-0029",
        title="Thạch đen Tràng Định (hộp 6 cốc)",
        ocop_code="I.3.c",
        vendor="tht-thach-den-trang-dinh",
        price=Decimal("60000"),
        stock=65,
        shape="cups",
        colour="#2b2b2b",
        description=(
            "Thạch nấu từ cây thạch đen phơi khô của Tràng Định, không phẩm màu, không chất bảo "
            "quản. Thạch giòn mát, thơm mùi cỏ, ăn với đường phèn hoặc nước cốt dừa. Hộp 6 cốc, "
            "mỗi cốc 200g; giữ lạnh và dùng trong bảy ngày."
        ),
        certificates=(_c(3, 377, 1124, 17),),
    ),
    ProductSpec(
        upc="OCOP-HY-0030",
        title="Nhãn lồng Hưng Yên (hộp 2kg)",
        season=(7, 8),
        ocop_code="I.1.a",
        vendor="hkd-vu-van-long",
        price=Decimal("150000"),
        stock=0,
        shape="crate",
        colour="#c8a45a",
        description=(
            "Nhãn lồng từ vườn nhãn lâu năm ở Hồng Nam, quả to, vỏ mỏng, cùi dày và giòn. Vị "
            "ngọt sắc, hạt nhỏ. Hộp 2kg; chỉ có hàng trong mùa thu hoạch tháng bảy, tháng tám."
        ),
        certificates=(_c(4, 815, 1570, 29),),
        marks=("Nhãn lồng Hưng Yên",),
    ),
    ProductSpec(
        upc="OCOP-HY-0031",
        title="Tương Bần Mỹ Hào 500ml",
        ocop_code="I.4.a",
        vendor="hkd-tran-thi-hien",
        price=Decimal("45000"),
        stock=150,
        shape="bottle",
        colour="#8a5a1c",
        description=(
            "Tương làm từ xôi nếp ủ mốc, đậu tương rang và muối, phơi trong chum sành nhiều "
            "tháng. Tương sánh, vàng nâu, mặn dịu và ngọt hậu. Chai 500ml, dùng chấm rau luộc, "
            "thịt luộc hoặc kho cá."
        ),
        certificates=(_c(3, 1120, 2877, 6),),
    ),
    ProductSpec(
        upc="OCOP-TN-0032",
        title="Chè Tân Cương đinh nõn 200g",
        ocop_code="I.5.a",
        vendor="htx-che-tan-cuong",
        price=Decimal("380000"),
        stock=60,
        shape="tea_box",
        colour="#3d6b35",
        description=(
            "Chè hái phần búp non nhất, sao tay trên chảo gang và vò nhiều lần cho cánh nhỏ, "
            "xoăn như chiếc đinh. Nước xanh vàng trong, hương cốm, chát dịu rồi ngọt hậu. Hộp "
            "200g, pha với nước khoảng 85 độ."
        ),
        certificates=(_c(5, 34, 1533, 15),),
    ),
    ProductSpec(
        upc="OCOP-LD-0033",
        title="Lan hồ điệp chậu 3 cành",
        ocop_code="V.1",
        vendor="cong-ty-hoa-canh-xuan-huong",
        price=Decimal("950000"),
        stock=10,
        shape="orchid",
        colour="#c2548a",
        description=(
            "Chậu lan hồ điệp ba cành trồng trong nhà kính ở Đà Lạt, mỗi cành 8–10 bông. Hoa bền "
            "sáu đến tám tuần nếu đặt nơi thoáng, tránh nắng gắt. Chậu sứ trắng đường kính khoảng "
            "15cm, giao trong thùng có lỗ thông khí."
        ),
        certificates=(_c(3, 1544, 3356, 10),),
    ),
    ProductSpec(
        upc="OCOP-LD-0034",
        title="Cây tùng la hán bonsai mini",
        ocop_code="V.2",
        vendor="cong-ty-hoa-canh-xuan-huong",
        price=Decimal("550000"),
        stock=8,
        shape="bonsai",
        colour="#3f6e3a",
        description=(
            "Cây tùng la hán được uốn dáng từ nhỏ, cao khoảng 35cm tính cả chậu. Cây ưa sáng, "
            "tưới vừa đủ ẩm, hợp để bàn làm việc hoặc ban công. Chậu gốm men nâu, kèm hướng dẫn "
            "chăm sóc."
        ),
        certificates=(_c(3, 421, 977, 24),),
    ),
    ProductSpec(
        upc="OCOP-CT-0035",
        title="Gạo ST25 Mỹ Xuyên 5kg",
        ocop_code="I.2.a",
        vendor="cong-ty-lua-gao-my-xuyen",
        price=Decimal("190000"),
        stock=200,
        shape="sack",
        colour="#f1ead6",
        description=(
            "Gạo ST25 trồng trên ruộng luân canh lúa – tôm ở Mỹ Xuyên, ít dùng phân bón hóa học. "
            "Hạt dài, trắng trong, cơm mềm dẻo và thơm mùi lá dứa. Túi 5kg hút chân không."
        ),
        certificates=(_c(4, 2630, 4418, 9),),
    ),
]
