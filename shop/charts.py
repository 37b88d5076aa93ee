"""Bar charts drawn on the server: the geometry of the SVG that templates/charts/ render.

Horizontal positions are percentages and vertical ones pixels, so a chart stretches to the
width of its card while its text keeps its size (a scaled viewBox would shrink the labels to
nothing on a phone). Every number leaves here as a string with a dot, whatever the language:
a template would write 12,5 in Vietnamese, which an SVG attribute does not read.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

Number = int | Decimal

# Pixels: room above the bars for their values, and below them for their labels.
_TOP = 20
_BOTTOM = 24


@dataclass(frozen=True)
class Point:
    """One bar: its short label, its value, the value written out in full, its tone (a CSS
    modifier: green, honey, amber, clay) and the label in words for the table read out."""

    label: str
    value: Number
    text: str
    tone: str = "green"
    description: str = ""

    @property
    def name(self) -> str:
        return self.description or self.label


@dataclass(frozen=True)
class Column:
    point: Point
    x: str
    centre: str
    width: str
    y: str
    height: str
    value_y: str
    short: str


@dataclass(frozen=True)
class Gridline:
    y: str
    label: str
    label_y: str


@dataclass
class ColumnChart:
    """Vertical bars over a few gridlines; `points` is also the table read out instead."""

    points: Sequence[Point]
    columns: list[Column] = field(default_factory=list)
    gridlines: list[Gridline] = field(default_factory=list)
    height: int = 0
    label_y: str = "0"
    show_values: bool = False

    @property
    def empty(self) -> bool:
        return not any(point.value for point in self.points)

    @property
    def dense(self) -> bool:
        """Too many bars for every label to fit a phone."""
        return len(self.points) > 8


def _f(number: float) -> str:
    return f"{number:.2f}".rstrip("0").rstrip(".")


def nice_step(top: Number, *, ticks: int = 3) -> Decimal:
    """A round step (1, 2, 2.5 or 5 times a power of ten) so that `ticks` steps reach `top`;
    whole numbers only, since counts and đồng have no fractions."""
    if top <= 0:
        return Decimal(1)
    raw = Decimal(top) / ticks
    power = Decimal(10) ** math.floor(math.log10(raw))
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        step = power * factor
        if step >= raw and step == step.to_integral_value():
            return step
    return max(Decimal(1), (raw).to_integral_value(rounding="ROUND_CEILING"))


def column_chart(
    *,
    points: Sequence[Point],
    height: int = 160,
    tick_format: Callable[[Number], str] | None = None,
    show_values: bool = False,
) -> ColumnChart:
    """The bars of `points` from left to right, scaled to a round top value, with gridlines
    labelled by `tick_format` (plain numbers by default)."""
    tick_format = tick_format or (lambda value: number_format(value, decimal_pos=0))
    chart = ColumnChart(points=points, height=height + _TOP + _BOTTOM, show_values=show_values)
    chart.label_y = _f(_TOP + height + 16)
    top_value = max((point.value for point in points), default=0)
    step = nice_step(top_value)
    steps = max(1, math.ceil(Decimal(top_value) / step)) if top_value > 0 else 3
    top = step * steps
    for index in range(steps + 1):
        y = _TOP + height - height * index / steps
        chart.gridlines.append(
            Gridline(y=_f(y), label=tick_format(step * index), label_y=_f(y - 4))
        )
    slot = 100 / max(len(points), 1)
    for index, point in enumerate(points):
        bar = float(Decimal(max(point.value, 0)) / top) * height if top else 0
        # A bar of a small but real value stays visible.
        bar = max(bar, 2) if point.value > 0 else 0
        chart.columns.append(
            Column(
                point=point,
                x=_f(slot * index + slot * 0.16),
                centre=_f(slot * index + slot / 2),
                width=_f(slot * 0.68),
                y=_f(_TOP + height - bar),
                height=_f(bar),
                value_y=_f(_TOP + height - bar - 5),
                short=tick_format(point.value) if point.value else "",
            )
        )
    return chart


@dataclass(frozen=True)
class Bar:
    point: Point
    name_y: str
    bar_y: str
    width: str
    title: str


@dataclass
class BarList:
    """Horizontal bars, one per line: the name and the value above a bar on a track."""

    points: Sequence[Point]
    bars: list[Bar] = field(default_factory=list)
    height: int = 0

    @property
    def empty(self) -> bool:
        return not any(point.value for point in self.points)


_ROW = 44


def bar_list(*, points: Sequence[Point], name_length: int = 34) -> BarList:
    """`points` from the top down, each bar's length its share of the largest value.

    Names longer than `name_length` characters are cut (the whole name stays in the bar's
    tooltip and in the table read out), so the value beside them still fits on a phone."""
    top = max((point.value for point in points), default=0)
    chart = BarList(points=points, height=_ROW * len(points))
    for index, point in enumerate(points):
        share = float(Decimal(point.value) / Decimal(top)) if top else 0
        label = point.label
        if len(label) > name_length:
            label = label[: name_length - 1].rstrip() + "…"
        chart.bars.append(
            Bar(
                point=Point(label, point.value, point.text, point.tone, point.name),
                name_y=_f(_ROW * index + 16),
                bar_y=_f(_ROW * index + 24),
                width=_f(max(share * 100, 0.8 if point.value else 0)),
                title=point.label,
            )
        )
    return chart


def dong_short(value: Number) -> str:
    """Đồng written short for an axis: 850 nghìn, 1,5 tr (850k, 1.5M in English)."""
    value = Decimal(value)
    if abs(value) >= 1_000_000:
        amount = (value / 1_000_000).quantize(Decimal("0.1")).normalize()
        decimals = 1 if amount != amount.to_integral_value() else 0
        return _("%(amount)s M") % {"amount": number_format(amount, decimal_pos=decimals)}
    if abs(value) >= 1_000:
        amount = (value / 1_000).to_integral_value()
        return _("%(amount)s k") % {"amount": number_format(amount, decimal_pos=0)}
    return number_format(value, decimal_pos=0)


__all__ = [
    "Bar",
    "BarList",
    "Column",
    "ColumnChart",
    "Gridline",
    "Point",
    "bar_list",
    "column_chart",
    "dong_short",
    "nice_step",
]
