"""Search benchmark: jcviewer's index beside a plain substring scan, Whoosh + jieba and SQLite FTS5 (trigram).

Run by hand: ``pip install whoosh && python bench/bench_search.py [COPIES ...]`` (default: 1 100 1000). Each copy
of the bundled report is a distinct set of documents (its paragraphs and headings) with every number varied, so
number queries hit some copies and not others. For each corpus and engine, in the same run: build time,
memory, query latency (median and p95 over every query, each run 3 times) and recall against the substring scan
(numbers as whole numbers). Prints Markdown tables for docs/performance.md.
"""

from __future__ import annotations

import gc
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jcviewer.model.parse import load_report  # noqa: E402
from jcviewer.model.search.index import Document, SearchIndex  # noqa: E402
from jcviewer.model.search.query import parse_query  # noqa: E402
from jcviewer.model.search.report_search import ReportSearch, snippet  # noqa: E402
from jcviewer.model.search.text import normalise  # noqa: E402
from jcviewer.model.vocabulary import default_synonyms  # noqa: E402
from jcviewer.resources import bundled_report  # noqa: E402

WORDS = [
    "乡村振兴",
    "营商环境",
    "高质量发展",
    "项目建设",
    "产业转型",
    "招商引资",
    "民营经济",
    "城市更新",
    "共同富裕",
    "人居环境",
    "四创战略",
    "四张名片",
    "开发区",
    "庞泉酒",
    "刘大鹏",
    "安志远",
    "交城县",
    "经济工作会议",
    "稳中求进",
    "科技创新",
    "基础设施",
    "公共服务",
    "战略性新兴产业",
    "固投",
    "GDP",
    "规上",
]
TWO_CHARACTER = ["发展", "项目", "产业", "企业", "投资", "工作", "全面", "推进", "乡村", "城乡", "民生", "改革"]
NUMBERS = ["6.5%", "22.8", "103亿元", "2024年", "2023", "93.5%", "85%", "4552万元", "31个", "10%以上", "8.5"]
ABSENT = ["量子计算", "火星基地", "区块链", "人工智能", "元宇宙", "冰雪运动"]
SEVERAL = ["乡村 振兴", "项目 投资", "发展 民生", '"稳中求进"', "营商 环境 优化"]
QUERIES = WORDS + TWO_CHARACTER + NUMBERS + ABSENT + SEVERAL
RUNS = 3
TOP = 20


def corpus(copies: int) -> list[Document]:
    """The bundled report's paragraphs and headings as the window indexes them (headings weighted, headings and
    list items' titles marked as titles), ``copies`` times, numbers varied (digit for digit) in every copy but the
    first."""
    search = ReportSearch(load_report(bundled_report()))
    rng = random.Random(2024)
    documents = []
    for copy in range(copies):

        def vary(match: re.Match[str]) -> str:
            return "".join(str(rng.randrange(10)) if c.isdigit() else c for c in match.group())

        for document in search.index.documents:
            text = document.text if copy == 0 else re.sub(r"\d+(?:\.\d+)?", vary, document.text)
            documents.append(replace(document, key=f"{copy}:{document.key}", text=text))
    return documents


# --- engines: each returns (build, search_top, matching_keys) ---------------------------------------------------
Engine = tuple[Callable[[], None], Callable[[str], object], Callable[[str], set[str]]]


def scan_engine(documents: list[Document]) -> Engine:
    """Plain substring scan of every normalised document (numbers as whole numbers); finds, does not rank."""
    pairs: list[tuple[str, str]] = []

    def build() -> None:
        pairs.extend((d.key, normalise(d.text)) for d in documents)

    def whole_number(term: str) -> re.Pattern[str] | None:
        if not (term[0].isdigit() or term[-1].isdigit()):
            return None
        text = re.escape(term)
        if term[0].isdigit():
            text = r"(?<![0-9])(?<![0-9]\.)" + text
        if term[-1].isdigit():
            text += r"(?![0-9])(?!\.[0-9])"
        return re.compile(text)

    def matching(query: str) -> set[str]:
        keys: set[str] | None = None
        for term in parse_query(query).terms:
            number = whole_number(term.text)
            found = {key for key, text in pairs if term.text in text and (number is None or number.search(text))}
            keys = found if keys is None else keys & found
        return keys or set()

    return build, matching, matching


def jcviewer_engine(documents: list[Document]) -> Engine:
    state: dict[str, SearchIndex] = {}

    def build() -> None:
        state["index"] = SearchIndex(documents, default_synonyms())

    def top(query: str) -> object:
        results = state["index"].search(query, TOP)
        texts = state["index"].documents
        by_key = {hit.key: hit for hit in results.hits}
        return [snippet(d.text, by_key[d.key].best, by_key[d.key].spans) for d in texts if d.key in by_key]

    def matching(query: str) -> set[str]:
        return {hit.key for hit in state["index"].search(query, None).hits}

    return build, top, matching


def whoosh_engine(documents: list[Document]) -> Engine | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import jieba
            from jieba.analyse import ChineseAnalyzer
            from whoosh.fields import ID, TEXT, Schema
            from whoosh.filedb.filestore import RamStorage
            from whoosh.qparser import QueryParser
    except ImportError:
        return None
    jieba.setLogLevel(30)
    state: dict[str, object] = {}

    def build() -> None:
        schema = Schema(key=ID(stored=True), content=TEXT(analyzer=ChineseAnalyzer()))
        index = RamStorage().create_index(schema)
        writer = index.writer()
        for document in documents:
            writer.add_document(key=document.key, content=document.text)
        writer.commit()
        state.update(index=index, searcher=index.searcher(), parser=QueryParser("content", schema))

    def run(query: str, limit: int | None) -> set[str]:
        parsed = state["parser"].parse(query)  # type: ignore[attr-defined]
        return {hit["key"] for hit in state["searcher"].search(parsed, limit=limit)}  # type: ignore[attr-defined]

    return build, lambda q: run(q, TOP), lambda q: run(q, None)


def sqlite_engine(documents: list[Document]) -> Engine:
    state: dict[str, sqlite3.Connection] = {}

    def build() -> None:
        connection = sqlite3.connect(":memory:")
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(key UNINDEXED, content, tokenize='trigram')")
        connection.executemany("INSERT INTO t VALUES (?, ?)", [(d.key, normalise(d.text)) for d in documents])
        connection.commit()
        state["db"] = connection

    def where(query: str) -> tuple[str, list[str]]:
        clauses, values = [], []
        for term in parse_query(query).terms:
            if len(term.text) >= 3:  # the trigram index answers MATCH for 3+ characters; shorter terms scan
                clauses.append("t MATCH ?")
                values.append('"' + term.text.replace('"', '""') + '"')
            else:  # LIKE finds nothing here for 1-2 CJK characters: scan with instr()
                clauses.append("instr(content, ?) > 0")
                values.append(term.text)
        return " AND ".join(clauses) or "0", values

    def top(query: str) -> object:
        clause, values = where(query)
        return state["db"].execute(f"SELECT key FROM t WHERE {clause} ORDER BY rank LIMIT {TOP}", values).fetchall()

    def matching(query: str) -> set[str]:
        clause, values = where(query)
        return {row[0] for row in state["db"].execute(f"SELECT key FROM t WHERE {clause}", values)}

    return build, top, matching


# --- measuring --------------------------------------------------------------------------------------------------
def measure(name: str, engine: Engine, reference: dict[str, set[str]]) -> dict[str, object]:
    build, top, matching = engine
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    build()
    built = time.perf_counter() - start
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    times = []
    for _ in range(RUNS):
        for query in QUERIES:
            start = time.perf_counter()
            top(query)
            times.append(time.perf_counter() - start)
    times.sort()
    wanted = sum(len(keys) for keys in reference.values())
    recalled = sum(len(reference[q] & matching(q)) for q in QUERIES)
    return {
        "engine": name,
        "build": built,
        "memory": memory,
        "median": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "worst": times[-1],
        "recall": recalled / wanted if wanted else 1.0,
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 100, 1000]
    print(
        f"{len(QUERIES)} queries: {len(WORDS)} words and abbreviations, {len(TWO_CHARACTER)} two-character words, "
        f"{len(NUMBERS)} numbers, {len(ABSENT)} absent words, {len(SEVERAL)} several words or a phrase; "
        f"each run {RUNS}×; top {TOP} results (with snippets for jcviewer)\n"
    )
    print("| corpus | engine | build | memory | median | p95 | worst | recall |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for copies in sizes:
        documents = corpus(copies)
        characters = sum(len(d.text) for d in documents)
        label = f"{copies}× ({len(documents)} docs, {characters / 1e6:.3g} M chars)"
        scan = scan_engine(documents)
        scan[0]()
        reference = {q: scan[2](q) for q in QUERIES}
        engines = [
            ("substring scan", scan),
            ("jcviewer", jcviewer_engine(documents)),
            ("Whoosh + jieba", whoosh_engine(documents)),
            ("SQLite FTS5 trigram", sqlite_engine(documents)),
        ]
        for name, engine in engines:
            if engine is None:
                print(f"| {label} | {name} | not installed (pip install whoosh) | | | | | |")
                continue
            row = measure(name, engine, reference)
            print(
                f"| {label} | {name} | {row['build'] * 1000:.0f} ms | {row['memory'] / 1e6:.1f} MB "
                f"| {row['median'] * 1000:.2f} ms | {row['p95'] * 1000:.2f} ms | {row['worst'] * 1000:.1f} ms "
                f"| {row['recall'] * 100:.1f}% |",
                flush=True,
            )


if __name__ == "__main__":
    tempfile.tempdir = tempfile.gettempdir()
    main()
