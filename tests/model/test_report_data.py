"""The parsed-report cache format: a Report as data, read back only when every value is one the model knows."""

from __future__ import annotations

import json
from typing import Any

import pytest

from jcviewer.model.report import Report
from jcviewer.model.report_data import ReportDataError, report_from_json, report_to_json

# Where each vocabulary of the model sits in the bundled report's data, as a path of keys and indexes.
VOCABULARY_FIELDS = {
    "section kind": ("sections", 1, "kind"),
    "paragraph kind": ("sections", 1, "paragraphs", 0, "kind"),
    "banner position": ("banners", 0, "position"),
    "banner paragraph kind": ("banners", 0, "paragraph", "kind"),
    "metric qualifier": ("metrics", 0, "qualifier"),
    "metric period": ("metrics", 0, "period"),
    "enumeration kind": ("enumerations", 0, "kind"),
    "warning code": ("warnings", 0, "code"),
}


def _set(data: Any, path: tuple[str | int, ...], value: object) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def test_a_report_reads_back_equal(bundled: Report) -> None:
    assert report_from_json(report_to_json(bundled)) == bundled


@pytest.mark.parametrize("field", VOCABULARY_FIELDS)
@pytest.mark.parametrize("value", ["unknown", "Body", ""])
def test_a_value_outside_a_vocabulary_is_refused(bundled: Report, field: str, value: str) -> None:
    data = json.loads(report_to_json(bundled))
    path = VOCABULARY_FIELDS[field]
    _set(data["report"], path, value)
    with pytest.raises(ReportDataError, match=rf"\.{path[-1]}: '{value}' is not one of"):
        report_from_json(json.dumps(data, ensure_ascii=False))


def test_every_value_of_a_vocabulary_is_read(bundled: Report) -> None:
    data = json.loads(report_to_json(bundled))
    _set(data["report"], VOCABULARY_FIELDS["metric qualifier"], "range")
    _set(data["report"], VOCABULARY_FIELDS["metric period"], None)
    _set(data["report"], VOCABULARY_FIELDS["banner position"], "bottom")
    report = report_from_json(json.dumps(data, ensure_ascii=False))
    assert (report.metrics[0].qualifier, report.metrics[0].period) == ("range", None)
    assert report.banners[0].position == "bottom"
