"""Landscapes of the demo's regions and stories, drawn with Pillow: rice terraces, pine hills,
tea rows, a river valley, limestone peaks, a coast with mangroves, delta canals, a village, an
orchard, Ban flowers on the mountains, hives at a forest edge, noodles drying on racks,
greenhouses and flower fields in the highlands.

Each picture is drawn from a kind of scene and a seed: the kind says what the place looks like,
the seed varies the hour, the season's colours and where everything stands, so no two places
get the same picture. No text is ever drawn into a scene.
"""

import io
import math
import random
from collections.abc import Callable

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
# A wide slot (a region's banner, 12:5) shows the middle of the picture, about y=116 to 784:
# what names the place (boats, houses, racks) stands inside that band.
RGB = tuple[int, int, int]
Scene = Callable[["Canvas"], None]

# Sky (top, horizon) per hour of the day.
SKIES: dict[str, tuple[RGB, RGB]] = {
    "morning": ((150, 196, 230), (250, 236, 210)),
    "noon": ((96, 160, 220), (214, 234, 246)),
    "evening": ((236, 150, 110), (252, 222, 170)),
    "mist": ((196, 210, 214), (236, 238, 232)),
}


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def jitter(colour: RGB, rng: random.Random, amount: int = 14) -> RGB:
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


class Canvas:
    """The picture being drawn, its random source, its sky and the haze of its distance."""

    def __init__(self, rng: random.Random, *, skies: tuple[str, ...]):
        self.rng = rng
        self.hour = rng.choice(skies)
        self.top, self.horizon = (jitter(c, rng, 10) for c in SKIES[self.hour])
        self.image = _gradient(self.top, self.horizon, (WIDTH, HEIGHT))
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def haze(self, colour: RGB, depth: float) -> RGB:
        """A colour seen from afar: towards the horizon's by `depth` (0 near, 1 far)."""
        return mix(colour, self.horizon, depth * 0.75)

    def sun(self, *, low: bool = False):
        x = self.rng.uniform(WIDTH * 0.15, WIDTH * 0.85)
        y = self.rng.uniform(HEIGHT * 0.22, HEIGHT * 0.34) if low else self.rng.uniform(90, 200)
        glow = (255, 250, 230) if self.hour != "evening" else (255, 226, 170)
        for radius, alpha in ((150, 30), (100, 50)):
            self.draw.ellipse((x - radius, y - radius, x + radius, y + radius), (*glow, alpha))
        self.draw.ellipse((x - 56, y - 56, x + 56, y + 56), glow)

    def clouds(self, count: int = 4):
        for _ in range(count):
            x, y = self.rng.uniform(0, WIDTH), self.rng.uniform(60, HEIGHT * 0.3)
            for _ in range(5):
                dx, dy = self.rng.uniform(-90, 90), self.rng.uniform(-16, 16)
                rx, ry = self.rng.uniform(50, 110), self.rng.uniform(16, 30)
                self.draw.ellipse(
                    (x + dx - rx, y + dy - ry, x + dx + rx, y + dy + ry), (255, 255, 255, 70)
                )

    def ridge(self, base: float, amplitude: float, *, waves: int = 3) -> list[tuple[float, float]]:
        """A skyline from left to right: a few sine waves of random phase and length."""
        parts = [
            (
                amplitude / (i + 1),
                self.rng.uniform(0.6, 1.4) * (i + 1) / 260,
                self.rng.uniform(0, 6.3),
            )
            for i in range(waves)
        ]
        return [
            (x, base - sum(a * math.sin(x * f + p) for a, f, p in parts))
            for x in range(-20, WIDTH + 40, 20)
        ]

    def fill_below(self, line: list[tuple[float, float]], colour, *, bottom: float = HEIGHT):
        self.draw.polygon([(line[0][0], bottom), *line, (line[-1][0], bottom)], colour)

    def mist(self, y: float, height: float, strength: int = 120):
        """A band of haze, densest at y and fading above and below."""
        column = Image.new("L", (1, HEIGHT), 0)
        for row in range(max(0, int(y - height)), min(HEIGHT, int(y + height))):
            column.putpixel((0, row), int(strength * (1 - abs(row - y) / height)))
        self.image.paste(self.horizon, mask=column.resize((WIDTH, HEIGHT)))

    def water(self, top: float, *, colour: RGB | None = None):
        colour = colour or mix(self.top, (40, 90, 110), 0.35)
        self.image.paste(_gradient(self.horizon, colour, (WIDTH, HEIGHT - int(top))), (0, int(top)))
        for _ in range(60):
            y = self.rng.uniform(top + 6, HEIGHT)
            x, length = self.rng.uniform(0, WIDTH), self.rng.uniform(30, 160) * (y - top) / 300 + 20
            self.draw.line([(x, y), (x + length, y)], (255, 255, 255, 60), width=2)

    def at(self, line: list[tuple[float, float]], x: float) -> float:
        """The height of a skyline at x."""
        index = max(0, min(len(line) - 2, int((x + 20) // 20)))
        (x0, y0), (x1, y1) = line[index], line[index + 1]
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def _gradient(top: RGB, bottom: RGB, size: tuple[int, int]) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


# Things standing in a landscape. (x, y) is where they touch the ground.
def pine(c: Canvas, x: float, y: float, height: float, colour):
    for step in range(3):
        top = y - height * (1 - step * 0.22)
        half = height * (0.2 + step * 0.07)
        bottom = y - height * (0.42 - step * 0.2)
        c.draw.polygon([(x, top), (x - half, bottom), (x + half, bottom)], colour)
    c.draw.line([(x, y), (x, y - height * 0.25)], (70, 50, 36), width=max(1, round(height / 18)))


def round_tree(
    c: Canvas, x: float, y: float, size: float, colour: RGB, *, fruit: RGB | None = None
):
    c.draw.line([(x, y), (x, y - size * 0.8)], (86, 62, 40), width=max(2, round(size / 8)))
    for _ in range(5):
        dx, dy = c.rng.uniform(-0.45, 0.45) * size, c.rng.uniform(-1.25, -0.75) * size
        r = size * c.rng.uniform(0.4, 0.6)
        c.draw.ellipse((x + dx - r, y + dy - r, x + dx + r, y + dy + r), jitter(colour, c.rng, 12))
    if fruit:
        for _ in range(int(size / 2)):
            dx, dy = c.rng.uniform(-0.7, 0.7) * size, c.rng.uniform(-1.6, -0.5) * size
            r = max(2.0, size / 14)
            c.draw.ellipse((x + dx - r, y + dy - r, x + dx + r, y + dy + r), fruit)


def palm(c: Canvas, x: float, y: float, height: float, colour: RGB):
    lean = c.rng.uniform(-0.25, 0.25) * height
    trunk = [(x + lean * (t / 6) ** 2, y - height * t / 6) for t in range(7)]
    c.draw.line(trunk, (110, 86, 60), width=max(3, round(height / 22)), joint="curve")
    top_x, top_y = trunk[-1]
    # Fronds rise from the crown and bend down under their own weight, some on each side.
    length = height * 0.36
    for i in range(11):
        spread = -1 + 2 * i / 10 + c.rng.uniform(-0.08, 0.08)
        lift = (1 - abs(spread)) * 0.55 + 0.1
        frond = [
            (
                top_x + spread * length * t / 5,
                top_y - lift * length * (t / 5) + length * 0.75 * (t / 5) ** 2 * abs(spread),
            )
            for t in range(6)
        ]
        c.draw.line(
            frond, jitter(colour, c.rng, 10), width=max(2, round(height / 22)), joint="curve"
        )
    for _ in range(3):
        nut_x, nut_y = top_x + c.rng.uniform(-0.05, 0.05) * height, top_y + height * 0.03
        r = max(2.0, height / 40)
        c.draw.ellipse((nut_x - r, nut_y - r, nut_x + r, nut_y + r), (120, 100, 40))


def house(
    c: Canvas, x: float, y: float, width: float, *, roof: RGB, wall: RGB, stilts: bool = False
):
    height = width * 0.45
    base = y - (width * 0.25 if stilts else 0)
    if stilts:
        for post in (0.1, 0.5, 0.9):
            c.draw.line(
                [(x + width * post, y), (x + width * post, base)],
                (90, 66, 44),
                width=max(2, round(width / 40)),
            )
    c.draw.rectangle((x, base - height, x + width, base), wall)
    c.draw.rectangle((x + width * 0.42, base - height * 0.65, x + width * 0.58, base), (80, 58, 40))
    c.draw.polygon(
        [
            (x - width * 0.12, base - height),
            (x + width * 0.15, base - height * 1.9),
            (x + width * 0.85, base - height * 1.9),
            (x + width * 1.12, base - height),
        ],
        roof,
    )


def boat(c: Canvas, x: float, y: float, length: float, *, sail: RGB | None = None):
    hull = (70, 52, 40)
    c.draw.polygon(
        [
            (x - length / 2, y - length * 0.1),
            (x + length / 2, y - length * 0.12),
            (x + length * 0.36, y + length * 0.06),
            (x - length * 0.38, y + length * 0.06),
        ],
        hull,
    )
    if sail:
        mast = x + length * 0.05
        c.draw.line(
            [(mast, y - length * 0.1), (mast, y - length * 0.9)],
            hull,
            width=max(1, round(length / 40)),
        )
        for offset in (0.0, 0.28):
            c.draw.polygon(
                [
                    (mast - length * offset, y - length * 0.85),
                    (mast - length * (offset + 0.26), y - length * 0.8),
                    (mast - length * (offset + 0.24), y - length * 0.18),
                    (mast - length * offset, y - length * 0.16),
                ],
                sail,
            )
    else:
        c.draw.chord(
            (x - length * 0.22, y - length * 0.3, x + length * 0.18, y + length * 0.02),
            180,
            360,
            (120, 96, 60),
        )
        c.draw.polygon(
            [
                (x + length * 0.3, y - length * 0.12),
                (x + length * 0.36, y - length * 0.34),
                (x + length * 0.42, y - length * 0.12),
            ],
            (236, 222, 180),
        )


def flowers(c: Canvas, top: float, count: int, palette: tuple[RGB, ...], size: float = 5):
    for _ in range(count):
        x, y = c.rng.uniform(0, WIDTH), c.rng.uniform(top, HEIGHT)
        r = size * (0.5 + (y - top) / (HEIGHT - top + 1))
        c.draw.ellipse((x - r, y - r, x + r, y + r), c.rng.choice(palette))


# The scenes.
def terraces(c: Canvas):
    c.sun()
    c.fill_below(c.ridge(330, 60), c.haze((70, 110, 90), 0.8))
    c.mist(360, 70)
    ripe = c.rng.random() < 0.35
    fields = ((196, 170, 60), (214, 186, 80)) if ripe else ((110, 160, 60), (140, 186, 80))
    for hill, (base, spacing) in enumerate(((470, 16), (640, 26))):
        line = c.ridge(base, 70 - hill * 20)
        mask = Image.new("L", (WIDTH, HEIGHT), 0)
        ImageDraw.Draw(mask).polygon([(line[0][0], HEIGHT), *line, (line[-1][0], HEIGHT)], 255)
        layer = Image.new("RGB", (WIDTH, HEIGHT), c.haze(fields[0], 0.35 - hill * 0.3))
        pen = ImageDraw.Draw(layer)
        phase, top = c.rng.uniform(0, 6.3), min(y for _, y in line) - 10
        step, y = 0, top
        while y < HEIGHT + spacing:
            colour = c.haze(fields[step % 2], max(0.0, 0.35 - hill * 0.3 - step * 0.01))
            band = [
                (x, y + 26 * math.sin(x / (190 + hill * 60) + phase + step * 0.05))
                for x in range(-20, WIDTH + 40, 20)
            ]
            pen.polygon([(-20, HEIGHT), *band, (WIDTH + 40, HEIGHT)], colour)
            pen.line(band, (236, 230, 190), width=2 + hill)
            step += 1
            y += spacing * (1 + step * 0.04)
        c.image.paste(layer, mask=mask)
    for _ in range(c.rng.randint(2, 4)):
        x = c.rng.uniform(100, WIDTH - 200)
        house(
            c, x, c.rng.uniform(560, 620), 60, roof=(150, 84, 56), wall=(222, 206, 176), stilts=True
        )


def forest(c: Canvas):
    c.sun()
    c.clouds(3)
    greens = ((58, 96, 70), (46, 86, 58), (36, 72, 46), (28, 60, 38))
    for layer, base in enumerate((380, 470, 580, 720)):
        depth = (3 - layer) / 3
        line = c.ridge(base, 60 + layer * 10)
        colour = c.haze(greens[layer], depth)
        c.fill_below(line, colour)
        size = 26 + layer * 22
        for x in range(-10, WIDTH + 20, int(size * 0.7)):
            x += c.rng.uniform(-size * 0.2, size * 0.2)
            tree_colour = c.haze(jitter(greens[layer], c.rng, 8), depth)
            pine(c, x, c.at(line, x) + size * 0.5, size * c.rng.uniform(1.1, 1.6), tree_colour)
        if layer < 3:
            c.mist(base + 30, 60, 90)


def tea(c: Canvas):
    c.sun()
    c.fill_below(c.ridge(360, 50), c.haze((70, 120, 90), 0.7))
    bush = jitter((44, 112, 56), c.rng, 10)
    for hill, base in enumerate((480, 620, 780)):
        line = c.ridge(base, 70, waves=2)
        depth = 0.5 - hill * 0.25
        c.fill_below(line, c.haze((150, 176, 96), depth))
        top = min(y for _, y in line)
        spacing = 18 + hill * 14
        for row in range(int((HEIGHT - top) / spacing) + 1):
            row_line = [(x, max(y, c.at(line, x)) + 10 + row * spacing) for x, y in line]
            c.draw.line(
                [p for p in row_line if p[1] > c.at(line, p[0]) + 4],
                c.haze(bush, depth),
                width=int(spacing * 0.62),
                joint="curve",
            )
    for _ in range(c.rng.randint(3, 6)):
        x, y = c.rng.uniform(120, WIDTH - 120), c.rng.uniform(640, 840)
        size = 16 + (y - 600) / 12
        c.draw.polygon(
            [(x, y - size * 1.2), (x - size, y - size * 0.5), (x + size, y - size * 0.5)],
            (236, 224, 186),
        )
    for _ in range(c.rng.randint(2, 4)):
        x = c.rng.uniform(80, WIDTH - 80)
        round_tree(c, x, c.rng.uniform(600, 700), 40, (54, 96, 50))


def river(c: Canvas):
    c.sun()
    c.clouds(3)
    c.fill_below(c.ridge(380, 60), c.haze((66, 104, 86), 0.8))
    c.mist(420, 60)
    banks = c.ridge(520, 30)
    c.fill_below(banks, c.haze((118, 158, 84), 0.3))
    water = mix(c.top, (70, 120, 130), 0.4)
    centre, wobble = c.rng.uniform(0.35, 0.65) * WIDTH, c.rng.uniform(80, 220)
    left, right = [], []
    for step in range(0, 11):
        t = step / 10
        y = 540 + (HEIGHT - 540) * t
        x = centre + wobble * math.sin(t * 3 + c.rng.random() * 0.2)
        half = 30 + 420 * t**1.4
        left.append((x - half, y))
        right.append((x + half, y))
    c.draw.polygon(left + right[::-1], water)
    for _ in range(30):
        y = c.rng.uniform(560, HEIGHT)
        t = (y - 540) / (HEIGHT - 540)
        x = centre + wobble * math.sin(t * 3) + c.rng.uniform(-300, 300) * t
        c.draw.line([(x, y), (x + 40 * t + 10, y)], (255, 255, 255, 70), width=2)
    for _ in range(c.rng.randint(2, 3)):
        t = c.rng.uniform(0.25, 0.7)
        y = 540 + (HEIGHT - 540) * t
        boat(c, centre + wobble * math.sin(t * 3) + c.rng.uniform(-160, 160) * t, y, 40 + 160 * t)
    for _ in range(8):
        x = c.rng.choice((c.rng.uniform(0, 300), c.rng.uniform(WIDTH - 300, WIDTH)))
        round_tree(c, x, c.rng.uniform(560, 700), c.rng.uniform(30, 60), (60, 110, 60))


def _peaks(c: Canvas, base: float, tallest: float, count: int) -> list[tuple[float, float]]:
    heights = [0.0] * (WIDTH // 10 + 5)
    for _ in range(count):
        centre, half = c.rng.uniform(-50, WIDTH + 50), c.rng.uniform(50, 140)
        height = c.rng.uniform(0.45, 1) * tallest
        power = c.rng.uniform(2.2, 3.4)
        for i in range(len(heights)):
            t = abs(i * 10 - centre) / half
            if t < 1:
                heights[i] = max(heights[i], height * (1 - t**power) ** (1 / power))
    return [(i * 10, base - h) for i, h in enumerate(heights)]


def karst(c: Canvas):
    c.sun(low=True)
    water_line = c.rng.uniform(600, 680)
    for layer in range(4):
        depth = (3 - layer) / 3.4
        peaks = _peaks(c, water_line, 200 + layer * 90, 6 - layer)
        c.fill_below(peaks, c.haze((52, 86, 72), depth), bottom=water_line + 2)
        c.mist(water_line - 20, 80, 70)
    c.water(water_line, colour=(54, 104, 110))
    for _ in range(c.rng.randint(1, 3)):
        y = c.rng.uniform(water_line + 40, min(water_line + 130, 770))
        boat(
            c, c.rng.uniform(200, WIDTH - 200), y, 60 + (y - water_line) * 0.5, sail=(196, 104, 54)
        )


def coast(c: Canvas):
    c.sun(low=True)
    c.clouds(4)
    sea_line = c.rng.uniform(430, 500)
    c.fill_below(_peaks(c, sea_line, 110, 4), c.haze((70, 100, 90), 0.85), bottom=sea_line + 2)
    c.water(sea_line, colour=(36, 110, 140))
    shore = [(x, y + 120) for x, y in c.ridge(680, 40, waves=2)]
    c.fill_below(shore, (226, 208, 160))
    c.draw.line(shore, (250, 250, 240), width=5)
    for _ in range(c.rng.randint(4, 7)):
        x = c.rng.uniform(40, WIDTH - 40)
        y = c.at(shore, x) + c.rng.uniform(-10, 30)
        size = c.rng.uniform(50, 90)
        for root in range(-3, 4):
            c.draw.arc(
                (x + root * 8 - size * 0.3, y - size * 0.5, x + root * 8 + size * 0.3, y + 6),
                200,
                340,
                (80, 60, 44),
                width=3,
            )
        round_tree(c, x, y - size * 0.3, size * 0.8, (40, 96, 58))
    for _ in range(c.rng.randint(2, 4)):
        x, y = c.rng.uniform(100, WIDTH - 100), c.rng.uniform(sea_line + 30, sea_line + 150)
        boat(
            c,
            x,
            y,
            30 + (y - sea_line) * 0.6,
            sail=(214, 120, 60) if c.rng.random() < 0.5 else None,
        )


def delta(c: Canvas):
    c.sun()
    c.clouds(5)
    horizon = c.rng.uniform(430, 480)
    c.fill_below([(x, horizon) for x in range(-20, WIDTH + 40, 20)], c.haze((96, 150, 70), 0.2))
    for row in range(12):
        y = horizon + (HEIGHT - horizon) * (row / 12) ** 1.6
        c.draw.line([(0, y), (WIDTH, y)], (140, 186, 90, 120), width=2)
    # Delta water carries silt: a green-brown under any sky.
    water = mix(c.horizon, (96, 128, 112), 0.7)
    vanish = c.rng.uniform(0.3, 0.7) * WIDTH
    c.draw.polygon(
        [
            (vanish - 8, horizon),
            (vanish + 8, horizon),
            (WIDTH * 0.95, HEIGHT),
            (WIDTH * 0.2, HEIGHT),
        ],
        water,
    )
    side = c.rng.uniform(0, WIDTH)
    c.draw.polygon(
        [
            (side, horizon + 4),
            (side + 30, horizon + 4),
            (WIDTH + 200, HEIGHT * 0.8),
            (WIDTH + 200, HEIGHT * 0.9),
        ],
        water,
    )
    # Palms line both banks, smaller towards the horizon: drawn from far to near.
    rows = sorted(c.rng.uniform(0, 0.75) ** 1.5 for _ in range(26))
    for t in rows:
        y = horizon + (HEIGHT - horizon) * t
        side = c.rng.choice((0.2, 0.95))
        bank = vanish + (WIDTH * side - vanish) * t
        x = bank + (1 if side > 0.5 else -1) * c.rng.uniform(20, 160) * (0.2 + t)
        palm(c, x, y, 60 + 380 * t, c.haze((40, 110, 50), (1 - t) * 0.5))
    for _ in range(30):
        t = c.rng.uniform(0.05, 1)
        y = horizon + (HEIGHT - horizon) * t
        x = vanish + (WIDTH * 0.575 - vanish) * t + c.rng.uniform(-300, 300) * t
        c.draw.line([(x, y), (x + 20 + 60 * t, y)], (255, 255, 255, 70), width=2)
    for _ in range(c.rng.randint(2, 3)):
        t = c.rng.uniform(0.3, 0.7)
        y = horizon + (HEIGHT - horizon) * t
        x = vanish + (WIDTH * 0.575 - vanish) * t + c.rng.uniform(-120, 120) * t
        boat(c, x, y, 50 + 170 * t)


def village(c: Canvas):
    c.sun()
    c.clouds(3)
    c.fill_below(c.ridge(420, 50), c.haze((70, 110, 84), 0.7))
    c.mist(450, 60)
    ground = c.ridge(640, 20, waves=2)
    c.fill_below(ground, (134, 160, 92))
    pond_top = c.rng.uniform(720, 780)
    c.draw.ellipse(
        (c.rng.uniform(-200, 600), pond_top, c.rng.uniform(900, 1400), HEIGHT + 120),
        mix(c.top, (70, 120, 120), 0.4),
    )
    roofs = ((160, 74, 50), (176, 92, 58), (138, 70, 52))
    xs = sorted(c.rng.uniform(0, WIDTH - 140) for _ in range(c.rng.randint(5, 8)))
    for x in xs:
        y = c.at(ground, x) + c.rng.uniform(0, 30)
        house(
            c,
            x,
            y,
            c.rng.uniform(90, 150),
            roof=c.rng.choice(roofs),
            wall=jitter((232, 218, 190), c.rng),
        )
    for _ in range(6):
        x = c.rng.uniform(0, WIDTH)
        clump = c.rng.uniform(60, 110)
        for stem in range(7):
            sx = x + stem * 6 - 18
            c.draw.line(
                [
                    (sx, c.at(ground, x) + 20),
                    (sx + c.rng.uniform(-30, 30), c.at(ground, x) - clump),
                ],
                (82, 130, 60),
                width=4,
            )
    for _ in range(c.rng.randint(1, 2)):
        x = c.rng.uniform(200, WIDTH - 200)
        y = c.at(ground, x) + 30
        round_tree(c, x, y, c.rng.uniform(80, 110), (58, 104, 56))


def orchard(c: Canvas):
    c.sun()
    c.clouds(3)
    c.fill_below(c.ridge(380, 50), c.haze((70, 110, 80), 0.75))
    fruit = c.rng.choice(((198, 40, 46), (206, 160, 70)))  # lychee red, longan tan
    for hill, base in enumerate((500, 640, 800)):
        line = c.ridge(base, 60, waves=2)
        depth = 0.5 - hill * 0.25
        c.fill_below(line, c.haze((132, 166, 82), depth))
        size = 22 + hill * 26
        for x in range(-10, WIDTH + 20, int(size * 2.2)):
            x += c.rng.uniform(-size * 0.3, size * 0.3)
            round_tree(
                c,
                x,
                c.at(line, x) + size * 0.9,
                size,
                c.haze((50, 104, 50), depth),
                fruit=c.haze(fruit, depth) if hill else None,
            )


def ban(c: Canvas):
    c.sun()
    for layer, base in enumerate((360, 460, 580)):
        depth = (2 - layer) / 2.4
        line = c.ridge(base, 80 + layer * 20)
        c.fill_below(line, c.haze((76, 110, 80), depth))
        c.mist(base + 40, 60, 80)
    front = c.ridge(720, 40, waves=2)
    c.fill_below(front, (96, 132, 74))
    blossom = ((252, 252, 250), (246, 230, 238), (238, 226, 240))
    for _ in range(c.rng.randint(7, 10)):
        x = c.rng.uniform(0, WIDTH)
        y = c.at(front, x) + c.rng.uniform(0, 80)
        size = c.rng.uniform(60, 110)
        c.draw.line(
            [(x, y), (x - size * 0.2, y - size), (x + size * 0.2, y - size * 1.4)],
            (90, 70, 56),
            width=6,
        )
        for _ in range(40):
            dx, dy = c.rng.gauss(0, size * 0.45), c.rng.gauss(-size * 1.3, size * 0.35)
            r = c.rng.uniform(4, 9)
            c.draw.ellipse((x + dx - r, y + dy - r, x + dx + r, y + dy + r), c.rng.choice(blossom))
    flowers(c, 420, 220, blossom, size=3)


def apiary(c: Canvas):
    c.sun()
    forest_line = c.ridge(480, 40)
    c.fill_below(forest_line, (50, 92, 60))
    for x in range(-10, WIDTH + 20, 34):
        pine(
            c, x, c.at(forest_line, x) + 24, c.rng.uniform(60, 110), jitter((40, 82, 52), c.rng, 8)
        )
    meadow = c.ridge(620, 15, waves=2)
    c.fill_below(meadow, (132, 168, 86))
    flowers(c, 620, 500, ((250, 226, 90), (250, 250, 240), (220, 150, 200)), size=4)
    for index in range(c.rng.randint(4, 7)):
        x = 120 + index * c.rng.uniform(180, 230)
        y = c.at(meadow, x) + c.rng.uniform(60, 150)
        w = 70 + (y - 620) * 0.25
        wood = jitter((196, 150, 90), c.rng, 12)
        for leg in (0.15, 0.85):
            c.draw.line([(x + w * leg, y), (x + w * leg, y - w * 0.3)], (90, 66, 44), width=5)
        c.draw.rectangle((x, y - w * 1.05, x + w, y - w * 0.3), wood)
        c.draw.line([(x, y - w * 0.68), (x + w, y - w * 0.68)], (120, 86, 50), width=3)
        c.draw.polygon(
            [(x - 10, y - w * 1.05), (x + w / 2, y - w * 1.35), (x + w + 10, y - w * 1.05)],
            (120, 90, 60),
        )
        c.draw.rectangle((x + w * 0.4, y - w * 0.42, x + w * 0.6, y - w * 0.36), (50, 36, 24))
    for _ in range(40):
        x, y = c.rng.uniform(0, WIDTH), c.rng.uniform(520, 800)
        c.draw.ellipse((x - 3, y - 2, x + 3, y + 2), (60, 44, 20))


def drying(c: Canvas):
    """Skeins of noodles hung over bamboo poles in a hillside yard, houses behind."""
    c.sun()
    c.clouds(2)
    c.fill_below(c.ridge(400, 60), c.haze((70, 110, 84), 0.7))
    c.mist(440, 60)
    yard = c.ridge(560, 14, waves=2)
    c.fill_below(yard, (120, 150, 84))
    for _ in range(3):
        x = c.rng.uniform(0, WIDTH - 160)
        house(c, x, c.at(yard, x) + 6, 130, roof=(150, 80, 56), wall=(228, 214, 186))
    strand = jitter((246, 240, 226), c.rng, 6)
    bamboo = (150, 120, 70)
    for top, scale in ((600, 0.7), (700, 1.0)):
        start = c.rng.uniform(-80, 120)
        while start < WIDTH:
            length = c.rng.uniform(420, 640) * scale
            drop = 120 * scale
            for post in (start, start + length):
                c.draw.line([(post, top - 10), (post, top + drop + 70 * scale)], bamboo, width=6)
            c.draw.line([(start - 10, top), (start + length + 10, top)], bamboo, width=7)
            x = start + 14
            while x < start + length - 30 * scale:
                skein = c.rng.uniform(22, 34) * scale
                for thread in range(int(skein / 3)):
                    tx = x + thread * 3
                    sway = c.rng.uniform(-3, 3)
                    c.draw.line(
                        [(tx, top), (tx + sway, top + drop * c.rng.uniform(0.92, 1.04))],
                        mix(strand, (200, 186, 160), c.rng.random() * 0.4),
                        width=2,
                    )
                x += skein + c.rng.uniform(8, 16) * scale
            start += length + c.rng.uniform(60, 160)


def highland(c: Canvas):
    """Pine hills over a lake, greenhouses and strips of flowers: the cool uplands of Đà Lạt."""
    c.sun()
    c.clouds(3)
    for layer, base in enumerate((400, 480)):
        line = c.ridge(base, 60)
        depth = 0.7 - layer * 0.35
        c.fill_below(line, c.haze((50, 92, 64), depth))
        for x in range(-10, WIDTH + 20, 22 + layer * 12):
            pine(
                c,
                x,
                c.at(line, x) + 16,
                c.rng.uniform(40, 70) * (1 + layer * 0.5),
                c.haze((36, 76, 50), depth),
            )
    c.mist(520, 50)
    lake_top = c.rng.uniform(530, 560)
    c.draw.ellipse(
        (c.rng.uniform(-300, 300), lake_top, c.rng.uniform(900, 1300), lake_top + 70),
        mix(c.top, (70, 120, 130), 0.35),
    )
    field = c.ridge(600, 12, waves=2)
    c.fill_below(field, (116, 150, 82))
    for _ in range(c.rng.randint(4, 6)):
        x, width = c.rng.uniform(-40, WIDTH - 200), c.rng.uniform(160, 280)
        y = c.at(field, x) + c.rng.uniform(10, 30)
        c.draw.rectangle((x, y - 50, x + width, y), (236, 240, 238))
        for arch in range(int(width // 40)):
            c.draw.chord(
                (x + arch * 40, y - 76, x + arch * 40 + 40, y - 26), 180, 360, (246, 248, 246)
            )
            c.draw.line([(x + arch * 40, y - 50), (x + arch * 40, y)], (200, 206, 204), width=2)
    colours = ((206, 52, 70), (240, 196, 60), (226, 120, 170), (150, 96, 196), (250, 250, 246))
    for row in range(7):
        top = 680 + row * 32
        colour = c.rng.choice(colours)
        band = [(x, top + 14 * math.sin(x / 300 + row * 0.3)) for x in range(-20, WIDTH + 40, 40)]
        c.draw.line(band, (96, 130, 70), width=30)
        for x, y in band[::1]:
            for _ in range(3):
                fx, fy = x + c.rng.uniform(-20, 20), y + c.rng.uniform(-8, 8)
                r = 4 + row * 0.8
                c.draw.ellipse((fx - r, fy - r, fx + r, fy + r), colour)


SCENES: dict[str, tuple[Scene, tuple[str, ...]]] = {
    "terraces": (terraces, ("morning", "noon", "mist")),
    "forest": (forest, ("morning", "mist", "noon")),
    "tea": (tea, ("morning", "noon")),
    "river": (river, ("morning", "noon", "evening")),
    "karst": (karst, ("mist", "morning", "evening")),
    "coast": (coast, ("noon", "evening", "morning")),
    "delta": (delta, ("noon", "morning", "evening")),
    "village": (village, ("morning", "evening", "noon")),
    "orchard": (orchard, ("noon", "morning")),
    "ban": (ban, ("mist", "morning")),
    "apiary": (apiary, ("morning", "noon")),
    "drying": (drying, ("noon", "morning")),
    "highland": (highland, ("morning", "noon")),
}


def landscape(
    *, kind: str, seed: str, size: tuple[int, int] = (WIDTH, HEIGHT), quality: int = 80
) -> bytes:
    """A JPEG of a landscape of this kind; the same kind and seed always give the same picture."""
    scene, skies = SCENES[kind]
    canvas = Canvas(random.Random(f"{kind}:{seed}"), skies=skies)
    scene(canvas)
    image = canvas.image if size == (WIDTH, HEIGHT) else canvas.image.resize(size, Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()
