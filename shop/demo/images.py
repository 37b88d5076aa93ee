"""Packshots and logos for the demo catalogue, drawn with Pillow: no network, no stock photos.

A packshot is a drawn pack (jar, bottle, pouch, box...) of the product's kind on a soft backdrop
in the colour of its OCOP group, the way a shop photographs a product. No word is written in
it: the card and the page print the product's name, in the reader's language, and a name
baked into a picture could neither be translated nor corrected. No OCOP mark or stars either:
they belong to a certificate that can lapse, and an image outlives it.
"""

import io
import math
import random
from collections.abc import Callable, Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = 800
LOGO_SIZE = 256
# Pillow draws shapes without anti-aliasing: draw at twice the size, then shrink.
SUPERSAMPLE = 2
# The part of the design space a packshot shows: every pack stands on y=600 around x=400.
PACK_FRAME = (60, 20, 740, 700)

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONT_FILES = {True: "DejaVuSans-Bold.ttf", False: "DejaVuSans.ttf"}

RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]

# Backdrop (top, bottom) per OCOP top group: warm food, wine drinks, green herbs, blue crafts...
GROUP_BACKDROPS: dict[str, tuple[str, str]] = {
    "I": ("#fff8ec", "#f1d9ad"),
    "II": ("#fbf1f2", "#e2b8bf"),
    "III": ("#f4f8ee", "#cfe0bb"),
    "IV": ("#f1f4fa", "#bfcde4"),
    "V": ("#fdf2f6", "#ebc4d5"),
    "VI": ("#eef6f7", "#b9dadf"),
}
CREAM = (251, 246, 233)
OCOP_GOLD = (255, 205, 40)


@lru_cache(maxsize=64)
def font(size: int, *, bold: bool = True) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(FONT_DIR + FONT_FILES[bold], size)
    except OSError:
        return ImageFont.load_default(size=size)


def rgb(colour: str) -> RGB:
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


def shade(colour: RGB, factor: float) -> RGB:
    """Darker below 1, lighter above 1 (towards white)."""
    if factor <= 1:
        return tuple(round(c * factor) for c in colour)
    return tuple(round(c + (255 - c) * (factor - 1)) for c in colour)


def alpha(colour: RGB, value: int) -> tuple[int, int, int, int]:
    return (*colour, value)


class Pen:
    """ImageDraw in the 800-pixel design space, scaled to the supersampled canvas."""

    def __init__(self, image: Image.Image, scale: float):
        self.image = image
        self.draw = ImageDraw.Draw(image, "RGBA")
        self.k = scale

    def _pts(self, points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(x * self.k, y * self.k) for x, y in points]

    def _box(self, box: Box) -> list[float]:
        return [v * self.k for v in box]

    def rect(self, box: Box, fill, *, radius: float = 0, outline=None, width: float = 0):
        self.draw.rounded_rectangle(
            self._box(box),
            radius=radius * self.k,
            fill=fill,
            outline=outline,
            width=round(width * self.k),
        )

    def ellipse(self, box: Box, fill, *, outline=None, width: float = 0):
        self.draw.ellipse(self._box(box), fill=fill, outline=outline, width=round(width * self.k))

    def polygon(self, points, fill, *, outline=None, width: float = 0):
        self.draw.polygon(
            self._pts(points), fill=fill, outline=outline, width=round(width * self.k)
        )

    def line(self, points, fill, *, width: float = 1):
        self.draw.line(
            self._pts(points), fill=fill, width=max(1, round(width * self.k)), joint="curve"
        )

    def arc(self, box: Box, start: float, end: float, fill, *, width: float = 1):
        self.draw.arc(self._box(box), start, end, fill=fill, width=round(width * self.k))

    def text_lines(self, lines: list[str], box: Box, size: int, fill, *, bold: bool = True):
        """Lines centred in a box, at a size already known to fit."""
        face = font(round(size * self.k), bold=bold)
        line_height = size * 1.22
        top = (box[1] + box[3]) / 2 - line_height * len(lines) / 2
        for index, line in enumerate(lines):
            centre = ((box[0] + box[2]) / 2, top + line_height * (index + 0.5))
            self.draw.text(
                (centre[0] * self.k, centre[1] * self.k), line, font=face, fill=fill, anchor="mm"
            )

    def fit_text(self, text: str, box: Box, fill, *, max_size: int, min_size: int = 12, bold=True):
        """Write text as large as it fits in the box, wrapping words and keeping line breaks."""
        width, height = box[2] - box[0], box[3] - box[1]
        for size in range(max_size, min_size - 1, -1):
            lines, fits = _wrap(text, font(size, bold=bold), width)
            if fits and len(lines) * size * 1.22 <= height:
                break
        self.text_lines(lines, box, size, fill, bold=bold)


def _wrap(text: str, face, width: float) -> tuple[list[str], bool]:
    """The text broken into lines no wider than width, and whether every line fits."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            if current and face.getlength(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines, all(face.getlength(line) <= width for line in lines)


def rotated_ellipse(cx: float, cy: float, rx: float, ry: float, angle: float, steps: int = 36):
    cos, sin = math.cos(angle), math.sin(angle)
    points = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x, y = rx * math.cos(t), ry * math.sin(t)
        points.append((cx + x * cos - y * sin, cy + x * sin + y * cos))
    return points


def rotated_rect(cx: float, cy: float, w: float, h: float, angle: float):
    cos, sin = math.cos(angle), math.sin(angle)
    corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    return [(cx + x * cos - y * sin, cy + x * sin + y * cos) for x, y in corners]


# Each shape draws the pack standing on y=600 around x=400 and returns where its label goes.
ShapeDrawer = Callable[[Pen, RGB, random.Random], Box]


def _glass_highlight(pen: Pen, box: Box):
    pen.rect(box, alpha((255, 255, 255), 80), radius=(box[2] - box[0]) / 2)


def _label_card(pen: Pen, box: Box, accent: RGB, *, radius: float = 10) -> Box:
    pen.rect(box, CREAM, radius=radius, outline=shade(accent, 0.75), width=3)
    inset = (box[0] + 10, box[1] + 8, box[2] - 10, box[3] - 8)
    pen.rect(
        inset, None, radius=max(0, radius - 4), outline=alpha(shade(accent, 0.8), 120), width=1
    )
    return (box[0] + 16, box[1] + 12, box[2] - 16, box[3] - 12)


def _label_art(pen: Pen, box: Box, accent: RGB, rng: random.Random) -> None:
    """What a label shows from a few steps away: an emblem and bands of colour, no letters."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    if width < 40 or height < 30:
        return
    centre_x = (left + right) / 2
    radius = min(width, height) * 0.24
    emblem_y = top + radius + height * 0.06
    pen.ellipse(
        (centre_x - radius, emblem_y - radius, centre_x + radius, emblem_y + radius),
        shade(accent, 1.35),
        outline=shade(accent, 0.8),
        width=2,
    )
    # A leaf, a flower or a mountain in the emblem, chosen per product.
    motif = rng.choice(("leaf", "flower", "mountain"))
    ink = shade(accent, 0.7)
    if motif == "leaf":
        pen.polygon(rotated_ellipse(centre_x, emblem_y, radius * 0.62, radius * 0.3, -0.6), ink)
    elif motif == "flower":
        for i in range(5):
            angle = i * 2 * math.pi / 5
            x = centre_x + radius * 0.36 * math.cos(angle)
            y = emblem_y + radius * 0.36 * math.sin(angle)
            pen.ellipse(
                (x - radius * 0.24, y - radius * 0.24, x + radius * 0.24, y + radius * 0.24), ink
            )
        pen.ellipse(
            (
                centre_x - radius * 0.16,
                emblem_y - radius * 0.16,
                centre_x + radius * 0.16,
                emblem_y + radius * 0.16,
            ),
            OCOP_GOLD,
        )
    else:
        base = emblem_y + radius * 0.45
        pen.polygon(
            [
                (centre_x - radius * 0.7, base),
                (centre_x - radius * 0.15, emblem_y - radius * 0.5),
                (centre_x + radius * 0.2, base - radius * 0.3),
                (centre_x + radius * 0.35, emblem_y - radius * 0.2),
                (centre_x + radius * 0.7, base),
            ],
            ink,
        )
    band_top = emblem_y + radius + height * 0.1
    band = max(4.0, height * 0.08)
    for index, share in enumerate((0.8, 0.55)):
        y = band_top + index * band * 1.8
        if y + band > bottom:
            break
        half = width * share / 2
        pen.rect(
            (centre_x - half, y, centre_x + half, y + band),
            shade(accent, 0.9 + index * 0.3),
            radius=band / 2,
        )


def draw_jar(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.rect((268, 262, 532, 600), colour, radius=44, outline=shade(colour, 0.7), width=3)
    pen.rect((282, 276, 518, 330), alpha(shade(colour, 1.25), 160), radius=30)
    _glass_highlight(pen, (292, 300, 318, 570))
    pen.rect((292, 236, 508, 268), alpha((235, 235, 228), 230), radius=8)
    pen.rect((280, 176, 520, 242), (92, 58, 26), radius=14)
    for x in range(300, 505, 16):
        pen.line([(x, 184), (x, 234)], alpha((0, 0, 0), 60), width=3)
    return _label_card(pen, (290, 360, 510, 525), colour)


def draw_bottle(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    glass = alpha(shade(colour, 0.95), 235)
    pen.polygon([(312, 340), (352, 252), (448, 252), (488, 340)], glass)
    pen.rect((312, 320, 488, 600), glass, radius=30, outline=shade(colour, 0.6), width=3)
    pen.rect((372, 150, 428, 262), glass)
    pen.rect((364, 108, 436, 164), (60, 40, 30), radius=10)
    _glass_highlight(pen, (328, 300, 348, 580))
    return _label_card(pen, (322, 385, 478, 530), colour)


def draw_vial(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.polygon([(318, 372), (356, 302), (444, 302), (482, 372)], colour)
    pen.rect((318, 350, 482, 600), colour, radius=26, outline=shade(colour, 0.6), width=3)
    pen.rect((370, 268, 430, 310), shade(colour, 0.85))
    pen.rect((352, 212, 448, 276), (28, 28, 30), radius=10)
    pen.ellipse((370, 120, 430, 226), (40, 40, 44))
    _glass_highlight(pen, (332, 380, 350, 575))
    return _label_card(pen, (330, 405, 470, 545), colour, radius=6)


def draw_noodles(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.polygon([(252, 250), (548, 250), (560, 600), (240, 600)], alpha((255, 255, 255), 110))
    for i in range(70):
        x = 262 + i * 4 + rng.uniform(-2, 2)
        tint = shade(colour, rng.uniform(0.8, 1.15))
        points = [(x + 5 * math.sin(y / 23 + i), y) for y in range(262, 592, 8)]
        pen.line(points, alpha(tint, 220), width=2)
    for y in (340, 520):
        pen.rect((246, y, 554, y + 18), (196, 160, 98), radius=6)
    pen.polygon([(240, 600), (560, 600), (548, 250), (252, 250)], None, outline=(210, 205, 196))
    pen.ellipse((394, 182, 406, 194), (150, 150, 150))
    return _label_card(pen, (246, 170, 554, 262), (156, 47, 47), radius=6)


def draw_gift_box(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.polygon([(232, 330), (292, 272), (628, 272), (568, 330)], shade(colour, 1.2))
    pen.polygon([(568, 330), (628, 272), (628, 542), (568, 600)], shade(colour, 0.7))
    pen.rect((232, 330, 568, 600), colour)
    gold = (214, 170, 70)
    pen.rect((500, 330, 526, 600), gold)
    pen.polygon([(500, 330), (526, 330), (586, 272), (560, 272)], shade(gold, 1.1))
    pen.polygon([(560, 292), (612, 250), (600, 300)], shade(gold, 0.9))
    pen.polygon([(548, 300), (500, 256), (560, 282)], shade(gold, 0.9))
    for x in range(246, 490, 22):
        pen.polygon([(x, 345), (x + 11, 334), (x + 22, 345), (x + 11, 356)], shade(colour, 1.35))
        pen.polygon([(x, 585), (x + 11, 574), (x + 22, 585), (x + 11, 596)], shade(colour, 1.35))
    return _label_card(pen, (254, 385, 478, 555), colour)


def draw_tea_box(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.polygon([(300, 200), (350, 168), (552, 168), (500, 200)], shade(colour, 1.25))
    pen.polygon([(500, 200), (552, 168), (552, 568), (500, 600)], shade(colour, 0.7))
    pen.rect((300, 200, 500, 600), colour)
    pen.ellipse((350, 228, 450, 328), CREAM)
    gold = (222, 172, 30)
    for i in range(5):
        angle = i * 2 * math.pi / 5 - math.pi / 2
        cx, cy = 400 + 20 * math.cos(angle), 278 + 20 * math.sin(angle)
        pen.ellipse((cx - 17, cy - 17, cx + 17, cy + 17), gold)
    pen.ellipse((390, 268, 410, 288), (160, 110, 20))
    pen.rect((300, 560, 500, 574), shade(colour, 1.3))
    return _label_card(pen, (314, 360, 486, 530), colour, radius=4)


def _pouch(pen: Pen, colour: RGB, rng: random.Random, *, box: Box, window: str) -> Box:
    left, top, right, bottom = box
    pen.rect(box, colour, radius=28, outline=shade(colour, 0.7), width=3)
    pen.rect((left, top, right, top + 30), shade(colour, 0.8), radius=12)
    pen.line([(left + 14, top + 42), (right - 14, top + 42)], alpha((0, 0, 0), 70), width=2)
    window_box = (left + 55, bottom - 150, right - 55, bottom - 28)
    fill = {"grain": (246, 242, 230), "beans": (92, 56, 34)}.get(window, shade(colour, 1.25))
    pen.ellipse(window_box, fill, outline=shade(colour, 0.6), width=2)
    for _ in range(70):
        x = rng.uniform(window_box[0] + 22, window_box[2] - 22)
        y = rng.uniform(window_box[1] + 16, window_box[3] - 16)
        tint = (228, 222, 200) if window == "grain" else shade(fill, rng.uniform(0.6, 0.9))
        pen.ellipse((x - 6, y - 3, x + 6, y + 3), tint)
    return _label_card(pen, (left + 22, top + 70, right - 22, bottom - 170), colour)


def draw_pouch(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    return _pouch(pen, colour, rng, box=(280, 210, 520, 600), window="contents")


def draw_sack(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    label = _pouch(pen, colour, rng, box=(262, 190, 538, 600), window="grain")
    pen.rect((262, 560, 538, 572), (70, 120, 60))
    return label


def draw_coffee_bag(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    label = _pouch(pen, colour, rng, box=(280, 200, 520, 600), window="beans")
    pen.ellipse((478, 240, 506, 268), (30, 20, 16), outline=(150, 130, 110), width=2)
    return label


def draw_crate(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    for y, count in ((440, 5), (395, 4), (352, 3)):
        for i in range(count):
            x = 400 + (i - (count - 1) / 2) * 68 + rng.uniform(-6, 6)
            tint = shade(colour, rng.uniform(0.85, 1.12))
            points = rotated_ellipse(x, y, 44, 32, rng.uniform(-0.5, 0.5))
            pen.polygon(points, tint, outline=shade(colour, 0.65), width=2)
            pen.ellipse((x - 18, y - 20, x - 4, y - 12), alpha((255, 255, 255), 70))
    basket = (184, 132, 74)
    pen.polygon([(236, 440), (564, 440), (534, 600), (266, 600)], basket)
    for y in range(452, 600, 18):
        pen.line(
            [(236 + (y - 440) * 0.19, y), (564 - (y - 440) * 0.19, y)], shade(basket, 0.75), width=3
        )
    for x in range(256, 550, 24):
        pen.line([(x, 440), (x + (400 - x) * 0.1, 600)], shade(basket, 0.8), width=2)
    pen.rect((230, 430, 570, 452), shade(basket, 0.85), radius=8)
    return _label_card(pen, (318, 478, 482, 576), colour, radius=8)


def draw_basket(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.arc((270, 220, 530, 520), 180, 360, shade(colour, 0.7), width=16)
    pen.polygon([(236, 380), (564, 380), (530, 600), (270, 600)], colour)
    for y in range(392, 600, 16):
        inset = (y - 380) * 0.155
        pen.line([(236 + inset, y), (564 - inset, y)], shade(colour, 0.78), width=4)
    for x in range(250, 556, 20):
        pen.line([(x, 380), (x + (400 - x) * 0.1, 600)], shade(colour, 1.15), width=3)
    pen.rect((228, 368, 572, 392), shade(colour, 0.85), radius=10)
    return _label_card(pen, (318, 470, 482, 566), colour, radius=8)


def draw_teapot(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    porcelain = (246, 243, 234)
    pen.arc((212, 316, 318, 452), 90, 270, colour, width=16)
    pen.arc((218, 322, 312, 446), 90, 270, porcelain, width=6)
    pen.polygon(
        [(500, 410), (592, 296), (612, 306), (522, 452)], porcelain, outline=colour, width=2
    )
    pen.ellipse((270, 272, 530, 500), porcelain, outline=colour, width=3)
    pen.ellipse((334, 248, 466, 298), porcelain, outline=colour, width=3)
    pen.ellipse((386, 222, 414, 252), colour)
    for i in range(6):
        angle = math.pi + i * math.pi / 5
        cx, cy = 400 + 70 * math.cos(angle) * 0.9, 410 + 40 * math.sin(angle)
        pen.polygon(rotated_ellipse(cx, cy - 20, 14, 34, angle + math.pi / 2), None, outline=colour)
    pen.line([(292, 340), (508, 340)], colour, width=3)
    pen.line([(300, 452), (500, 452)], colour, width=3)
    for cx in (280, 520):
        pen.polygon([(cx - 46, 528), (cx + 46, 528), (cx + 32, 598), (cx - 32, 598)], porcelain)
        pen.ellipse((cx - 46, 516, cx + 46, 540), shade(porcelain, 0.9), outline=colour, width=2)
        pen.line([(cx - 38, 560), (cx + 38, 560)], colour, width=3)
    return _label_card(pen, (330, 520, 470, 600), colour, radius=6)


def draw_vase(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.rect((366, 196, 434, 320), colour, outline=shade(colour, 0.6), width=2)
    pen.ellipse((348, 160, 452, 222), colour, outline=shade(colour, 0.6), width=2)
    pen.ellipse((286, 286, 514, 600), colour, outline=shade(colour, 0.6), width=3)
    crack = alpha(shade(colour, 0.45), 150)
    for _ in range(40):
        x, y = rng.uniform(310, 490), rng.uniform(320, 570)
        points = [(x, y)]
        for _ in range(4):
            x += rng.uniform(-22, 22)
            y += rng.uniform(-22, 22)
            if (x - 400) ** 2 / 110**2 + (y - 443) ** 2 / 155**2 < 1:
                points.append((x, y))
        if len(points) > 1:
            pen.line(points, crack, width=1.2)
    pen.rect((376, 200, 388, 300), alpha((255, 255, 255), 60), radius=6)
    return _label_card(pen, (492, 520, 652, 600), (120, 90, 60), radius=6)


def draw_scarf(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    for index, (top, bottom) in enumerate(((500, 600), (440, 510), (380, 450))):
        tint = shade(colour, 1 + index * 0.08)
        pen.rect((236 + index * 14, top, 564 - index * 14, bottom), tint, radius=22)
        for x in range(256 + index * 14, 548 - index * 14, 28):
            pen.ellipse(
                (x, (top + bottom) / 2 - 5, x + 10, (top + bottom) / 2 + 5), shade(tint, 1.3)
            )
    pen.polygon([(520, 380), (600, 300), (640, 330), (560, 420)], shade(colour, 1.15))
    for y in range(306, 334, 7):
        pen.line([(600 + (y - 300), y), (640, y + 6)], shade(colour, 0.8), width=2)
    band = (200, 168, 120)
    pen.rect((336, 372, 464, 600), band)
    return _label_card(pen, (326, 430, 474, 540), colour, radius=4)


def _pot(pen: Pen, box: Box, colour: RGB):
    left, top, right, bottom = box
    pen.polygon([(left, top), (right, top), (right - 18, bottom), (left + 18, bottom)], colour)
    pen.rect((left - 8, top - 12, right + 8, top + 8), shade(colour, 0.92), radius=6)


def draw_orchid(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    leaf = (58, 110, 52)
    for angle, x in ((-0.35, 360), (0.3, 440), (0.05, 400)):
        pen.polygon(rotated_ellipse(x, 470, 70, 22, angle), leaf)
    stems = [[(400, 480), (370, 360), (320, 250), (290, 190)], [(400, 480), (420, 340), (480, 230)]]
    stems.append([(400, 480), (395, 330), (400, 160)])
    for stem in stems:
        pen.line(stem, (70, 90, 50), width=5)
        for x, y in stem[1:]:
            for i in range(5):
                angle = i * 2 * math.pi / 5
                points = rotated_ellipse(
                    x + 18 * math.cos(angle), y + 18 * math.sin(angle), 22, 15, angle
                )
                pen.polygon(points, shade(colour, rng.uniform(0.95, 1.25)))
            pen.ellipse((x - 7, y - 7, x + 7, y + 7), (244, 200, 60))
    _pot(pen, (320, 488, 480, 600), (244, 244, 240))
    return _label_card(pen, (334, 506, 466, 590), colour, radius=6)


def draw_bonsai(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    trunk = (96, 66, 40)
    pen.line(
        [(400, 540), (380, 470), (350, 420), (390, 360), (440, 320), (420, 260)], trunk, width=18
    )
    pen.line([(370, 430), (300, 400)], trunk, width=9)
    pen.line([(430, 330), (500, 300)], trunk, width=8)
    for cx, cy, rx, ry in ((300, 380, 72, 36), (500, 285, 76, 38), (420, 230, 90, 44)):
        for _ in range(10):
            x, y = cx + rng.uniform(-rx, rx) * 0.6, cy + rng.uniform(-ry, ry) * 0.5
            tint = shade(colour, rng.uniform(0.8, 1.2))
            pen.ellipse((x - rx * 0.5, y - ry * 0.55, x + rx * 0.5, y + ry * 0.55), tint)
    _pot(pen, (286, 540, 514, 600), (110, 72, 44))
    return _label_card(pen, (336, 544, 464, 598), (110, 72, 44), radius=4)


def draw_parcels(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    string = (214, 190, 140)
    for y, xs in ((520, (290, 400, 510)), (430, (345, 455)), (345, (400,))):
        for x in xs:
            angle = rng.uniform(-0.12, 0.12)
            tint = shade(colour, rng.uniform(0.85, 1.15))
            pen.polygon(
                rotated_rect(x, y, 112, 100, angle), tint, outline=shade(colour, 0.6), width=2
            )
            pen.line([(x - 50, y - 30), (x + 50, y + 30)], alpha(shade(colour, 1.4), 150), width=2)
            pen.polygon(rotated_rect(x, y, 112, 8, angle), string)
            pen.polygon(rotated_rect(x, y, 8, 100, angle), string)
    return _label_card(pen, (276, 526, 524, 604), colour, radius=6)


def draw_soap(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.polygon([(262, 420), (302, 382), (582, 382), (542, 420)], shade(colour, 1.1))
    pen.polygon([(542, 420), (582, 382), (582, 522), (542, 560)], shade(colour, 0.82))
    pen.rect((262, 420, 542, 560), colour)
    kraft = (198, 160, 110)
    pen.rect((332, 420, 472, 560), kraft)
    pen.polygon([(332, 420), (372, 382), (512, 382), (472, 420)], shade(kraft, 1.08))
    for x, y in ((236, 586), (270, 596), (610, 580)):
        pen.ellipse((x - 16, y - 14, x + 16, y + 14), (92, 60, 36))
    pen.polygon(rotated_ellipse(596, 540, 46, 16, -0.6), (60, 112, 56))
    return (340, 432, 464, 548)


def draw_tray(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    pen.rect((244, 250, 556, 600), alpha((236, 236, 232), 200), radius=22)
    for _ in range(16):
        x, y = rng.uniform(290, 510), rng.uniform(410, 560)
        strip = rotated_rect(x, y, rng.uniform(100, 150), 26, rng.uniform(-0.5, 0.5))
        pen.polygon(strip, shade(colour, rng.uniform(0.8, 1.3)), outline=shade(colour, 0.6))
    pen.rect(
        (244, 250, 556, 600),
        alpha((255, 255, 255), 40),
        radius=22,
        outline=(200, 200, 196),
        width=3,
    )
    return _label_card(pen, (276, 282, 524, 390), colour)


def draw_cups(pen: Pen, colour: RGB, rng: random.Random) -> Box:
    for row, y in enumerate((330, 430)):
        for i in range(3):
            x = 300 + i * 100 + row * 12
            pen.polygon(
                [(x - 44, y), (x + 44, y), (x + 34, y + 110), (x - 34, y + 110)],
                alpha((240, 240, 240), 160),
            )
            pen.polygon(
                [(x - 40, y + 24), (x + 40, y + 24), (x + 34, y + 106), (x - 34, y + 106)], colour
            )
            pen.ellipse(
                (x - 46, y - 10, x + 46, y + 12), (224, 224, 220), outline=(180, 180, 176), width=2
            )
    return _label_card(pen, (262, 520, 538, 600), (70, 70, 70), radius=6)


# What lies in front of a pack, by OCOP set: what is inside it, so a jar reads as honey and a
# vial as an essential oil without a word on either. Each draws on the floor right of x=560.
PropDrawer = Callable[[Pen, RGB, random.Random], None]


def prop_honeycomb(pen: Pen, colour: RGB, rng: random.Random):
    wax, honey = (226, 166, 40), (196, 120, 20)
    for row, count in ((0, 3), (1, 4), (2, 3)):
        for i in range(count):
            cx = 590 + i * 28 - (count - 3) * 14
            cy = 548 + row * 24
            hexagon = [
                (
                    cx + 15 * math.cos(k * math.pi / 3 + math.pi / 6),
                    cy + 15 * math.sin(k * math.pi / 3 + math.pi / 6),
                )
                for k in range(6)
            ]
            pen.polygon(
                hexagon, wax if rng.random() < 0.7 else honey, outline=shade(honey, 0.8), width=2
            )
    pen.line([(560, 612), (676, 520)], (150, 104, 60), width=7)
    for step in range(4):
        x, y = 664 + step * 6, 526 - step * 5
        pen.ellipse((x - 14, y - 10, x + 14, y + 10), (170, 118, 66))


def prop_leaves(pen: Pen, colour: RGB, rng: random.Random):
    for _ in range(5):
        x, y = rng.uniform(570, 680), rng.uniform(575, 610)
        angle = rng.uniform(-0.8, 0.8)
        green = shade((74, 132, 62), rng.uniform(0.85, 1.15))
        pen.polygon(rotated_ellipse(x, y, 30, 11, angle), green)
        pen.line(
            [
                (x - 26 * math.cos(angle), y - 26 * math.sin(angle)),
                (x + 26 * math.cos(angle), y + 26 * math.sin(angle)),
            ],
            shade(green, 0.7),
            width=2,
        )


def prop_beans(pen: Pen, colour: RGB, rng: random.Random):
    for _ in range(12):
        x, y = rng.uniform(560, 690), rng.uniform(580, 615)
        angle = rng.uniform(0, math.pi)
        pen.polygon(rotated_ellipse(x, y, 12, 8, angle), shade((96, 58, 34), rng.uniform(0.8, 1.1)))
        pen.line(
            [
                (x - 8 * math.cos(angle), y - 8 * math.sin(angle)),
                (x + 8 * math.cos(angle), y + 8 * math.sin(angle)),
            ],
            (50, 30, 20),
            width=2,
        )


def prop_grains(pen: Pen, colour: RGB, rng: random.Random):
    grain = (238, 232, 212) if sum(colour) > 600 else (196, 100, 80)
    for _ in range(90):
        x = rng.gauss(620, 34)
        height = max(0.0, 40 * (1 - abs(x - 620) / 80))
        y = 612 - rng.uniform(0, height)
        pen.polygon(
            rotated_ellipse(x, y, 6, 3.5, rng.uniform(0, math.pi), steps=10),
            shade(grain, rng.uniform(0.85, 1.05)),
        )


def prop_sprig(pen: Pen, colour: RGB, rng: random.Random):
    stem = [(560, 612), (600, 580), (640, 556), (680, 540)]
    pen.line(stem, (80, 110, 60), width=4)
    for index, (x, y) in enumerate(stem[1:] + [(620, 568), (660, 548)]):
        side = 1 if index % 2 else -1
        pen.polygon(rotated_ellipse(x + 4, y + side * 14, 20, 8, side * 0.7), (84, 140, 70))
    for _ in range(3):
        x, y = rng.uniform(600, 680), rng.uniform(590, 612)
        pen.ellipse((x - 7, y - 7, x + 7, y + 7), shade(colour, 1.3))


def prop_anise(pen: Pen, colour: RGB, rng: random.Random):
    for cx, cy in ((590, 596), (646, 590), (620, 566)):
        turn = rng.uniform(0, math.pi)
        for k in range(8):
            angle = turn + k * math.pi / 4
            pen.polygon(
                rotated_ellipse(cx + 12 * math.cos(angle), cy + 8 * math.sin(angle), 13, 6, angle),
                (132, 58, 34),
            )
        pen.ellipse((cx - 5, cy - 4, cx + 5, cy + 4), (90, 40, 24))


def prop_fruit(pen: Pen, colour: RGB, rng: random.Random):
    skin = shade(colour, 1.15)
    for cx, cy in ((580, 596), (622, 600), (664, 594), (600, 566), (644, 568)):
        pen.ellipse((cx - 20, cy - 19, cx + 20, cy + 19), skin, outline=shade(skin, 0.7), width=2)
        for _ in range(6):
            x, y = cx + rng.uniform(-12, 12), cy + rng.uniform(-12, 12)
            pen.ellipse((x - 2, y - 2, x + 2, y + 2), shade(skin, 0.75))


def prop_cup(pen: Pen, colour: RGB, rng: random.Random):
    porcelain = (244, 240, 230)
    pen.polygon(
        [(586, 560), (650, 560), (640, 612), (596, 612)],
        porcelain,
        outline=(180, 176, 168),
        width=2,
    )
    pen.ellipse((586, 552, 650, 568), shade(colour, 1.1), outline=(180, 176, 168), width=2)


PROPS: tuple[tuple[str, str, PropDrawer], ...] = (
    # (OCOP set, pack it goes with or "" for any, drawer): the longest matching set wins.
    ("I.2.b", "", prop_honeycomb),
    ("I.3.d", "jar", prop_honeycomb),
    ("I.5", "", prop_leaves),
    ("I.6", "", prop_beans),
    ("I.2.a", "sack", prop_grains),
    ("I.4.b", "", prop_anise),
    ("I.3.c", "pouch", prop_fruit),
    ("III.3", "vial", prop_sprig),
    ("II.1", "bottle", prop_cup),
)


def prop_for(*, kind: str, shape: str) -> PropDrawer | None:
    matches = [
        (len(code), drawer)
        for code, pack, drawer in PROPS
        if (kind == code or kind.startswith(code + ".")) and pack in ("", shape)
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None


SHAPES: dict[str, ShapeDrawer] = {
    "jar": draw_jar,
    "bottle": draw_bottle,
    "vial": draw_vial,
    "noodles": draw_noodles,
    "gift_box": draw_gift_box,
    "tea_box": draw_tea_box,
    "pouch": draw_pouch,
    "sack": draw_sack,
    "coffee_bag": draw_coffee_bag,
    "crate": draw_crate,
    "basket": draw_basket,
    "teapot": draw_teapot,
    "vase": draw_vase,
    "scarf": draw_scarf,
    "orchid": draw_orchid,
    "bonsai": draw_bonsai,
    "parcels": draw_parcels,
    "soap": draw_soap,
    "tray": draw_tray,
    "cups": draw_cups,
}


@lru_cache(maxsize=8)
def _backdrop(group: str, size: int) -> Image.Image:
    """The group's backdrop with the floor shadow, drawn once per group (copy before use)."""
    top, bottom = (rgb(c) for c in GROUP_BACKDROPS.get(group, GROUP_BACKDROPS["I"]))
    vertical = Image.linear_gradient("L").resize((size, size))
    image = Image.composite(
        Image.new("RGB", (size, size), bottom), Image.new("RGB", (size, size), top), vertical
    )
    # A soft light behind the pack, brighter at the centre.
    glow = Image.radial_gradient("L").resize((size, size)).point(lambda v: max(0, 120 - v))
    image = Image.composite(Image.new("RGB", (size, size), (255, 255, 255)), image, glow)
    _shadow(image, (230, 582, 570, 622))
    return image


def _shadow(image: Image.Image, box: Box):
    # Blurring a quarter-size mask is far cheaper than blurring the full canvas.
    small = Image.new("L", (SIZE // 4, SIZE // 4), 0)
    ImageDraw.Draw(small).ellipse([v / 4 for v in box], fill=110)
    mask = small.filter(ImageFilter.GaussianBlur(5)).resize(image.size)
    image.paste((90, 70, 50), mask=mask)


def packshot(*, shape: str, colour: str, kind: str, seed: str) -> bytes:
    """An 800×800 JPEG of a product of this kind: its pack with a wordless label and, for many
    OCOP sets, what is inside it laid in front, on the backdrop of its OCOP group. The seed
    (the product's code) shifts the pack's colour a little and picks its emblem, so two
    products of one kind and colour still look apart."""
    canvas = SIZE * SUPERSAMPLE
    image = _backdrop(kind.split(".")[0], canvas).copy()
    pen = Pen(image, SUPERSAMPLE)
    rng = random.Random(f"packshot:{seed}")
    accent = tuple(max(0, min(255, c + rng.randint(-18, 18))) for c in rgb(colour))
    label_box = SHAPES.get(shape, draw_pouch)(pen, accent, rng)
    _label_art(pen, label_box, accent, rng)
    prop = prop_for(kind=kind, shape=shape)
    if prop is not None:
        prop(pen, accent, rng)
    out = io.BytesIO()
    # The band under the pack once held its name: frame the pack alone, a little closer.
    frame = [v * SUPERSAMPLE for v in PACK_FRAME]
    image.crop(frame).resize((SIZE, SIZE), Image.LANCZOS).save(
        out, "JPEG", quality=82, optimize=True
    )
    return out.getvalue()


def logo(*, initials: str, colour: str) -> bytes:
    """A 256×256 PNG: the producer's initials in a circle."""
    canvas = LOGO_SIZE * SUPERSAMPLE
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    pen = Pen(image, SUPERSAMPLE)
    fill = rgb(colour)
    pen.ellipse((6, 6, 250, 250), fill)
    pen.ellipse((18, 18, 238, 238), None, outline=alpha((255, 255, 255), 150), width=3)
    pen.fit_text(initials, (40, 60, 216, 196), (255, 255, 255), max_size=96, min_size=40)
    out = io.BytesIO()
    image.resize((LOGO_SIZE, LOGO_SIZE), Image.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()
