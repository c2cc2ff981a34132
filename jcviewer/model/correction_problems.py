"""Which of a report's corrections could not be applied, grouped by where they come from (Qt-free).

A report's warnings say that a sidecar or a store file could not be read (``sidecar_ignored``,
``corrections_ignored``) and which corrections match nothing (``correction_stale``), but not whose corrections
those are: the sidecar next to the report or the store in the user's data folder. ``correction_problems`` tells
them apart, for the window to say which file is at fault. ``has_problems`` is cheap to import and to call (the
window asks it of every report it shows); the corrections format and the store load only when there are
problems to tell apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from jcviewer.model.report import Report
from jcviewer.model.sources import sidecar_path

if TYPE_CHECKING:
    from jcviewer.model.corrections import Corrections

PROBLEM_CODES = ("sidecar_ignored", "corrections_ignored", "correction_stale")
_PREFIXES = ("outline sidecar ignored: ", "stored corrections ignored: ", "correction ignored: ")


@dataclass(frozen=True)
class Problem:
    """What is wrong with one source of a report's corrections."""

    source: Literal["sidecar", "store"]
    file: Path  # the sidecar, or the store folder
    reasons: tuple[str, ...]  # one line each
    stale: bool = False  # some are corrections that no longer apply (the report changed)
    matches_nothing: bool = False  # none of its corrections matches this report: it may be another report's


def has_problems(report: Report) -> bool:
    """Whether some of ``report``'s corrections could not be applied (cheap: its warnings only)."""
    return any(warning.code in PROBLEM_CODES for warning in report.warnings)


def _reason(message: str) -> str:
    return next((message.removeprefix(p) for p in _PREFIXES if message.startswith(p)), message)


def correction_problems(report: Report, path: Path, data: bytes, store: Path | None) -> list[Problem]:
    """The problems with the corrections of ``report``, read from ``path`` holding ``data`` with its sidecar
    and the corrections in ``store``: the sidecar's first, then the store's; none when all applied."""
    if not has_problems(report):
        return []
    from jcviewer.model.correction_store import read_sidecar
    from jcviewer.model.corrections import CorrectionsError

    side = sidecar_path(path)
    try:
        sidecar: Corrections | None = read_sidecar(side) if side.exists() else None
    except CorrectionsError:
        sidecar = None  # its warning says why
    stored = _stored(store, data, path)
    stale = [w.message for w in report.warnings if w.code == "correction_stale"]
    from_sidecar: list[str] = []
    if stale and sidecar:
        from_sidecar = stale if not stored else _sidecars_own(report, path, data, sidecar, stored, stale)
    from_store = [message for message in stale if message not in from_sidecar]
    ignored = [w.message for w in report.warnings if w.code == "sidecar_ignored"]
    problems = []
    if side.exists() and (ignored or from_sidecar):
        matches_nothing = sidecar is not None and _all_stale(sidecar, len(from_sidecar), bool(ignored))
        problems.append(
            Problem("sidecar", side, tuple(map(_reason, ignored + from_sidecar)), bool(from_sidecar), matches_nothing)
        )
        ignored = []
    unreadable = [w.message for w in report.warnings if w.code == "corrections_ignored"]
    if store is not None and (unreadable or ignored or from_store):
        reasons = tuple(map(_reason, unreadable + ignored + from_store))
        problems.append(Problem("store", store, reasons, bool(from_store)))
    return problems


def _stored(store: Path | None, data: bytes, path: Path) -> Corrections:
    """The corrections stored for the report (none when unreadable: its warning says why)."""
    from jcviewer.model.correction_store import report_key, stored_corrections
    from jcviewer.model.corrections import Corrections, CorrectionsError

    try:
        return Corrections() if store is None else stored_corrections(store, report_key(data), path)
    except CorrectionsError:
        return Corrections()


def _sidecars_own(
    report: Report, path: Path, data: bytes, sidecar: Corrections, stored: Corrections, stale: list[str]
) -> list[str]:
    """Those of the ``stale`` messages of ``report`` that its sidecar's corrections cause. When no correction
    changes the page structure, the sidecar's are applied again to the report as shown (applying is
    idempotent, so each stale one says so again); otherwise the report is parsed once more with the sidecar
    only."""
    from jcviewer.model.corrections import apply

    if not (sidecar.restructures or stored.restructures):
        alone = apply(replace(report, warnings=()), sidecar).warnings
    else:
        from jcviewer.model.parse import load_report  # the parser imports the store, which this module imports

        alone = load_report(path, data=data).warnings
    messages = {warning.message for warning in alone if warning.code == "correction_stale"}
    return [message for message in stale if message in messages]


def _all_stale(sidecar: Corrections, stale: int, sections_ignored: bool) -> bool:
    """Whether none of a sidecar's corrections applied: one stale warning per anchor (``corrections.apply``),
    and its headings, when it has some, ignored."""
    from jcviewer.model.corrections import anchor

    anchors = {anchor(fix) for fix in sidecar.fixes()}
    return bool(anchors) and stale >= len(anchors) and (sections_ignored or not sidecar.sections)
