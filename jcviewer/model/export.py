"""The documented JSON schema (docs/json-schema.md) and the readable text outline of a Report."""

from __future__ import annotations

from typing import Any

from jcviewer.model.report import FALL_MEASURES, Box, Metric, Qualifier, Report, Section

SCHEMA_VERSION = 4

QUALIFIER_SIGNS: dict[Qualifier, str] = {
    "about": "≈",
    "at_least": "≥",
    "at_most": "≤",
    "exact": "",
    "range": "",
    "qualitative": "",
}


def _boxes(boxes: tuple[Box, ...]) -> list[dict[str, Any]]:
    return [{"page": b.page, "rect": [b.x0, b.y0, b.x1, b.y1], "start": b.start} for b in boxes]


def _section(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.title,
        "subtitle": section.subtitle,
        "kind": section.kind,
        "boxes": _boxes(section.boxes),
        "paragraphs": [
            {"id": p.id, "text": p.text, "lines": list(p.lines), "boxes": _boxes(p.boxes)} for p in section.paragraphs
        ],
        "children": [_section(child) for child in section.children],
    }


def _metric(metric: Metric) -> dict[str, Any]:
    return {
        "indicator": metric.indicator,
        "original": metric.original,
        "measure": metric.measure,
        "label": metric.label,
        "value": metric.value,
        "value_max": metric.value_max,
        "unit": metric.unit,
        "qualifier": metric.qualifier,
        "period": metric.period,
        "year": metric.year,
        "expression": metric.expression,
        "text": metric.text,
        "paragraph": metric.paragraph,
        "span": list(metric.span),
        "estimate": metric.estimate,
    }


def to_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, in the documented, stable schema."""
    return {
        "schema": SCHEMA_VERSION,
        "title": report.title,
        "source": report.source,
        "year": report.year,
        "pages": [list(size) for size in report.pages],
        "sections": [_section(section) for section in report.sections],
        "banners": [{"id": b.paragraph.id, "text": b.paragraph.text, "position": b.position} for b in report.banners],
        "captions": [
            {"id": c.paragraph.id, "text": c.paragraph.text, "printed_twice": c.printed_twice} for c in report.captions
        ],
        "quotes": [
            {"speaker": q.speaker, "role": q.role, "text": q.text, "paragraph": q.paragraph, "span": list(q.span)}
            for q in report.quotes
        ],
        "metrics": [_metric(m) for m in report.metrics],
        "enumerations": [
            {
                "paragraph": e.paragraph,
                "kind": e.kind,
                "items": [
                    {"ordinal": i.ordinal, "marker": i.marker, "title": i.title, "text": i.text, "span": list(i.span)}
                    for i in e.items
                ],
            }
            for e in report.enumerations
        ],
        "terms": list(report.terms),
        "warnings": [
            {"code": w.code, "message": w.message, "paragraph": w.paragraph, "line": w.line} for w in report.warnings
        ],
    }


def shown_numbers(metric: Metric) -> tuple[float, float | None]:
    """The value (and range end) to show beside the metric's label: the size of a fall when the label names the
    fall ("社零额下降" 1.2, never 下降-1.2), else the signed value. The metric has a number."""
    assert metric.value is not None
    if metric.measure in FALL_MEASURES and metric.label.endswith(metric.measure):
        if metric.value_max is None:
            return -metric.value, None
        return -metric.value_max, -metric.value
    return metric.value, metric.value_max


def format_value(metric: Metric) -> str:
    """A metric's value for display beside its label: "≈6%", "≥10%", "103亿元", "完成市定要求"; a fall named
    by the label shows its size ("下降" "3.3%")."""
    if metric.value is None:
        return metric.expression
    value, value_max = shown_numbers(metric)
    number = f"{value:g}"
    if value_max is not None:
        number += f"–{value_max:g}"
    return QUALIFIER_SIGNS[metric.qualifier] + number + metric.unit


def _preview(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_text(report: Report) -> str:
    """A readable outline: sections with paragraph previews, then quotes, lists, targets and results."""
    lines = [report.title, f"来源 {report.source}" if report.source else ""]

    def add_section(section: Section, depth: int) -> None:
        heading = section.title + (f" —— {section.subtitle}" if section.subtitle else "")
        lines.append(f"{'  ' * depth}[{section.id}] {heading}")
        for paragraph in section.paragraphs:
            if paragraph.text != section.title:
                lines.append(f"{'  ' * depth}  {paragraph.id}  {_preview(paragraph.text)}")
        for child in section.children:
            add_section(child, depth + 1)

    lines.append("")
    for section in report.sections:
        add_section(section, 0)
    if report.quotes:
        lines += ["", "引语"]
        lines += [f"  {q.speaker}（{q.role}）[{q.paragraph}]  “{_preview(q.text, 36)}”" for q in report.quotes]
    for enumeration in report.enumerations:
        lines += ["", f"列举 [{enumeration.paragraph}]"]
        lines += [f"  {item.ordinal}. {item.title}" for item in enumeration.items]
    for period, heading in (("target", "目标"), ("result", "成绩")):
        chosen = [m for m in report.metrics if m.period == period]
        if chosen:
            year = chosen[0].year
            lines += ["", f"{year}年{heading}" if year else heading]
            lines += [f"  {m.label}  {format_value(m)}  [{m.paragraph}]" for m in chosen]
    if report.terms:
        lines += ["", "热词  " + "、".join(report.terms)]
    return "\n".join(lines).strip("\n") + "\n"
