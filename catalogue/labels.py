"""QR labels for trace codes: one PNG per code, or an A4 sheet of labels as a PDF.

The sheet is drawn with Pillow (already a dependency) at 300 dpi in black and white and saved
with Pillow's PDF writer, which stores such pages losslessly (CCITT G4): QR modules stay sharp
when printed and no PDF library is needed.
"""

import math
from dataclasses import dataclass
from functools import cache
from io import BytesIO

import segno
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from catalogue.models import Batch, Product

# A4 at 300 dpi, in pixels; labels 3 across and 6 down, each about 64 x 45 mm.
DPI = 300
PAGE_SIZE = (2480, 3508)
MARGIN = 118  # 10 mm
COLUMNS, ROWS = 3, 6
LABELS_PER_PAGE = COLUMNS * ROWS
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


@dataclass(frozen=True)
class Label:
    """What one printed label carries."""

    url: str
    code: str
    title: str
    batch_line: str = ""


def qr_code(url: str) -> segno.QRCode:
    # Level M survives a scuffed or slightly wet label; the URL stays short enough for a
    # small symbol at that level.
    return segno.make(url, error="m", micro=False)


def qr_png(*, url: str, scale: int = 10) -> bytes:
    """A PNG of the QR code for a URL, with the quiet zone scanners need."""
    buffer = BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


@cache
def _font(size: int, *, bold: bool = False, mono: bool = False) -> ImageFont.ImageFont:
    # DejaVu has every Vietnamese letter; Pillow's own font is the fallback where it is missing.
    if mono:
        name = "DejaVuSansMono-Bold.ttf"
    else:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(FONT_DIR + name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while lines[-1] and draw.textlength(lines[-1] + "…", font=font) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] = lines[-1].rstrip() + "…"
    return lines


def _qr_image(url: str, size: int) -> Image.Image:
    qr = qr_code(url)
    modules = qr.symbol_size(scale=1, border=2)[0]
    scale = max(1, size // modules)
    image = Image.open(BytesIO(_png(qr, scale=scale))).convert("1")
    return image


def _png(qr: segno.QRCode, *, scale: int) -> bytes:
    buffer = BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def _draw_label(page: Image.Image, label: Label, box: tuple[int, int, int, int]) -> None:
    left, top, right, bottom = box
    draw = ImageDraw.Draw(page)
    # A thin cutting guide around each label.
    draw.rectangle(box, outline=0, width=2)
    pad = 24
    qr_size = min(bottom - top - 2 * pad, (right - left) // 2)
    qr = _qr_image(label.url, qr_size)
    page.paste(qr, (left + pad, top + (bottom - top - qr.height) // 2))

    x = left + pad + qr.width + pad
    width = right - x - pad
    y = top + pad + 8
    title_font = _font(34, bold=True)
    for line in _wrap(draw, label.title, title_font, width, max_lines=4):
        draw.text((x, y), line, font=title_font, fill=0)
        y += 42
    y += 14
    code_font = _font(46, mono=True)
    draw.text((x, y), label.code, font=code_font, fill=0)
    y += 62
    if label.batch_line:
        small = _font(28)
        # One part a line (batch, production, expiry), so a date never breaks in two.
        for part in label.batch_line.split(" · "):
            for line in _wrap(draw, part, small, width, max_lines=1):
                draw.text((x, y), line, font=small, fill=0)
                y += 36


def label_sheet_pdf(*, labels: list[Label]) -> bytes:
    """An A4 PDF, 18 labels a page, as many pages as the labels need (one at least)."""
    cell_width = (PAGE_SIZE[0] - 2 * MARGIN) // COLUMNS
    cell_height = (PAGE_SIZE[1] - 2 * MARGIN) // ROWS
    pages = []
    for page_index in range(max(1, math.ceil(len(labels) / LABELS_PER_PAGE))):
        page = Image.new("1", PAGE_SIZE, 1)
        chunk = labels[page_index * LABELS_PER_PAGE : (page_index + 1) * LABELS_PER_PAGE]
        for index, label in enumerate(chunk):
            column, row = index % COLUMNS, index // COLUMNS
            left = MARGIN + column * cell_width
            top = MARGIN + row * cell_height
            _draw_label(page, label, (left, top, left + cell_width, top + cell_height))
        pages.append(page)
    buffer = BytesIO()
    pages[0].save(
        buffer, "PDF", resolution=DPI, save_all=True, append_images=pages[1:], title="OCOP labels"
    )
    return buffer.getvalue()


def label_for_product(*, product: Product, code: str, url: str) -> Label:
    return Label(url=url, code=code, title=product.get_title())


def label_for_batch(*, batch: Batch, code: str, url: str) -> Label:
    parts = [
        _("Batch %(number)s") % {"number": batch.number},
        _("MFG %(day)s") % {"day": f"{batch.produced_on:%d/%m/%Y}"},
    ]
    if batch.expires_on:
        parts.append(_("EXP %(day)s") % {"day": f"{batch.expires_on:%d/%m/%Y}"})
    return Label(
        url=url,
        code=code,
        title=batch.product.get_title(),
        batch_line=" · ".join(parts),
    )
