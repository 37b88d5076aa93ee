"""The OCOP product classification of Decision 148/QĐ-TTg (amended by 1489/QĐ-TTg, 2025).

Six groups split into groups and subgroups: 26 product sets (the leaves) in all.
Each node: (code, Vietnamese name, English name, children).
"""

OcopNode = tuple[str, str, str, list["OcopNode"]]

# fmt: off
OCOP_GROUPS: list[OcopNode] = [
    ("I", "Thực phẩm", "Food", [
        ("I.1", "Thực phẩm tươi sống", "Fresh food", [
            ("I.1.a", "Rau, củ, quả, hạt tươi", "Fresh vegetables, tubers, fruit and nuts", []),
            ("I.1.b", "Thịt, thủy sản, trứng, sữa tươi", "Fresh meat, seafood, eggs and milk", []),
        ]),
        ("I.2", "Thực phẩm thô, sơ chế", "Raw and lightly processed food", [
            ("I.2.a", "Gạo, ngũ cốc, hạt", "Rice, cereals and grains", []),
            ("I.2.b", "Mật ong, mật khác, nông sản thực phẩm khác",
             "Honey, other syrups and farm produce", []),
        ]),
        ("I.3", "Thực phẩm chế biến", "Processed food", [
            ("I.3.a", "Đồ ăn nhanh", "Ready-to-eat food", []),
            ("I.3.b", "Chế biến từ gạo, ngũ cốc", "Made from rice and cereals", []),
            ("I.3.c", "Chế biến từ rau, củ, quả, hạt",
             "Made from vegetables, tubers, fruit and nuts", []),
            ("I.3.d", "Chế biến từ thịt, trứng, sữa, thủy sản, mật ong",
             "Made from meat, eggs, milk, seafood and honey", []),
        ]),
        ("I.4", "Gia vị", "Seasonings", [
            ("I.4.a", "Tương, nước mắm, gia vị dạng lỏng",
             "Sauces, fish sauce and liquid seasonings", []),
            ("I.4.b", "Gia vị khác", "Other seasonings", []),
        ]),
        ("I.5", "Chè", "Tea", [
            ("I.5.a", "Chè tươi, chè chế biến", "Fresh and processed tea", []),
            ("I.5.b", "Trà từ thực vật khác", "Infusions of other plants", []),
        ]),
        ("I.6", "Cà phê, ca cao", "Coffee and cocoa", []),
    ]),
    ("II", "Đồ uống", "Drinks", [
        ("II.1", "Đồ uống có cồn", "Alcoholic drinks", [
            ("II.1.a", "Rượu trắng", "White spirits", []),
            ("II.1.b", "Đồ uống có cồn khác", "Other alcoholic drinks", []),
        ]),
        ("II.2", "Đồ uống không cồn", "Non-alcoholic drinks", [
            ("II.2.a", "Nước khoáng, nước uống đóng chai", "Mineral and bottled water", []),
            ("II.2.b", "Đồ uống không cồn khác", "Other non-alcoholic drinks", []),
        ]),
    ]),
    ("III", "Dược liệu và sản phẩm từ dược liệu", "Medicinal herbs and herbal products", [
        ("III.1", "Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền",
         "Supplements, herbal and traditional medicines", []),
        ("III.2", "Mỹ phẩm có thành phần dược liệu", "Cosmetics with herbal ingredients", []),
        ("III.3", "Tinh dầu và dược liệu khác", "Essential oils and other herbs", []),
    ]),
    ("IV", "Thủ công mỹ nghệ", "Handicrafts", [
        ("IV.1", "Đồ gia dụng, trang trí", "Household and decorative items", []),
        ("IV.2", "Vải, may mặc", "Textiles and clothing", []),
    ]),
    ("V", "Sinh vật cảnh", "Ornamentals", [
        ("V.1", "Hoa", "Flowers", []),
        ("V.2", "Cây cảnh", "Ornamental plants", []),
        ("V.3", "Động vật cảnh", "Ornamental animals", []),
    ]),
    ("VI", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
     "Community tourism, eco-tourism and destinations", []),
]
# fmt: on


def count_product_sets(nodes: list[OcopNode] = OCOP_GROUPS) -> int:
    """Leaves of the tree: the product sets a product is classified in."""
    return sum(count_product_sets(children) if children else 1 for *_, children in nodes)
