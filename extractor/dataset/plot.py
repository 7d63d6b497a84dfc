"""`govfacts plot`: one indicator as a PNG, bars by region for one year or lines over the years.

Drawn with matplotlib's Agg canvas directly (no pyplot, no display needed).  A
region's value for a year is the first figure its report gives for the
indicator; figures in another unit than the most common one are left out, so
`%` and `个百分点` are never drawn on one axis.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractor.dataset.query import REGION_LEVELS, Filters, compare

# families with Chinese glyphs, the first one installed is used
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)


class PlotError(Exception):
    """Nothing to draw: no facts for the indicator under the filters."""


def plot(db_path: str | Path, indicator: str, out: str | Path, filters: Filters | None = None) -> dict:
    """Draw `indicator` into the PNG `out`; return what was drawn (series, unit, facts left out, font)."""
    filters = filters or Filters()
    records = compare(db_path, Filters([indicator], filters.years, filters.regions))
    if not records:
        raise PlotError(f"no facts for indicator {indicator!r} with these filters")
    unit = Counter(r["unit"] for r in records).most_common(1)[0][0]
    series = _series([r for r in records if r["unit"] == unit])
    title = f"{records[0]['indicator_name'] or indicator} ({unit or '—'})"
    font = _draw(series, title, Path(out))
    left_out = sum(r["unit"] != unit for r in records)
    return {"title": title, "unit": unit, "series": series, "left_out": left_out, "font": font}


def _series(records: list[dict]) -> dict[str, dict[int | None, float]]:
    """region label → year → the region's first value that year."""
    series: dict[str, dict[int | None, float]] = {}
    for r in records:
        label = (
            next((r[level] for level in reversed(REGION_LEVELS) if r[level]), None) or Path(r["path"]).stem
        )
        series.setdefault(label, {}).setdefault(r["year"], r["value"])
    return series


def _draw(series: dict[str, dict[int | None, float]], title: str, out: Path) -> str | None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    years = sorted({y for values in series.values() for y in values if y is not None})
    with _font() as font:
        figure = Figure(figsize=(9, 5), dpi=120, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        if any(len(values) > 1 for values in series.values()):  # a region seen in several years
            _lines(axes, series, years)
        else:
            _bars(axes, series, label_years=len(years) > 1)
        axes.set_title(title + (f" {years[0]}" if len(years) == 1 else ""))
        axes.grid(axis="y", alpha=0.3)
        out.parent.mkdir(parents=True, exist_ok=True)
        # no version stamp in the file: the same data gives the same bytes
        figure.savefig(out, format="png", metadata={"Software": None})
    return font


def _bars(axes, series: dict[str, dict[int | None, float]], label_years: bool) -> None:
    """One bar per region, highest first."""
    bars = []
    for label, values in series.items():
        [(year, value)] = values.items()
        bars.append((-value, f"{label}\n{year}" if label_years and year else label))
    bars.sort()
    drawn = axes.bar([label for _, label in bars], [-value for value, _ in bars], color="#3b6ea5")
    axes.bar_label(drawn, fmt="%g", padding=2)
    axes.tick_params(axis="x", labelrotation=30 if len(bars) > 6 else 0)


def _lines(axes, series: dict[str, dict[int | None, float]], years: list[int]) -> None:
    for label in sorted(series):
        points = sorted((y, v) for y, v in series[label].items() if y is not None)
        axes.plot([y for y, _ in points], [v for _, v in points], marker="o", label=label)
    axes.set_xticks(years, [str(y) for y in years])
    axes.legend(fontsize="small")


@contextmanager
def _font() -> Iterator[str | None]:
    """Draw with an installed Chinese font, if any (without one, Chinese labels show as boxes)."""
    import matplotlib
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    chosen = next((name for name in CJK_FONTS if name in installed), None)
    fonts = [chosen, "DejaVu Sans"] if chosen else ["DejaVu Sans"]
    with (
        matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": fonts}),
        warnings.catch_warnings(),
    ):
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield chosen
