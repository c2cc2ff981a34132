"""Direct speech: who says what, in the ways the genre attributes a quotation, and what is not a quote."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from corpus.scoring import corpus_dir
from hypothesis import given, settings
from hypothesis import strategies as st

from jcviewer.model.parse.attribution import is_name, speaker_of
from jcviewer.model.parse.quotations import quotations
from jcviewer.model.parse.quotes import find_quotes, find_terms
from jcviewer.model.report import Paragraph, ParseWarning, Quote

CORPUS = corpus_dir()  # ../shared/corpus or $JCVIEWER_CORPUS; None when missing


def parse(*texts: str) -> tuple[list[Quote], list[ParseWarning]]:
    return find_quotes(Paragraph(f"p{i}", text, "body", (i, i)) for i, text in enumerate(texts, start=1))


def said(*texts: str) -> list[tuple[str, str, str]]:
    quotes, _ = parse(*texts)
    return [(q.speaker, q.role, q.text) for q in quotes]


def test_attribution_before_with_title_and_name() -> None:
    assert said("柳溪镇党委书记彭建军说：“今年要把项目建设作为头号工程，确保全年目标顺利完成。”") == [
        ("彭建军", "柳溪镇党委书记", "今年要把项目建设作为头号工程，确保全年目标顺利完成。")
    ]
    assert said("县人大代表熊丽表示：“报告实事求是，催人奋进。”") == [
        ("熊丽", "县人大代表", "报告实事求是，催人奋进。")
    ]


def test_long_titles_with_enumeration_comma_and_institutions() -> None:
    quotes = said(
        "省人大代表、清河县农业技术推广站副站长祝长青说：“报告让我们基层农技人员倍受鼓舞，干劲更足了。”",
        "省社会科学院产业经济研究所副所长庞立对本报记者表示：“上半年工业增速回升，但消费恢复仍需加力。”",
    )
    assert [(name, role) for name, role, _ in quotes] == [
        ("祝长青", "省人大代表、清河县农业技术推广站副站长"),
        ("庞立", "省社会科学院产业经济研究所副所长"),
    ]


def test_names_with_compound_surnames_dots_and_blanks() -> None:
    assert [name for name, _, _ in said("市政协委员欧阳晓峰说：“民营经济大有可为，我们信心十足。”")] == ["欧阳晓峰"]
    assert [name for name, _, _ in said("县文旅局局长热依汗·吐尔逊说：“旅游旺季来了，我们准备好了。”")] == [
        "热依汗·吐尔逊"
    ]
    assert [name for name, _, _ in said("县人大代表 郝建 说：“ 听了报告，我很振奋。”")] == ["郝建"]


def test_a_name_before_its_title() -> None:
    quotes = said(
        "郝建明书记说：“大家要撸起袖子加油干，把蓝图变成实景。”",
        "“今年我们要干在实处，走在前列。”晏县长表示。",
    )
    assert [(name, role) for name, role, _ in quotes] == [("郝建明", "书记"), ("晏县长", "县长")]
    quotes, warnings = parse("高级工程师说：“技术改造投入很大，效果也很明显。”")
    assert quotes == [] and [w.code for w in warnings] == ["quote_speaker"]


def test_attribution_after_the_quotation() -> None:
    assert said("“全会精神鼓舞人心，我们要抓好落实。”城关镇镇长鲍文斌表示，全镇将全力推进项目建设。") == [
        ("鲍文斌", "城关镇镇长", "全会精神鼓舞人心，我们要抓好落实。")
    ]
    assert said("“今年园区新签约项目18个，比去年多了一倍。”9月3日，县工业园区管委会主任柴志刚对本报记者说。") == [
        ("柴志刚", "县工业园区管委会主任", "今年园区新签约项目18个，比去年多了一倍。")
    ]
    assert said("“我们一定把这份信任转化为干劲。”村党支部书记龚秀兰激动地说。")[0][:2] == ("龚秀兰", "村党支部书记")


def test_a_connective_opening_the_clause_is_not_part_of_the_title() -> None:
    assert said("“上半年经济回升向好，基础还需巩固。”据县统计局局长俞华介绍，下半年将加强监测。") == [
        ("俞华", "县统计局局长", "上半年经济回升向好，基础还需巩固。")
    ]
    assert said("而县长潘明则表示：“我们有信心完成全年目标。”")[0][:2] == ("潘明", "县长")


def test_a_pronoun_is_the_one_person_named_before() -> None:
    quotes, warnings = parse(
        "县发改局局长邬海涛认为，扩大有效投资是稳增长的关键。他说：“项目储备要早谋划，我们已经准备了一批。”",
        "“下半年还要再开工一批项目。”他说。",
    )
    assert [(q.speaker, q.role, q.paragraph) for q in quotes] == [("邬海涛", "", "p1"), ("邬海涛", "", "p2")]
    assert warnings == []


def test_a_pronoun_after_two_people_is_doubtful() -> None:
    quotes, warnings = parse(
        "县长秦林表示，要抓项目。副县长易红表示，要稳就业。",
        "他说：“这是今年的头等大事，必须抓紧抓实。”",
    )
    assert quotes == []
    assert [(w.code, w.paragraph) for w in warnings] == [("quote_speaker", "p2")]


def test_a_pronoun_with_nobody_named_before_is_doubtful_once_per_paragraph() -> None:
    quotes, warnings = parse("他说：“这是一个好的开始，我们要乘势而上。”她说：“对，要乘势而上！”")
    assert quotes == []
    assert [(w.code, w.paragraph) for w in warnings] == [("quote_speaker", "p1")]


def test_an_unnamed_speaker_in_between_makes_a_pronoun_doubtful() -> None:
    quotes, warnings = parse(
        "县商务局局长温强说：“消费市场持续回暖，我们很有信心。”",
        "有关负责人表示：“下一步将出台更多措施。”",
        "他说：“这是一个好的开始，我们要乘势而上。”",
    )
    assert [q.speaker for q in quotes] == ["温强"]
    assert [(w.code, w.paragraph) for w in warnings] == [("quote_speaker", "p2"), ("quote_speaker", "p3")]


def test_a_split_quotation_is_one_quote() -> None:
    text = "“项目是发展的生命线，”县发改局局长武明说，“今年我们要全力以赴抓项目、抓招商。”"
    quotes, warnings = parse(text)
    assert len(quotes) == 1 and warnings == []
    quote = quotes[0]
    assert (quote.speaker, quote.role) == ("武明", "县发改局局长")
    assert quote.text == "项目是发展的生命线，今年我们要全力以赴抓项目、抓招商。"
    start, end = quote.span
    assert text[start - 1] == "“" and text[end] == "”"
    assert quote.text.startswith(text[start:end])


def test_an_unclosed_quotation_runs_to_the_paragraph_end_with_a_warning() -> None:
    text = "县人大代表蓝海燕说：“报告说到了群众心坎里，我回去要带领大家把合作社办好"
    quotes, warnings = parse(text, "会议还听取了其他报告。")
    assert [(q.speaker, q.text) for q in quotes] == [("蓝海燕", "报告说到了群众心坎里，我回去要带领大家把合作社办好")]
    start, end = quotes[0].span
    assert end == len(text) and text[start:end] == quotes[0].text
    assert [(w.code, w.paragraph) for w in warnings] == [("quote_unclosed", "p1")]


def test_a_quotation_over_several_paragraphs_keeps_its_speaker() -> None:
    quotes, warnings = parse(
        "县委书记段志宏说：“今年是关键之年，我们要一手抓发展，",
        "“一手抓民生，把各项工作落到实处。”",
    )
    assert [(q.speaker, q.paragraph) for q in quotes] == [("段志宏", "p1"), ("段志宏", "p2")]
    assert warnings == []


def test_quotations_inside_a_quotation_stay_inside() -> None:
    quotes = said("县委副书记梅林说：“我们要持续实施‘三个一批’，打响“黄河人家”品牌，让群众富起来。”")
    assert quotes == [("梅林", "县委副书记", "我们要持续实施‘三个一批’，打响“黄河人家”品牌，让群众富起来。")]
    assert [q.closed for q in quotations("“外“内”外")] == [False]


def test_catch_phrases_are_terms_not_quotes() -> None:
    texts = ["全会提出，深入实施“四化同步”战略，打造“山水名城”，持续推进“放管服”改革。"]
    quotes, warnings = find_quotes(Paragraph("p1", t, "body", (1, 1)) for t in texts)
    assert quotes == [] and warnings == []
    assert find_terms(texts) == ["四化同步", "山水名城", "放管服"]


def test_indirect_speech_is_never_a_quote() -> None:
    quotes, warnings = parse(
        "县政协委员苏敏表示，今年将继续围绕乡村振兴建言献策。",
        "县财政局局长尚德认为，财政收入稳中有升，民生支出保障有力。",
        "村民代表严福说，合作社让大家的日子越过越红火，要坚持“一村一品”。",
        "省委书记在讲话中直指，要拿出“不进则退、慢进也是退”的紧迫感。",
    )
    assert quotes == [] and warnings == []


def test_speech_by_nobody_in_particular_is_not_a_quote() -> None:
    quotes, warnings = parse(
        "大家纷纷表示：“全会精神鼓舞人心，我们一定干出新样子。”",
        "会议强调：“抓项目就是抓发展，谋项目就是谋未来。”县长魏红表示，要全力以赴抓项目。",
        "我们要以“马上就办，办就办好”的作风抓好落实。",
        "海关表示：“上半年进出口保持增长，结构持续优化。”",
        "“旅游市场持续升温，游客明显增多。”县文化和旅游局说。",
    )
    assert quotes == [] and warnings == []


def test_a_title_without_a_name_is_doubtful() -> None:
    quotes, warnings = parse("县统计局有关负责人表示：“从数据看，经济运行总体平稳。”")
    assert quotes == []
    assert [(w.code, w.paragraph) for w in warnings] == [("quote_speaker", "p1")]


def test_speaker_of_a_clause() -> None:
    found = speaker_of("市第五次党代会代表、某某集团有限公司维修工乔立强")
    assert found is not None and (found.kind, found.name) == ("named", "乔立强")
    assert speaker_of("会议") is None and speaker_of("据") is None
    pronoun = speaker_of("他")
    assert pronoun is not None and pronoun.kind == "pronoun"
    assert is_name("向阳") and is_name("司马南") and not is_name("专家") and not is_name("会议精神")


_SPEECH_PIECES = st.sampled_from(
    ["县长余明说：“", "“增长6%，好。”", "”", "“", "他说：“", "”欧阳华表示，", "，”镇党委书记余华说，“", "好，很好。"]
    + ["有关负责人表示：“", "”她说。", "大家", "会议指出：“", "”据县长华明介绍，", "‘三个一批’", "“四化同步”"]
    + ["买买提·明对记者说：“", "，", "。", " ", "则", "激动地", "在会上", "说", "表示", "他", "余", "明"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_SPEECH_PIECES, max_size=30).map("".join), min_size=1, max_size=4))
def test_any_speech_like_text_gives_valid_quotes_and_few_warnings(texts: list[str]) -> None:
    quotes, warnings = parse(*texts)
    for quote in quotes:
        text = texts[int(quote.paragraph[1:]) - 1]
        start, end = quote.span
        assert 0 < start <= end <= len(text) and text[start - 1] == "“"
        assert quote.text.startswith(text[start:end]) and quote.speaker
    for paragraph in {w.paragraph for w in warnings}:
        assert sum(w.paragraph == paragraph for w in warnings) <= 2  # one doubt and one unclosed mark at most


def test_hostile_text_keeps_spans_valid() -> None:
    text = "“好，”张三说，“" * 50 + "”王五说。“" + "”“，。" * 50
    quotes, _ = parse(text)
    for quote in quotes:
        start, end = quote.span
        assert 0 <= start <= end <= len(text)
        assert quote.text.startswith(text[start:end])


def _corpus_paragraphs(clean: list[str], gold: dict[str, Any]) -> list[Paragraph]:
    def ws(text: str) -> str:
        return re.sub(r"\s+", "", text)

    groups = [g if isinstance(g, list) else [g] for g in gold.get("headings") or []]
    skip = {ws(line) for group in groups for line in group} | {ws(c) for c in gold.get("captions") or []}
    lines = [line.strip() for line in clean if line.strip() and ws(line) not in skip]
    return [Paragraph(f"p{i}", line, "body", (i, i)) for i, line in enumerate(lines, start=1)]


@pytest.mark.skipif(CORPUS is None, reason="the shared corpus is missing (../shared/corpus or $JCVIEWER_CORPUS)")
def test_corpus_quotes_in_isolation() -> None:
    """Each corpus text's paragraphs as written: every gold quote found with its speaker, nothing else."""
    assert CORPUS is not None
    for gold_file in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        clean = gold_file.with_name(gold_file.name.replace(".gold.json", ".clean.txt"))
        quotes, warnings = find_quotes(_corpus_paragraphs(clean.read_text(encoding="utf-8").splitlines(), gold))
        name = gold_file.name[:2]
        for want in gold.get("quotes") or []:
            starts = re.sub(r"\s+", "", want["starts"])[:10]
            found = [q for q in quotes if q.speaker == want["speaker"] and q.text.strip().startswith(starts)]
            assert found, f"{name}: quote by {want['speaker']} missing"
            if want.get("role_contains"):
                assert want["role_contains"] in found[0].role, f"{name}: role of {want['speaker']}"
        assert len(quotes) <= len(gold.get("quotes") or []) + len(gold.get("optional_quotes") or []), name
        direct = {q["speaker"] for q in gold.get("quotes") or []}
        indirect = {p["speaker"] for p in gold.get("indirect_speech") or []} - direct
        assert not indirect & {q.speaker for q in quotes}, name
        assert not set(gold.get("not_quotes") or []) & {q.text for q in quotes}, name
        assert len(warnings) <= 2, f"{name}: {[str(w) for w in warnings]}"
