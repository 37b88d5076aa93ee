"""English titles and descriptions of the demo products, keyed by their code (UPC).

Written for visitors who do not read Vietnamese: place names keep their Vietnamese spelling,
what the product is and how it is used are said plainly.
"""

# upc: (English title, English description)
PRODUCT_ENGLISH: dict[str, tuple[str, str]] = {
    "OCOP-BL-0001": (
        "Bình Liêu arrowroot glass noodles, 500 g",
        "Noodles made from nothing but the starch of arrowroot grown in Bình Liêu, with the "
        "natural light-brown, see-through colour of that starch. They stay springy in the pot "
        "and neither fall apart nor turn sour. Soak the 500 g bag's noodles in warm water for "
        "five minutes, then stir-fry them or add them to a soup.",
    ),
    "OCOP-BL-0002": (
        "Bình Liêu arrowroot glass noodles gift box, 1 kg",
        "Two 500 g bundles of arrowroot noodles, each tied by hand with bamboo strips the old "
        "way. The strands are thin, even and amber-brown, as highland arrowroot makes them. The "
        "stiff card box carries a brocade pattern of the mountain peoples: a good Tết present.",
    ),
    "OCOP-BL-0003": (
        "Bình Liêu honey, 500 ml",
        "Honey from native bees kept at the edge of the Bình Liêu forests, gathered from wild "
        "flowers and star anise blossom. Thick and amber, with a faint scent of anise. No sugar "
        "added and never thickened by heating; in a 500 ml glass jar.",
    ),
    "OCOP-BL-0004": (
        "Ginger in Bình Liêu honey, 350 g",
        "Slices of mature ginger left in Bình Liêu forest honey for at least three months. The "
        "warmth of the ginger meets the sweetness of the honey: stir a spoonful into warm water "
        "on a cold day. 350 g jar; keep it somewhere cool and dry.",
    ),
    "OCOP-BL-0005": (
        "Bình Liêu camellia seed oil, 500 ml",
        "Cold-pressed from the seeds of oil camellia (dầu sở) grown on the hills of Bình Liêu "
        "and left to settle until clear. A pale golden oil with a gentle scent, for cooking, "
        "salad dressings, or the care of skin and hair. 500 ml glass bottle.",
    ),
    "OCOP-BL-0006": (
        "Handmade camellia oil soap, 100 g",
        "A cold-process soap made by hand, mostly from Bình Liêu camellia seed oil. It gives a "
        "fine lather and does not dry the skin, so sensitive skin takes it well too. Each bar "
        "weighs about 100 g and comes in a kraft paper box.",
    ),
    "OCOP-BL-0007": (
        "Bình Liêu cinnamon essential oil, 50 ml",
        "Steam-distilled from the bark and leaves of cinnamon trees harvested in Bình Liêu. A "
        "warm, lightly spicy scent for a diffuser, or diluted for massage. Amber glass dropper "
        "bottle of 50 ml; always dilute before it touches the skin.",
    ),
    "OCOP-BL-0008": (
        "Bình Liêu star anise essential oil, 50 ml",
        "Distilled from the ripe fruit of old star anise orchards in Bình Liêu. Its sweet, deep "
        "scent freshens a room, masks odours or flavours home-made goods. 50 ml dropper bottle; "
        "keep out of children's reach.",
    ),
    "OCOP-HN-0009": (
        "Phú Nghĩa pomelo peel essential oil, 100 ml",
        "Distilled from fresh pomelo peel, it keeps the clean smell of a fruit just opened. Use "
        "it as a hair treatment, a few drops in shampoo, or in a diffuser. 100 ml glass bottle.",
    ),
    "OCOP-HN-0010": (
        "Phú Nghĩa lemongrass essential oil, 100 ml",
        "Distilled from the stalks and leaves of lemongrass grown on the edge of Hà Nội. A fresh "
        "scent that keeps mosquitoes away and clears smells from the house. 100 ml bottle: a few "
        "drops in a diffuser or in the water for washing floors.",
    ),
    "OCOP-TY-0011": (
        "Tiên Yên leaf-yeast rice wine, 500 ml",
        "Spirit distilled by the Dao people of Tiên Yên from upland sticky rice fermented with a "
        "yeast of forest leaves. Clear, about 35% alcohol, with a leafy scent and a sweet "
        "finish. 500 ml glass bottle. Not sold to anyone under 18.",
    ),
    "OCOP-BC-0012": (
        "Ba Chẽ golden camellia flower tea, 50 g box",
        "Golden camellia flowers picked as they open and dried at low temperature, so they keep "
        "their shape and bright yellow colour. The tea is clear gold, mild and sweet, lightly "
        "fragrant. 50 g box; brew two or three flowers a pot in water at about 90 °C.",
    ),
    "OCOP-BC-0013": (
        "Dried purple morinda root from Ba Chẽ, 500 g",
        "Roots of purple morinda (ba kích) grown for four years or more under the Ba Chẽ "
        "forest, cored and dried. Traditionally steeped in rice wine or simmered with food. "
        "500 g vacuum pack.",
    ),
    "OCOP-DB-0014": (
        "Điện Biên Ban flower honey, 500 ml",
        "Honey gathered while the Ban (bauhinia) trees bloom on the hills of Mường Phăng. Pale "
        "yellow, softly scented and lightly sweet. 500 ml glass jar; in cold weather it may "
        "crystallise, which is natural.",
    ),
    "OCOP-DB-0015": (
        "Tìa Dình winter melons (5 kg box)",
        "Winter melons grown on hill fields more than a thousand metres up in Tìa Dình: long "
        "fruit with a white bloom on the skin. The flesh is firm and makes a sweet soup without "
        "going soft. A 5 kg box holds two or three melons, sold only in the harvest season, "
        "June to October.",
    ),
    "OCOP-DB-0016": (
        "Phì Nhừ taro (3 kg bag)",
        "Upland taro grown by Hmong farmers in Phì Nhừ: small corms with dark brown skin. Boiled "
        "or in a soup they turn floury, slightly sticky and nutty. 3 kg net bag.",
    ),
    "OCOP-DB-0017": (
        "Na Son red peanuts, 1 kg",
        "A local red peanut grown on the hill fields of Na Son, with small kernels in a deep red "
        "skin. Sun-dried and sorted for even size; roasted they are crisp and rich. 1 kg bag.",
    ),
    "OCOP-DB-0018": (
        "Mường Ảng smoked pork, 500 g",
        "Pork from local pigs cut along the grain, rubbed with mắc khén pepper, ginger and chilli, "
        "then smoked above a wood fire for nearly a week. Firm and smoky; steam it or grill it "
        "briefly and tear it into strips to eat. 500 g vacuum pack, keep refrigerated.",
    ),
    "OCOP-DB-0019": (
        "Mường Ảng Arabica ground coffee, 500 g",
        "Arabica grown at about a thousand metres in Mường Ảng, picked only when ripe and washed. "
        "A medium roast with nothing added: fruity, gently acidic, with a sweet finish. 500 g "
        "bag with a one-way valve, ground for the Vietnamese phin filter.",
    ),
    "OCOP-DB-0020": (
        "Mường Thanh Séng Cù rice, 5 kg",
        "Rice of the Séng Cù variety from the Mường Thanh valley fields: long, slender, "
        "translucent grains. Cooked, it is soft and lightly fragrant, and stays tender once "
        "cool. 5 kg bag.",
    ),
    "OCOP-LN-0021": (
        "Lục Sơn dried longan, 500 g",
        "Ripe longans from Lục Sơn orchards, peeled, stoned and dried over charcoal in small "
        "batches. The flesh is thick, dark amber and deeply sweet. Eat it as it is, cook it in "
        "a sweet soup or brew it as tea. 500 g bag.",
    ),
    "OCOP-LN-0022": (
        "Thanh Lâm molasses rice cakes (10 cakes)",
        "Cakes of sticky rice, cane molasses and roasted peanuts, wrapped in dong leaves and "
        "boiled for hours. A soft, molasses-brown shell around a nutty filling. Ten cakes of "
        "about 100 g each; keep them refrigerated and eat within five days.",
    ),
    "OCOP-LN-0023": (
        "Tư Thủy fermented pork rolls (50 rolls)",
        "Fresh lean pork pounded fine, mixed with thin strips of pork skin and toasted rice "
        "powder, then wrapped in guava leaves. Mildly sour, crunchy and leafy; eaten with garlic "
        "and chilli. About 20 g a roll, 50 a bag; best within three days.",
    ),
    "OCOP-LN-0024": (
        "Lục Ngạn dried lychees, 1 kg",
        "Ripe lychees from Lục Ngạn family orchards, dried whole in ovens held at a steady "
        "heat. The flesh turns chewy, reddish brown, rich and fragrant. 1 kg bag; kept dry, it "
        "lasts all year.",
    ),
    "OCOP-HN-0025": (
        "Bát Tràng blue-glaze tea set",
        "A 500 ml teapot and six cups, with lotus flowers painted by hand in cobalt blue on an "
        "ivory ground. Fired at about 1,250 °C, the stoneware is strong, does not absorb water "
        "and takes boiling water. Packed in a lined box for safe delivery.",
    ),
    "OCOP-HN-0026": (
        "Bát Tràng crackle-glaze vase, 30 cm",
        "A garlic-neck vase under an ivory crackle glaze, its fine lines spread like a spider's "
        "web. The cracks form as the pottery cools, so no two vases share a pattern. About 30 cm "
        "tall, weighing 1.6 kg.",
    ),
    "OCOP-HN-0027": (
        "Vạn Phúc silk scarf, 180 × 55 cm",
        "Woven from mulberry silk on the looms of Vạn Phúc village, with a lotus pattern woven "
        "into the cloth. Soft, cool and softly lustrous; 180 × 55 cm, about 60 g. Hand wash in "
        "cold water and dry in the shade.",
    ),
    "OCOP-LS-0028": (
        "Văn Quan dried star anise, 500 g",
        "Star anise from Văn Quan: even eight-pointed stars, reddish brown and strongly "
        "fragrant. Empty pods and stems are picked out, and the fruit is dried in full sun so it "
        "keeps well. 500 g bag, for phở broth, braised meat or steeping in spirits.",
    ),
    "OCOP-LS-0029": (
        "Tràng Định grass jelly (box of 6 cups)",
        "Jelly cooked from the dried grass-jelly plant of Tràng Định, with no colouring or "
        "preservative. Firm, cool and herbal; eat it with rock sugar syrup or coconut milk. Six "
        "200 g cups a box; keep chilled and eat within seven days.",
    ),
    "OCOP-HY-0030": (
        "Hưng Yên longans (2 kg box)",
        "Longans from old orchards in Hồng Nam: large fruit with thin skins and thick, crisp "
        "flesh around a small stone, sharply sweet. 2 kg box, sold only in the July and August "
        "harvest.",
    ),
    "OCOP-HY-0031": (
        "Bần fermented soybean sauce from Mỹ Hào, 500 ml",
        "Made from moulded sticky rice, roasted soybeans and salt, ripened for months in "
        "earthenware jars in the sun. Thick and golden brown, gently salty with a sweet finish. "
        "500 ml bottle: a dip for boiled vegetables and meat, or for braising fish.",
    ),
    "OCOP-TN-0032": (
        "Tân Cương 'nail' green tea, 200 g",
        "Only the youngest buds are picked, roasted by hand in a cast-iron pan and rolled again "
        "and again until each is small and curled like a nail. The tea is clear yellow-green, "
        "smells of young rice, and turns sweet after a light bitterness. 200 g box; brew with "
        "water at about 85 °C.",
    ),
    "OCOP-LD-0033": (
        "Moth orchid, pot with 3 stems",
        "A moth orchid with three stems grown in a Đà Lạt greenhouse, eight to ten flowers a "
        "stem. The flowers last six to eight weeks in an airy spot out of harsh sun. White "
        "porcelain pot about 15 cm across, delivered in a ventilated box.",
    ),
    "OCOP-LD-0034": (
        "Mini Buddhist pine bonsai",
        "A Buddhist pine (Podocarpus) trained from a young plant, about 35 cm tall with its pot. "
        "It likes light and soil kept just moist: right for a desk or a balcony. Brown-glazed "
        "pot, with care instructions.",
    ),
    "OCOP-CT-0035": (
        "Mỹ Xuyên ST25 rice, 5 kg",
        "ST25 rice grown in Mỹ Xuyên fields that alternate rice with shrimp, with little "
        "chemical fertiliser. Long, translucent grains; cooked, it is soft and smells of "
        "pandan leaf. 5 kg vacuum pack.",
    ),
}
