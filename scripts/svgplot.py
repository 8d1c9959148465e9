"""A small SVG line-chart writer (Python standard library only) for the benchmark report."""
import math
from xml.sax.saxutils import escape

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f",
           "#bcbd22"]


def _nice_linear_ticks(lo, hi, count=6):
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / count
    step = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if step * m >= raw:
            step *= m
            break
    first = math.ceil(lo / step) * step
    ticks = []
    t = first
    while t <= hi + step * 1e-9:
        ticks.append(round(t, 10))
        t += step
    return ticks


def _log_ticks(lo, hi, base):
    ticks = []
    e = math.floor(math.log(lo, base) + 1e-9)
    while base ** e <= hi * (1 + 1e-9):
        if base ** e >= lo * (1 - 1e-9):
            ticks.append(base ** e)
        e += 1
    return ticks


def line_chart(path, title, series, x_label, y_label, x_log=None, y_log=None, x_format=str, y_format=None,
               width=760, height=440, y_min=None):
    """series: list of dicts {name, points: [(x, y)], dash: bool}. x_log / y_log: log base or None."""
    left, right, top, bottom = 78, 190, 40, 58
    plot_w, plot_h = width - left - right, height - top - bottom
    xs = [x for s in series for x, y in s["points"] if y is not None]
    ys = [y for s in series for x, y in s["points"] if y is not None]
    if not xs:
        xs, ys = [1, 2], [1, 2]
    x_lo, x_hi = min(xs), max(xs)
    y_lo, y_hi = min(ys), max(ys)
    if y_log:
        y_lo, y_hi = y_log ** math.floor(math.log(y_lo, y_log)), y_log ** math.ceil(math.log(y_hi, y_log))
    else:
        y_lo = 0 if y_min is None else y_min
        y_hi = y_hi * 1.08 if y_hi > 0 else 1
    if x_lo == x_hi:
        x_hi = x_lo * 2 if x_log else x_lo + 1

    def tx(x):
        if x_log:
            f = (math.log(x) - math.log(x_lo)) / (math.log(x_hi) - math.log(x_lo))
        else:
            f = (x - x_lo) / (x_hi - x_lo)
        return left + f * plot_w

    def ty(y):
        if y_log:
            f = (math.log(y) - math.log(y_lo)) / (math.log(y_hi) - math.log(y_lo))
        else:
            f = (y - y_lo) / (y_hi - y_lo)
        return top + plot_h - f * plot_h

    y_format = y_format or (lambda v: f"{v:g}")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="15">{escape(title)}</text>']
    # grid and ticks
    x_ticks = _log_ticks(x_lo, x_hi, x_log) if x_log else _nice_linear_ticks(x_lo, x_hi)
    y_ticks = _log_ticks(y_lo, y_hi, y_log) if y_log else _nice_linear_ticks(y_lo, y_hi)
    for t in x_ticks:
        X = tx(t)
        out.append(f'<line x1="{X:.1f}" y1="{top}" x2="{X:.1f}" y2="{top + plot_h}" stroke="#e4e4e4"/>')
        out.append(f'<text x="{X:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{escape(x_format(t))}</text>')
    for t in y_ticks:
        Y = ty(t)
        out.append(f'<line x1="{left}" y1="{Y:.1f}" x2="{left + plot_w}" y2="{Y:.1f}" stroke="#e4e4e4"/>')
        out.append(f'<text x="{left - 6}" y="{Y + 4:.1f}" text-anchor="end">{escape(y_format(t))}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#444"/>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 14}" text-anchor="middle">{escape(x_label)}</text>')
    out.append(f'<text transform="translate(18 {top + plot_h / 2}) rotate(-90)" text-anchor="middle">'
               f'{escape(y_label)}</text>')
    # series
    for i, s in enumerate(series):
        color = s.get("color") or PALETTE[i % len(PALETTE)]
        pts = [(tx(x), ty(y)) for x, y in s["points"] if y is not None and (not y_log or y > 0)]
        if not pts:
            continue
        dash = ' stroke-dasharray="7 4"' if s.get("dash") else ""
        d = " ".join(f"{'M' if j == 0 else 'L'}{x:.1f},{y:.1f}" for j, (x, y) in enumerate(pts))
        out.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        for x, y in pts:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{color}"/>')
        ly = top + 10 + i * 18
        lx = left + plot_w + 14
        out.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 24}" y2="{ly}" stroke="{color}" stroke-width="2"{dash}/>')
        out.append(f'<text x="{lx + 30}" y="{ly + 4}">{escape(s["name"])}</text>')
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
