"""Linearity on hostile input: texts that defeat the genre's assumptions (run by hand).

``python bench/bench_linearity.py`` parses each shape at n and 4n lines (best of three); a ratio near 4 is linear.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jcviewer.model.parse import parse_text  # noqa: E402

LINE = "交城县委经济工作会议增长发展项目建设乡村振兴营商"

SHAPES: dict[str, Callable[[int], str]] = {
    "no punctuation, one column": lambda n: "\n".join(LINE for _ in range(n)),
    # ends on a sentence at every size (n = 80000 once ended mid-sentence: a trailing heading, other work)
    "one endless paragraph": lambda n: "\n".join(LINE + ("。" if i % 7 == 0 or i == n - 1 else "") for i in range(n)),
    "column width changing every 5 lines": lambda n: "\n".join(
        (LINE if (i // 5) % 2 else LINE[:14]) + ("。" if i % 3 == 0 else "") for i in range(n)
    ),
    "one huge line": lambda n: LINE * n,
    "quotes everywhere": lambda n: "\n".join("“增长6%，好。”韩辉表示，" for _ in range(n)),
    "numbers everywhere": lambda n: "\n".join("增长6.5%左右，投入3亿元，" for _ in range(n)),
    "headings pushed to the end": lambda n: "\n".join(
        [("1月5日，" if i % 50 == 0 else "") + LINE + "增长。" for i in range(n)]
        + [""]
        + [f"发展项目{i}号 建设营商" if i % 2 else "" for i in range(n // 10)]
    ),
    "datelines everywhere": lambda n: "\n".join(f"{i % 12 + 1}月{i % 28 + 1}日，{LINE}。\n" for i in range(n)),
    "指标完成 repeated, one line": lambda n: "指标完成" * (2 * n) + "x",
    "预计 repeated, one line": lambda n: "预计" * (2 * n),
    "banners, one a line": lambda n: "\n\n".join(["全面提升城市品质"] * n),
    "a banner printed twice, then text": lambda n: (
        "全面提升城市品质全面提升城市品质\n\n" + "\n".join(LINE + "。" for _ in range(n))
    ),
}


def seconds(text: str, runs: int = 3) -> float:
    """The best of ``runs`` parses (the machine is shared: the minimum is the least disturbed)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        parse_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def peak_per_megabyte(text: str) -> float:
    """Peak memory the parse allocates (tracemalloc), per MB of input (UTF-8)."""
    tracemalloc.start()
    parse_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / len(text.encode("utf-8"))


def main(lines: int = 20_000) -> None:
    print(f"| shape | {lines} lines | {4 * lines} lines | ratio | memory per MB |")
    print("|---|---:|---:|---:|---:|")
    for name, make in SHAPES.items():
        small, large = seconds(make(lines)), seconds(make(4 * lines))
        memory = peak_per_megabyte(make(lines))
        print(f"| {name} | {small * 1000:.0f} ms | {large * 1000:.0f} ms | {large / small:.1f} | {memory:.0f} MB |")


if __name__ == "__main__":
    main()
