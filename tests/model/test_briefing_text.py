"""A section's text shortened for its briefing: whole sentences only, the least important first."""

from __future__ import annotations

from jcviewer.model.briefing_text import (
    ELISION,
    Unit,
    abridgements,
    is_question,
    is_transitional,
    sentences,
    whole_sentences,
)


def test_sentences_keep_their_closing_quotes() -> None:
    assert sentences("他说：“要抓落实。更要见实效！”会议结束。") == ["他说：“要抓落实。", "更要见实效！”", "会议结束。"]
    assert sentences("没有句号的标题") == ["没有句号的标题"]


def test_questions_and_transitional_sentences() -> None:
    assert is_question("如何做好今年全县经济工作？") and is_question("真的吗？”")
    assert not is_question("要做好今年工作。")
    assert is_transitional("同时，要抓好落实。") and is_transitional("重点抓好以下工作：")
    assert not is_transitional("同时，全县规模以上工业增加值增长8.5%，固定资产投资增长10%以上，消费稳步回升。")


def test_whole_sentences_up_to_a_limit() -> None:
    text = "报告站位高、思路清。不仅总结了成绩，更规划了蓝图。我们一定抓好落实！"
    assert whole_sentences(text, 25) == "报告站位高、思路清。不仅总结了成绩，更规划了蓝图。" + ELISION
    assert whole_sentences(text, 5) == "报告站位高、思路清。" + ELISION  # the first sentence whole, however long
    assert whole_sentences(text, 100) == text
    assert whole_sentences("“甲事办好。乙事办好。丙事办好。”", 8) == "“甲事办好。" + ELISION + "”"  # closer kept


UNITS = (
    Unit("如何做好今年的工作？全县要稳中求进。同时，要抓好落实。一是抓项目建设，扩大有效投资。二是抓民生。"),
    Unit("二、重点任务", "heading"),
    Unit("某某说：“要大抓项目。要抓大项目。”会议号召全县上下实干。", "quote", "某某", ""),
    Unit("短段。"),
)


def test_abridgements_leave_out_questions_then_transitions_then_later_sentences_then_paragraphs() -> None:
    steps = abridgements(UNITS)
    assert steps[0].units == UNITS and steps[0].left_out == 0
    assert steps[1].units[0].text.startswith(ELISION + "全县要稳中求进。")  # the question first
    assert "同时" not in steps[2].units[0].text and "一是" in steps[2].units[0].text  # then the transition
    statements = next(step for step in steps if step.left_out == step.total - 3)  # each paragraph: one statement
    first_statements = ["……全县要稳中求进。……", "二、重点任务", "某某说：“要大抓项目。……”", "短段。"]
    assert [u.text for u in statements.units] == first_statements
    assert all(u.kind == o.kind and u.speaker == o.speaker for u, o in zip(statements.units, UNITS, strict=True))
    last = steps[-1]  # then whole paragraphs, the last first: the headings stay
    assert [u.text for u in last.units] == ["……全县要稳中求进。……", "二、重点任务", ELISION]  # one mark for the run
    assert last.left_out == last.total - 1 and not last.clause_cut
    assert [s.left_out for s in steps] == sorted(s.left_out for s in steps)


def test_a_statement_too_long_for_the_page_ends_after_a_clause_last_of_all() -> None:
    run_on = "，".join(f"第{n}项工作稳步推进" for n in range(1, 40)) + "。"
    steps = abridgements((Unit(run_on), Unit("第二段。")))
    clipped = [s for s in steps if s.clause_cut]
    assert clipped and steps[-1].clause_cut and not any(s.clause_cut for s in steps[: -len(clipped)])
    assert clipped[0].units[1].text == ELISION  # the other paragraphs went first
    assert steps[-1].units[0].text == "第1项工作稳步推进，" + ELISION
    lengths = [len(s.units[0].text) for s in clipped]
    assert lengths == sorted(lengths, reverse=True) and all(s.units[0].text.endswith(ELISION) for s in clipped)
    assert len(abridgements((Unit("短句，没有句号"),))) == 1  # a short statement is never cut


def test_a_text_that_cannot_be_shortened_has_one_version() -> None:
    assert len(abridgements((Unit("一句话。"), Unit("标题", "heading")))) == 1
    assert len(abridgements(())) == 1
