"""Library benchmark: import 500 reports, the catalogue's size, search across them through the index and by the
plain scan.

Run by hand: ``python bench/bench_library.py [REPORTS] [PLAIN]``. Makes REPORTS (default 500) distinct reports —
the corpus's ``.layout.txt`` and ``.clean.txt`` (when the corpus is there), the bundled report and generated
pages of one county (``tests/genre.py``) with seeds and targets varied, each repeat's years shifted and a line of
its own added, so every text is another report — and adds them to a new library in a temporary folder, parsing
in this process, then in a worker process a core (goal ≤ 10 s), and reports its size on disk; then times a mixed
set of queries (2-character words, rare words, numbers, several words, phrases, synonyms, words found nowhere)
through the index (p50/p95; goal p95 ≤ 10 ms), the index's first build, and the plain scan (each report parsed
and searched with ReportSearch) over PLAIN reports (default 50), extrapolated to all of them.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus.scoring import corpus_dir  # noqa: E402
from genre import crowded_page, wenshui_page  # noqa: E402

from jcviewer.model.library import Catalogue  # noqa: E402
from jcviewer.model.library.search import library_search, plain_search  # noqa: E402
from jcviewer.model.vocabulary import default_synonyms  # noqa: E402
from jcviewer.resources import bundled_report  # noqa: E402

_YEAR = re.compile(r"20[12]\d")


def _originals() -> list[tuple[str, str]]:
    """The texts repeated: the corpus (both extractions), the bundled report, a crowded generated page."""
    texts = []
    corpus = corpus_dir()
    if corpus is not None:
        texts += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]
    texts.append(("bundled", bundled_report().read_text(encoding="utf-8")))
    texts.append(("crowded", crowded_page(seed=1).text()))
    return texts


def reports(count: int) -> Iterator[tuple[str, str]]:
    """``count`` distinct reports: every third a generated page of its own seed and targets, the others the
    originals in turn, each repeat with its years moved back and a line of its own."""
    originals = _originals()
    rng = random.Random(500)
    made = 0
    for number in range(count):
        if number % 3 == 2:
            gdp = round(rng.uniform(3.5, 8.5), 1)
            yield f"genre-{number}.txt", wenshui_page(number, gdp=gdp, investment=round(gdp * 1.6, 1)).text()
            continue
        name, text = originals[made % len(originals)]
        shift = made // len(originals)
        made += 1
        moved = _YEAR.sub(lambda m, back=shift: str(int(m.group()) - back), text) if shift else text
        yield f"{name}-{number}.txt", f"{moved.rstrip()}\n\n（资料编号：{number}）\n"


def queries(texts: list[str], count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` queries of each kind, drawn from the texts: (kind, query)."""
    joined = "\n".join(texts)
    runs = re.findall(r"[\u4e00-\u9fff]{2,}", joined)
    words: dict[str, int] = {}
    for run in runs:
        for start in range(len(run) - 1):
            words[run[start : start + 2]] = words.get(run[start : start + 2], 0) + 1
    common = sorted(words, key=words.__getitem__, reverse=True)[:200]
    rare = [w for w, n in words.items() if n <= 2] or common
    four = [run[:4] for run in runs if len(run) >= 4]
    numbers = sorted(set(re.findall(r"\d+(?:\.\d+)?%?", joined)))
    made: list[tuple[str, str]] = []
    for _ in range(count):
        made += [
            ("2-char word", rng.choice(common)),
            ("rare word", rng.choice(rare)),
            ("4-char word", rng.choice(four)),
            ("number", rng.choice(numbers)),
            ("several words", " ".join(rng.choice(common) for _ in range(rng.choice((2, 3))))),
            ("phrase", f'"{rng.choice(four)}"'),
            ("synonym", rng.choice(("GDP", "规上工业", "固投", "社零", "经济增长"))),
            ("no hit", rng.choice(("没有这样的话题", "qzqzqz", "火星基地建设", "98765.4321"))),
        ]
    rng.shuffle(made)
    return made


def _timed(call: Callable[[], object], cpu: list[float] | None = None) -> float:
    """Wall-clock milliseconds of ``call()``; its CPU milliseconds appended to ``cpu`` (what a busy machine's
    other processes do not add)."""
    start, used = time.perf_counter(), time.process_time()
    call()
    if cpu is not None:
        cpu.append((time.process_time() - used) * 1000)
    return (time.perf_counter() - start) * 1000


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    plain_count = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    synonyms = default_synonyms()
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        texts = list(reports(count))
        (folder / "in").mkdir()
        for name, text in texts:
            (folder / "in" / name).write_text(text, encoding="utf-8")
        paths = sorted((folder / "in").iterdir())
        print(f"{len(paths)} reports, {sum(len(t) for _, t in texts) / 1e6:.1f} M characters")

        workers = os.cpu_count() or 1
        for label, target, pool in (("one process", "sequential", 1), (f"{workers} worker processes", "lib", workers)):
            start = time.perf_counter()
            with Catalogue(folder / target) as library:
                library.add_files(paths, workers=pool)
                seconds = time.perf_counter() - start
                assert len(library.list()) == count, "every report is distinct"
            print(f"import, {label}: {seconds:.2f} s ({seconds / count * 1000:.1f} ms a report; goal ≤ 10 s)")
        database = sum(p.stat().st_size for p in (folder / "lib").glob("library.sqlite3*"))
        copies = _size(folder / "lib" / "texts")
        print(f"catalogue on disk: database {database / 1e6:.1f} MB, text copies {copies / 1e6:.1f} MB")

        rng = random.Random(15)
        mixed = queries([t for _, t in texts], 25, rng)
        with Catalogue(folder / "lib") as library:
            build = _timed(lambda: library_search(library, "经济", synonyms=synonyms))
            index = library.search_index()
            print(
                f"index: first build {build:.0f} ms (open + load rows + index), {index.documents} documents, "
                f"{index.nbytes / 1e6:.0f} MB of arrays"
            )
            by_kind: dict[str, list[float]] = {}
            every: list[float] = []
            cpu: list[float] = []
            for kind, query in mixed:
                elapsed = _timed(lambda q=query: library_search(library, q, 20, synonyms=synonyms), cpu)
                by_kind.setdefault(kind, []).append(elapsed)
                every.append(elapsed)
            print(f"index search, {len(every)} queries, limit 20: {_percentiles(every)} (goal p95 ≤ 10 ms)")
            print(f"  its CPU time: {_percentiles(cpu)}")
            for kind, times in by_kind.items():
                print(f"  {kind:<14} {_percentiles(times)}")

        with Catalogue(folder / "plain") as subset:
            for path in paths[:plain_count]:
                subset.add(path)
            sample = mixed[:40]
            scanned = [_timed(lambda q=query: plain_search(subset, q, 20, synonyms=synonyms)) for _, query in sample]
            indexed = [_timed(lambda q=query: library_search(subset, q, 20, synonyms=synonyms)) for _, query in sample]
            scale = count / plain_count
            print(
                f"plain scan over {plain_count} reports, {len(sample)} queries: {_percentiles(scanned)}; "
                f"extrapolated to {count}: p50 {statistics.median(scanned) * scale / 1000:.1f} s"
            )
            print(f"index over the same {plain_count} reports: {_percentiles(indexed)}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def _percentiles(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms, max {ordered[-1]:.2f} ms"


if __name__ == "__main__":
    main()
