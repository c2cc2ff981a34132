"""The newspaper-page generator of the PDF tests (tests/newspaper_pdf.py): what it prints is in the PDF's text
layer where its truth says, in the sizes asked, in Founder's drawing order."""

from __future__ import annotations

import ctypes
import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from newspaper_pdf import (
    CLOSING,
    CorpusDocument,
    PageSpec,
    Placed,
    Truth,
    VerticalHeadline,
    corpus_document,
    corpus_documents,
    corpus_pages,
    typeset,
    typeset_document_pages,
)
from PySide6.QtWidgets import QApplication

from jcviewer.model.pdf.page import Rect

SYSTEM_SERIF = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")


def _corpus_or_skip() -> list[CorpusDocument]:
    try:
        return corpus_documents()
    except FileNotFoundError as error:
        pytest.skip(str(error))


@pytest.fixture(scope="module")
def documents() -> dict[str, CorpusDocument]:
    return {document.name[:2]: document for document in _corpus_or_skip()}


@dataclass(frozen=True)
class PrintedChar:
    text: str
    page: int
    box: Rect  # the loose (em) box, top-left origin
    size: float  # the font size times the text matrix's scale
    turned: bool  # the text matrix turns it a quarter


def printed_chars(pdf: Path) -> Iterator[PrintedChar]:
    """The PDF's characters in content-stream order, whitespace left out."""
    document = pdfium.PdfDocument(pdf)
    for number in range(len(document)):
        page = document[number]
        height = page.get_height()
        textpage = page.get_textpage()
        for index in range(textpage.count_chars()):
            text = chr(pdfium_c.FPDFText_GetUnicode(textpage, index))
            if text.isspace() or not text.isprintable():
                continue
            loose = pdfium_c.FS_RECTF()
            pdfium_c.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(loose))
            box = Rect(loose.left, height - loose.top, loose.right, height - loose.bottom)
            matrix = pdfium_c.FS_MATRIX()
            pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            size = round(pdfium_c.FPDFText_GetFontSize(textpage, index) * scale, 2)
            yield PrintedChar(text, number, box, size, turned=abs(matrix.a) < abs(matrix.b))


def stream_text(pdf: Path) -> str:
    """The text layer in drawing order, without whitespace."""
    return "".join(char.text for char in printed_chars(pdf))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def all_texts(truth: Truth) -> Iterator[tuple[str, str]]:
    for article in truth.articles:
        for placed in (*article.headline, *article.flow, *article.captions):
            yield placed.kind, placed.text


def test_documents_split_as_their_gold_says(documents: dict[str, CorpusDocument]) -> None:
    assert len(documents) == 12
    for document in documents.values():
        gold = document.gold
        headings = [line for group in gold["headings"] for line in group]
        assert len(document.texts("paragraph")) == gold["paragraphs"], document.name
        assert document.texts("caption") == gold["captions"], document.name
        assert [*document.headline, *document.texts("subhead")] == headings, document.name
    assert len(documents["03"].headline) == 3  # 引题, 主题, 副题
    assert documents["12"].headline == () and len(documents["12"].texts("subhead")) == 2


def test_a_missing_document_is_a_file_not_found_error() -> None:
    with pytest.raises(FileNotFoundError):
        corpus_document("no-such-document")


@pytest.fixture(scope="module")
def page(qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path_factory: pytest.TempPathFactory) -> Truth:
    """Three articles, one with a three-line headline, one with subheads, photos and captions."""
    path = tmp_path_factory.mktemp("pages") / "page.pdf"
    return typeset([documents["09"], documents["03"], documents["11"]], path, PageSpec(body_size=9.5))


def test_the_text_layer_holds_every_text_printed(page: Truth) -> None:
    text = stream_text(page.path)
    for kind, printed in all_texts(page):
        assert squeezed(printed) in text, (kind, printed)
    for placed in page.furniture:
        assert squeezed(placed.text) in text
    assert "——" in "".join(page.articles[0].paragraphs)  # 09 has one: drawn character by character, it survives


def test_the_truth_follows_the_documents(page: Truth, documents: dict[str, CorpusDocument]) -> None:
    for article, number in zip(page.articles, ("09", "03", "11"), strict=True):
        document = documents[number]
        assert article.paragraphs == document.texts("paragraph")
        assert article.subheads == document.texts("subhead")
        assert [caption.text for caption in article.captions] == document.texts("caption")
        assert article.headline_invented == (not document.headline)
        assert len(article.photos) >= len(article.captions)
    assert [placed.text for placed in page.articles[1].headline] == list(documents["03"].headline)
    assert {placed.kind for placed in page.furniture} == {"masthead", "dateline", "banner"}


def test_every_character_is_inside_its_text_rectangle_and_of_its_size(page: Truth) -> None:
    placed = [item for article in page.articles for item in (*article.headline, *article.flow, *article.captions)]
    chars = list(printed_chars(page.path))
    found = 0
    for char in chars:
        owners = _owners(char, placed)
        if owners:
            found += 1
            assert any(char.text in item.text for item in owners), char
            assert any(abs(char.size - item.size) < 0.05 for item in owners), (char, [o.size for o in owners])
    furniture = sum(len(squeezed(item.text)) for item in page.furniture)
    assert found == len(chars) - furniture


def _owners(char: PrintedChar, placed: Sequence[Placed]) -> list[Placed]:
    """The printed texts with a rectangle holding the character's centre on its page."""
    x, y = (char.box.x0 + char.box.x1) / 2, (char.box.y0 + char.box.y1) / 2
    return [
        item
        for item in placed
        if any(
            piece.page == char.page
            and piece.rect.x0 - 0.5 <= x <= piece.rect.x1 + 0.5
            and piece.rect.y0 - 0.5 <= y <= piece.rect.y1 + 0.5
            for piece in item.pieces
        )
    ]


def test_sizes_are_as_asked(page: Truth) -> None:
    main_title = page.articles[1].headline[1]
    assert main_title.size > 24 and all(deck.size <= 18 for deck in page.articles[1].headline[::2])
    assert {item.size for article in page.articles for item in article.flow if item.kind == "paragraph"} == {9.5}
    assert {item.size for article in page.articles for item in article.flow if item.kind == "subhead"} == {18.0}
    assert {item.size for article in page.articles for item in article.captions} == {8.0}


def test_body_is_drawn_before_subheads_headline_and_captions(page: Truth) -> None:
    rank = {"paragraph": 0, "subhead": 1, "headline": 2, "caption": 3}
    chars = list(printed_chars(page.path))
    for article in page.articles:
        placed = [*article.headline, *article.flow, *article.captions]
        drawn = [owners[0].kind for owners in (_owners(char, placed) for char in chars) if owners]
        assert set(drawn) >= {"paragraph", "headline"}
        assert [rank[kind] for kind in drawn] == sorted(rank[kind] for kind in drawn), article.name


def test_a_paragraph_runs_on_into_the_next_column(page: Truth) -> None:
    assert any(len(item.rects) == 2 for article in page.articles for item in article.flow)


def test_columns_are_a_gutter_apart_and_text_stays_in_them(
    qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path: Path
) -> None:
    spec = PageSpec(gutter_ems=2.0, hanging=False)
    truth = typeset([documents["08"], documents["05"]], tmp_path / "page.pdf", spec)
    for article in truth.articles:
        steps = {round(b - a, 3) for a, b in zip(article.columns, article.columns[1:], strict=False)}
        assert steps == {round(article.column_width + 2 * spec.body_size, 3)}
        assert article.gutter == 2 * spec.body_size
        assert article.column_width % spec.body_size == 0
        for item in article.flow:
            for rect in item.rects:
                left = max(x for x in article.columns if x <= rect.x0 + 0.01)
                assert rect.x1 <= left + article.column_width + 0.01, item.text


def test_hanging_punctuation_hangs_into_the_gutter(
    qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path: Path
) -> None:
    truth = typeset([documents["08"], documents["05"]], tmp_path / "page.pdf", PageSpec(gutter_ems=2.0, hanging=True))
    edges = [x + article.column_width for article in truth.articles for x in article.columns]
    paragraphs = [item for article in truth.articles for item in article.flow if item.kind == "paragraph"]
    body = [char for char in printed_chars(truth.path) if _owners(char, paragraphs)]
    assert not [char for char in body if any(char.box.x0 < edge - 0.05 and char.box.x1 > edge + 0.05 for edge in edges)]
    hanging = [(char, edge) for char in body for edge in edges if edge - 0.05 <= char.box.x0 < edge + 1]
    assert hanging and {char.text for char, _ in hanging} <= set(CLOSING)
    assert all(char.box.x1 <= edge + truth.articles[0].gutter / 2 + 0.05 for char, edge in hanging)  # in the gutter


def test_closing_punctuation_never_starts_a_line(page: Truth) -> None:
    chars = [char for char in printed_chars(page.path) if abs(char.size - 9.5) < 0.05]
    starts = [
        char
        for before, char in zip(chars, chars[1:], strict=False)
        if char.box.y0 > before.box.y1 - 1  # a new line
    ]
    assert len(starts) > 100
    assert not [char.text for char in starts if char.text in CLOSING]


def test_the_same_documents_give_the_same_page(
    qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path: Path
) -> None:
    first = typeset([documents["01"], documents["02"]], tmp_path / "a.pdf")
    second = typeset([documents["01"], documents["02"]], tmp_path / "b.pdf")
    assert {**first.to_json(), "path": ""} == {**second.to_json(), "path": ""}


def test_a_report_runs_over_pages(qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path: Path) -> None:
    truth = typeset_document_pages(documents["12"], tmp_path / "report.pdf")
    pdf = pdfium.PdfDocument(truth.path)
    assert len(pdf) == len(truth.pages) >= 2
    (article,) = truth.articles
    assert article.paragraphs == documents["12"].texts("paragraph")
    assert article.subheads == documents["12"].texts("subhead")
    across = [item for item in article.flow if len({piece.page for piece in item.pieces}) == 2]
    assert across, "no paragraph runs on over a page break"
    chars = list(printed_chars(truth.path))
    for item in across:
        for number in {piece.page for piece in item.pieces}:
            assert any(char.page == number and _owners(char, [item]) for char in chars)
    headers = [item for item in truth.furniture if item.kind == "running_header"]
    numbers = [item.text for item in truth.furniture if item.kind == "page_number"]
    assert [item.page for item in headers] == list(range(len(pdf)))
    assert numbers == [f"- {number} -" for number in range(1, len(pdf) + 1)]
    text = stream_text(truth.path)
    for item in (*truth.furniture, *article.headline, *article.flow):  # each page's own drawn after its body
        if item.kind != "paragraph":
            assert squeezed(item.text) in text
            text = text.replace(squeezed(item.text), "", 1)
    for paragraph in article.paragraphs:
        assert squeezed(paragraph) in text


def test_a_report_with_photos_has_their_captions(
    qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path: Path
) -> None:
    truth = typeset_document_pages(documents["06"], tmp_path / "report.pdf")
    (article,) = truth.articles
    assert [item.text for item in article.captions] == documents["06"].texts("caption")
    assert len(article.photos) == 1


@pytest.mark.parametrize("style", ["stacked", "rotated"])
def test_a_vertical_headline_runs_down_the_right_edge(
    qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path: Path, style: VerticalHeadline
) -> None:
    spec = PageSpec(columns=3, vertical_headline=style)
    truth = typeset([documents["03"]], tmp_path / "page.pdf", spec)
    (article,) = truth.articles
    main = article.headline[1]
    rect = main.rects[0]
    assert rect.height > 5 * rect.width and rect.x0 > max(article.columns) + article.column_width
    chars = [char for char in printed_chars(truth.path) if _owners(char, [main])]
    assert "".join(char.text for char in chars) == squeezed(main.text)
    tops = [char.box.y0 for char in chars]
    assert tops == sorted(tops)
    assert {char.turned for char in chars} == {style == "rotated"}


@pytest.mark.skipif(not SYSTEM_SERIF.is_file(), reason="needs fonts-noto-cjk")
def test_a_system_font_can_set_the_page(
    qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path: Path
) -> None:
    before = typeset([documents["05"], documents["08"]], tmp_path / "before.pdf")
    truth = typeset([documents["05"], documents["08"]], tmp_path / "page.pdf", PageSpec(font_family=str(SYSTEM_SERIF)))
    text = stream_text(truth.path)
    radicals = re.compile(r"[\u2e80-\u2fdf]")
    assert radicals.search(text)  # Qt's writer names some characters by their Kangxi radicals: wanted by the tests
    for _, printed in all_texts(truth):
        pattern = "".join(f"(?:{re.escape(char)}|[\u2e80-\u2fdf])" for char in squeezed(printed))
        assert re.search(pattern, text), printed
    after = typeset([documents["05"], documents["08"]], tmp_path / "after.pdf")
    assert not radicals.search(stream_text(before.path) + stream_text(after.path))  # the bundled fonts set these


def test_the_standard_set_covers_the_corpus(
    qapp: QApplication, documents: dict[str, CorpusDocument], tmp_path: Path
) -> None:
    made = corpus_pages(tmp_path)
    names = {article.name for _, truth in made for article in truth.articles}
    assert names == {document.name for document in documents.values()}
    specs = [truth.spec for _, truth in made]
    assert any(spec.hanging and spec.gutter_ems == 2 for spec in specs)
    assert {spec.vertical_headline for spec in specs} == {"none", "stacked", "rotated"}
    assert any(len(truth.pages) > 1 for _, truth in made)
    for path, truth in made:
        assert path.is_file() and len(pdfium.PdfDocument(path)) == len(truth.pages)
        data = json.loads(json.dumps(truth.to_json()))
        first = truth.articles[0].flow[0]
        assert data["articles"][0]["paragraphs"] == truth.articles[0].paragraphs
        assert data["articles"][0]["flow"][0]["pieces"][0] == {
            "page": first.page,
            "rect": [
                round(value, 2)
                for value in (first.rects[0].x0, first.rects[0].y0, first.rects[0].x1, first.rects[0].y1)
            ],
        }


def _lines_of(pdf: Path, placed: Placed) -> list[list[PrintedChar]]:
    """The characters of a printed text, in lines (a new line wherever the next character starts below)."""
    lines: list[list[PrintedChar]] = []
    for char in printed_chars(pdf):
        if _owners(char, [placed]):
            if not lines or char.box.y0 > lines[-1][-1].box.y1 - 1:
                lines.append([])
            lines[-1].append(char)
    return lines


@pytest.mark.parametrize(
    ("marks", "hanging", "first_line", "second_line_starts"),
    [
        ("。", True, "一" * 8 + "。", "二"),  # hung past the edge
        ("。", False, "一" * 8 + "。", "二"),  # squeezed in
        ("”。", True, "一" * 7, "一”。"),  # two marks push a character down with them
        ("”。", False, "一" * 7, "一”。"),
    ],
)
def test_closing_marks_at_a_line_end(
    qapp: QApplication, tmp_path: Path, marks: str, hanging: bool, first_line: str, second_line_starts: str
) -> None:
    spec = PageSpec(columns=1, page_width=10 * 9 + 72, hanging=hanging, photos=False)  # a 10-em column
    text = "一" * 8 + marks + "二" * 12
    document = CorpusDocument("kinsoku", ("标题",), (("paragraph", text),), {})
    truth = typeset([document], tmp_path / "page.pdf", spec)
    assert truth.articles[0].column_width == 10 * 9
    lines = _lines_of(truth.path, truth.articles[0].flow[0])
    assert "".join(char.text for char in lines[0]) == first_line
    assert "".join(char.text for char in lines[1]).startswith(second_line_starts)
    edge = truth.articles[0].columns[0] + truth.articles[0].column_width
    assert (lines[0][-1].box.x0 >= edge - 0.05) == (hanging and len(marks) == 1)
