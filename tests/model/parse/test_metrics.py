"""Figures read the genre: unit grammar, 分别 lists, qualifiers, periods, quotes and result ↔ target pairs.

The texts are written for these tests in the style of county reports; none is taken from a real report.
"""

from __future__ import annotations

import pytest

from jcviewer.model.export import format_value
from jcviewer.model.figures import comparison_figure, matching_result
from jcviewer.model.parse.metrics import find_metrics
from jcviewer.model.parse.units import find_values
from jcviewer.model.report import Metric, Paragraph, Quote, Report, Section
from jcviewer.model.vocabulary import default_synonyms


def _paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(f"p{i}", text, "body", (i, i)) for i, text in enumerate(texts, start=1)]


def _metrics(*texts: str, quotes: tuple[Quote, ...] = ()) -> list[Metric]:
    return find_metrics(_paragraphs(*texts), default_synonyms(), quotes)[0]


def _targets(*texts: str) -> list[tuple[str, float | None, float | None, str, str]]:
    return [(m.indicator, m.value, m.value_max, m.unit, m.qualifier) for m in _metrics(*texts) if m.period == "target"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("全县原煤产量达到1.35亿吨，", "亿吨"),
        ("全社会用电量312.6亿千瓦时，", "亿千瓦时"),
        ("全国一般公共预算收入突破21万亿元，", "万亿元"),
        ("能源消费总量186.4万吨标准煤，", "万吨标准煤"),
        ("接待游客1520万人次，", "万人次"),
        ("港口集装箱吞吐量46万标准箱，", "万标准箱"),
        ("新增造林面积3.2万亩，", "万亩"),
        ("比上年提高0.8个百分点，", "个百分点"),
        ("出口额12.5亿美元，", "亿美元"),
        ("与邻县相差80亿，", "亿"),  # a bare magnitude only when no base unit is printed
    ],
)
def test_unit_is_magnitude_times_base_unit_as_printed(text: str, unit: str) -> None:
    (value,) = find_values(text)
    assert value.unit == unit
    assert value.expression.endswith(unit)


def test_qualifiers_ranges_ceilings_and_floors() -> None:
    values = find_values("增长6%—6.5%，控制在4.5%以内，47万人以上，8%左右，不超过3%，超过20亿元")
    assert [(v.number, v.number_max, v.unit, v.qualifier) for v in values] == [
        (6.0, 6.5, "%", "range"),
        (4.5, None, "%", "at_most"),
        (47.0, None, "万人", "at_least"),
        (8.0, None, "%", "about"),
        (3.0, None, "%", "at_most"),
        (20.0, None, "亿元", "at_least"),
    ]


def test_years_dates_and_month_spans_are_not_values() -> None:
    assert [m.expression for m in _metrics("2023年10月，全县1至9月完成投资12亿元。")] == ["12亿元"]


def test_respectively_list_with_mixed_qualifiers() -> None:
    targets = _targets("今年全县主要预期目标是：一产、二产、三产增加值分别增长4%左右、7%以上、6.5%左右。")
    assert targets == [
        ("一产增加值", 4.0, None, "%", "about"),
        ("二产增加值", 7.0, None, "%", "at_least"),
        ("三产增加值", 6.5, None, "%", "about"),
    ]


def test_a_qualifier_after_the_last_value_covers_the_list() -> None:
    targets = _targets("主要预期目标是：城镇和农村居民人均可支配收入分别增长5%和6.5%左右。")
    assert targets == [
        ("城镇居民人均可支配收入", 5.0, None, "%", "about"),
        ("农村居民人均可支配收入", 6.5, None, "%", "about"),
    ]


def test_urban_and_rural_in_one_word_are_two_subjects() -> None:
    metrics = _metrics("过去一年，城乡居民人均可支配收入分别增长4.6%和6.8%。")
    assert [(m.indicator, m.value, m.period) for m in metrics] == [
        ("城镇居民人均可支配收入", 4.6, "result"),
        ("农村居民人均可支配收入", 6.8, "result"),
    ]


def test_respectively_after_listed_amounts_maps_to_them() -> None:
    metrics = _metrics("过去一年，增值税6.4亿元、企业所得税2.1亿元，同比分别增长11.5%、7.2%。")
    assert [(m.indicator, m.value, m.unit) for m in metrics] == [
        ("增值税", 6.4, "亿元"),
        ("企业所得税", 2.1, "亿元"),
        ("增值税", 11.5, "%"),
        ("企业所得税", 7.2, "%"),
    ]


def test_head_noun_printed_once_goes_to_every_member() -> None:
    metrics = _metrics("上半年，规模以上纺织业、食品制造业增加值分别增长9.1%、3.4%。")
    assert [m.indicator for m in metrics] == ["规模以上纺织业增加值", "食品制造业增加值"]


def test_range_ceiling_and_level_targets() -> None:
    targets = _targets(
        "全县经济社会发展主要预期目标是：地区生产总值增长5.5%—6%，城镇调查失业率控制在5%以内，"
        "城镇新增就业1.2万人以上、居民消费价格涨幅3%左右。"
    )
    assert targets == [
        ("地区生产总值", 5.5, 6.0, "%", "range"),
        ("城镇调查失业率", 5.0, None, "%", "at_most"),
        ("城镇新增就业", 1.2, None, "万人", "at_least"),
        ("居民消费价格涨幅", 3.0, None, "%", "about"),
    ]


def test_level_and_growth_joined_by_a_list_comma_share_the_indicator() -> None:
    metrics = _metrics("过去一年，全县实现地区生产总值286.4亿元、增长5.1%，规上工业增加值增长7.3%。")
    assert [(m.indicator, m.original, m.measure, m.value, m.unit) for m in metrics] == [
        ("地区生产总值", "地区生产总值", "实现", 286.4, "亿元"),
        ("地区生产总值", "地区生产总值", "增长", 5.1, "%"),
        ("规模以上工业增加值", "规上工业增加值", "增长", 7.3, "%"),
    ]


def test_count_before_its_noun_takes_the_noun() -> None:
    metrics = _metrics("目前，全县有3.2万户市场主体、460家规上企业和12家上市企业。")
    assert [(m.indicator, m.value, m.unit) for m in metrics] == [
        ("市场主体", 3.2, "万户"),
        ("规模以上企业", 460.0, "家"),
        ("上市企业", 12.0, "家"),
    ]


def test_no_conjunction_punctuation_or_filler_is_an_indicator() -> None:
    metrics = _metrics(
        "过去一年，全市地区生产总值1.2万亿元、增长5%，其中一产、二产、三产增加值分别增长3%、6%和5%；"
        "城乡居民人均可支配收入分别增长5.5%和7%左右，目前共有规上企业1280家。"
    )
    indicators = [m.indicator for m in metrics]
    assert len(indicators) == 8
    assert not {"和", "、", "亿元、", "目前", ""} & set(indicators)
    assert all(not i.startswith(("、", "和", "，")) for i in indicators)


def test_a_goal_stated_in_a_review_clause_is_a_target() -> None:
    metrics = _metrics("今年上半年，全市地区生产总值增长3.2%，但要实现全年增长6%的目标，压力较大。")
    assert [(m.indicator, m.value, m.period) for m in metrics] == [
        ("地区生产总值", 3.2, "result"),
        ("地区生产总值", 6.0, "target"),
    ]


def test_a_goal_already_reached_is_not_a_target() -> None:
    metrics = _metrics("过去一年，全县义务教育巩固率实现连续5年保持全市前列目标。")
    assert [m.period for m in metrics] == ["result"]


def test_plan_words_alone_are_not_targets() -> None:
    metrics = _metrics("据统计，全市计划播种面积380万亩，共有15个乡镇纳入计划单列管理。")
    assert metrics and all(m.period != "target" for m in metrics)


def test_a_comparison_in_brackets_is_not_a_target() -> None:
    targets = _targets("主要预期目标是：规上工业增加值增长8%左右（高于全省平均水平1个百分点）。")
    assert targets == [("规模以上工业增加值", 8.0, None, "%", "about")]


def test_numbers_in_a_quotation_are_not_the_reports_targets() -> None:
    text = "会上，主要预期目标是增长6%左右。代表王某某说：“我们力争全年新签约项目15个以上。”"
    start = text.index("我们")
    quote = Quote("王某某", "代表", text[start : text.index("”")], "p1", (start, text.index("”")))
    unquoted = [(m.value, m.period) for m in _metrics(text)]
    quoted = [(m.value, m.period) for m in _metrics(text, quotes=(quote,))]
    assert unquoted == [(6.0, "target"), (15.0, "target")]
    assert quoted == [(6.0, "target"), (15.0, None)]


def test_years_come_from_the_text() -> None:
    metrics = _metrics(
        "2022年，全县地区生产总值增长4.1%。2023年前三季度，全县地区生产总值增长5.2%。",
        "2024年主要预期目标是：地区生产总值增长6%左右。",
    )
    assert [(m.value, m.period, m.year) for m in metrics] == [
        (4.1, "result", 2022),
        (5.2, "result", 2023),
        (6.0, "target", 2024),
    ]


def _report(*texts: str) -> Report:
    paragraphs = _paragraphs(*texts)
    metrics, year = find_metrics(paragraphs, default_synonyms())
    section = Section("s1", "section", "正文", paragraphs=tuple(paragraphs))
    return Report("测试", "test.txt", (section,), metrics=tuple(metrics), year=year)


def test_comparison_pairs_results_with_targets_across_places_and_abbreviations() -> None:
    report = _report(
        "过去一年，全县地区生产总值增长4.8%，固投增长9.5%，社零额下降1.2%。",
        "2024年主要预期目标是：地区生产总值增长5%左右，固定资产投资增长8%以上，社会消费品零售总额增长5%。",
    )
    figure = comparison_figure(report)
    assert figure is not None
    assert figure.labels == ("地区生产总值增长", "固定资产投资增长")  # a fall is no result for a rise
    results, targets = figure.series
    assert [(b.value, b.metric.year) for b in results[1]] == [(4.8, 2023), (9.5, 2023)]
    assert [b.text for b in targets[1]] == ["≈5%", "≥8%"]


def _metric(indicator: str, measure: str, value: float, unit: str = "%", period: str = "result") -> Metric:
    return Metric(indicator, indicator, measure, value, None, unit, "exact", period, None, "", "", "p1", (0, 0))


def test_matching_result_ignores_a_named_county_but_not_another_group() -> None:
    target = _metric("居民人均可支配收入", "增长", 6, period="target")
    assert matching_result(target, [_metric("城镇居民人均可支配收入", "增长", 5)]) is None
    gdp = _metric("地区生产总值", "增长", 6, period="target")
    county = _metric("某某县地区生产总值", "增长", 4.5)
    assert matching_result(gdp, [_metric("地区生产总值", "完成", 120, "亿元"), county]) is county


def test_a_list_of_numbers_shares_the_unit_printed_last() -> None:
    values = find_values("增速分别比全市高0.4、1.5和2个百分点，2019和2020年")
    assert [(v.expression, v.unit) for v in values] == [
        ("0.4", "个百分点"),
        ("1.5", "个百分点"),
        ("2个百分点", "个百分点"),
        ("2020年", "年"),  # years are never a list sharing a unit
    ]


def test_rate_differences_map_to_the_indicators_listed_before() -> None:
    metrics = _metrics("前三季度，全区固投、社零额分别增长7.5%和4.2%，增速分别比全市高0.4和1.5个百分点。")
    assert [(m.indicator, m.value, m.unit) for m in metrics][2:] == [
        ("固定资产投资", 0.4, "个百分点"),
        ("社会消费品零售总额", 1.5, "个百分点"),
    ]


def test_a_bound_on_a_class_of_things_is_not_a_value() -> None:
    targets = _targets("今年力争引进5亿元以上项目12个，新增市场主体3000户以上。")
    assert targets == [
        ("5亿元以上项目", 12.0, None, "个", "exact"),
        ("市场主体", 3000.0, None, "户", "at_least"),
    ]


def test_an_estimate_in_a_plan_is_not_a_target() -> None:
    metrics = _metrics(
        "今年主要预期目标是：地区生产总值增长6%左右。预计全年社会消费品零售总额增长4%左右，有望突破80亿元。"
    )
    assert [(m.indicator, m.value, m.period) for m in metrics] == [
        ("地区生产总值", 6.0, "target"),
        ("社会消费品零售总额", 4.0, None),
        ("社会消费品零售总额", 80.0, None),
    ]


def test_a_comparison_base_is_not_an_indicator_and_an_aside_keeps_its_years() -> None:
    metrics = _metrics(
        "2023年一季度，全县规上工业增加值增长5.2%（2021和2022年同期分别为4.1%、3.6%），比上年同期提升1.6个百分点。"
    )
    assert [(m.indicator, m.value, m.year) for m in metrics if m.unit != "%" or m.value == 5.2] == [
        ("规模以上工业增加值", 5.2, 2023),
        ("规模以上工业增加值", 1.6, 2023),
    ]
    assert all(m.indicator and not m.indicator.startswith("比") for m in metrics)


def test_a_plan_without_the_word_target_is_read_from_its_year_and_qualifiers() -> None:
    metrics = _metrics(
        "2023年，全县地区生产总值增长4.2%。2024年，全县地区生产总值增长6%左右。",
        "会议提出，今年固定资产投资增长10%以上，城镇新增就业3000人以上。",
    )
    assert [(m.value, m.period, m.year) for m in metrics] == [
        (4.2, "result", 2023),
        (6.0, "target", 2024),
        (10.0, "target", 2024),
        (3000.0, "target", 2024),
    ]


def test_a_fall_is_negative_and_a_falling_range_is_swapped() -> None:
    metrics = _metrics(
        "过去一年，全县固投下降3.3%，社零额回落2.1个百分点，财政支出减少5亿元，进口额下降3%—5%，出口额增长-1.5%。"
    )
    assert [(m.indicator, m.measure, m.value, m.value_max, m.expression) for m in metrics] == [
        ("固定资产投资", "下降", -3.3, None, "3.3%"),
        ("社会消费品零售总额", "回落", -2.1, None, "2.1个百分点"),
        ("财政支出", "减少", -5.0, None, "5亿元"),
        ("进口额", "下降", -5.0, -3.0, "3%—5%"),
        ("出口额", "增长", -1.5, None, "-1.5%"),  # printed signed: as printed
    ]


def test_a_level_reached_by_falling_is_not_negative() -> None:
    metrics = _metrics("过去一年，城镇调查失业率下降到5.1%，单位能耗降至0.8吨标准煤。")
    assert [m.value for m in metrics] == [5.1, 0.8]


def test_a_range_dash_is_not_a_minus_sign() -> None:
    assert [(v.number, v.number_max) for v in find_values("增长5%-6%，2023-2024年")] == [(5.0, 6.0), (2023.0, 2024.0)]


def test_a_falling_target_keeps_its_printed_bound() -> None:
    targets = _targets("主要预期目标是：单位地区生产总值能耗下降3%以上，地区生产总值增长6%左右。")
    assert targets == [("单位地区生产总值能耗", -3.0, None, "%", "at_least"), ("地区生产总值", 6.0, None, "%", "about")]


def test_an_estimate_marks_its_clause_and_the_rest_of_its_sentence() -> None:
    metrics = _metrics(
        "过去一年，GDP连续三年突破百亿，预计完成103亿元，增长1%；固投完成49亿元。初步预计全年社零额增长4%，进出口总额9亿元。"
    )
    assert [(m.expression, m.period, m.estimate) for m in metrics] == [
        ("103亿元", "result", True),
        ("1%", "result", True),
        ("49亿元", "result", False),  # another sentence (；)
        ("4%", "result", True),
        ("9亿元", "result", True),
    ]


def test_every_figure_after_a_declaration_of_targets_is_a_target_of_its_year() -> None:
    metrics = _metrics(
        "过去一年，经济运行总体平稳。2023年主要预期目标是：地区生产总值增长6%左右，"
        "一般公共预算收入增长5.0%—5.5%，社会消费品零售总额增长5%以上。",
        "2024年，全县地区生产总值增长5%左右。",
    )
    assert [(m.indicator, m.period, m.year, m.qualifier) for m in metrics][:3] == [
        ("地区生产总值", "target", 2023, "about"),
        ("一般公共预算收入", "target", 2023, "range"),
        ("社会消费品零售总额", "target", 2023, "at_least"),
    ]


def test_a_target_already_met_is_no_declaration() -> None:
    metrics = _metrics(
        "过去一年，全面完成年初设定的目标，地区生产总值增长7%。", "2024年，设定预期奋斗目标，经济增长6%。"
    )
    assert [(m.indicator, m.original, m.value, m.period) for m in metrics] == [
        ("地区生产总值", "地区生产总值", 7.0, "result"),
        ("地区生产总值", "经济", 6.0, "target"),  # 经济增长 is the GDP target
    ]


def test_a_horizon_is_not_the_year_planned_for() -> None:
    metrics = _metrics(
        "2023年主要预期目标是：地区生产总值增长6%左右，规上工业增加值增长8%。",
        "到2025年，全县地区生产总值突破200亿元。",
    )
    assert [(m.indicator, m.period, m.year) for m in metrics][:2] == [
        ("地区生产总值", "target", 2023),
        ("规模以上工业增加值", "target", 2023),
    ]


def test_filler_words_before_a_target_are_not_its_indicator() -> None:
    metrics = _metrics("2024年目标是GDP增长6%，要努力实现经济增长6.5%的目标。")
    assert [(m.indicator, m.value, m.period) for m in metrics] == [
        ("地区生产总值", 6.0, "target"),
        ("地区生产总值", 6.5, "target"),
    ]


def test_a_fall_named_by_its_label_shows_its_size() -> None:
    fall, signed, ranged = _metrics("过去一年，全县固投下降3.3%，出口额增长-1.5%，进口额下降3%—5%。")
    assert (fall.label, format_value(fall)) == ("固定资产投资下降", "3.3%")
    assert (signed.label, format_value(signed)) == ("出口额增长", "-1.5%")
    assert format_value(ranged) == "3–5%"


def test_a_review_runs_on_into_its_paragraphs_without_a_time_cue() -> None:
    metrics = _metrics(
        "过去一年，全县经济平稳运行。",
        "一是工业稳中有进。规上工业增加值增长6.1%。",
        "二是投资保持稳定。基础设施投资增长5.6%。",
        "2025年主要预期目标是：地区生产总值增长6%左右。",
        "要加快项目建设，新开工项目100个。",  # after the plan: no longer the review
    )
    assert [(m.value, m.period, m.year) for m in metrics] == [
        (6.1, "result", 2024),
        (5.6, "result", 2024),
        (6.0, "target", 2025),
        (100.0, None, None),
    ]


def test_a_history_does_not_run_on() -> None:
    metrics = _metrics("2008年，全市工业企业仅有2万家。", "目前，全市工业企业达到19万家。", "2024年目标是GDP增长6%。")
    assert [(m.value, m.period) for m in metrics] == [(2.0, "result"), (19.0, None), (6.0, "target")]


def test_a_heading_can_name_the_year_planned_for() -> None:
    first, second = _paragraphs("2025年，全省地区生产总值增长5.5%。", "主要预期目标是：经济增长5.5%左右。")
    sections = [
        Section("s1", "section", "一、2025年工作回顾", paragraphs=(first,)),
        Section("s2", "section", "三、2026年的重点工作", paragraphs=(second,)),
    ]
    metrics, year = find_metrics([first, second], default_synonyms(), sections=sections)
    assert year == 2026
    assert [(m.value, m.period, m.year) for m in metrics] == [(5.5, "result", 2025), (5.5, "target", 2026)]


def test_a_long_term_goal_is_not_the_year_planned_for() -> None:
    _, year = find_metrics(
        _paragraphs("2024年，全县地区生产总值增长5.2%。", "今年的目标与2035年远景目标衔接。"), default_synonyms()
    )
    assert year == 2024


def test_an_estimate_word_after_a_subject_governs_only_that_subject() -> None:
    metrics = _metrics(
        "2024年，全省地区生产总值预计可实现全年预期目标，一般公共预算收入320亿元、增长2%，"
        "固定资产投资预计增长3.9%左右，进出口总额完成800亿元。"
        "据初步预计，全年地区生产总值增长5%，固定资产投资下降3%。"
    )
    assert [(m.expression, m.estimate) for m in metrics] == [
        ("320亿元", False),
        ("2%", False),
        ("3.9%左右", True),
        ("800亿元", False),
        ("5%", True),  # 据初步预计 opens the sentence: it governs all of it
        ("3%", True),
    ]


def test_an_estimate_does_not_reach_past_a_new_year() -> None:
    metrics = _metrics("2024年全省地区生产总值预计可实现全年预期目标，2025年计划增长5.0%—5.5%。")
    assert [(m.value, m.value_max, m.estimate) for m in metrics] == [(5.0, 5.5, False)]
    assert metrics[0].original != "计划"


def test_a_task_lists_targets_and_a_list_member_that_is_a_clause() -> None:
    targets = _targets(
        "一、对地区生产总值增长5%以上、居民人均可支配收入增长与经济增长基本同步、粮食产量500亿斤左右"
        "等经济社会发展预期目标完成情况进行监测。"
    )
    assert [(t[0], t[1], t[3], t[4]) for t in targets] == [
        ("地区生产总值", 5.0, "%", "at_least"),
        ("粮食产量", 500.0, "亿斤", "about"),
    ]


def test_a_growth_target_restated_is_not_another_target() -> None:
    metrics = _metrics("今年主要预期目标是：地区生产总值增长5.5%左右。确定5.5%左右的增长目标，既积极有为又留有余地。")
    assert [(m.indicator, m.value) for m in metrics] == [("地区生产总值", 5.5)]


def test_every_fall_is_labelled_with_its_verb_and_shown_as_its_size() -> None:
    metrics = _metrics("过去一年，全县社零额回落2.1个百分点，出口额下滑4%，猪肉价格下跌10%。")
    assert [(m.label, m.value, format_value(m)) for m in metrics] == [
        ("社会消费品零售总额回落", -2.1, "2.1个百分点"),
        ("出口额下滑", -4.0, "4%"),
        ("猪肉价格下跌", -10.0, "10%"),
    ]


def test_list_items_take_their_time_from_their_heading() -> None:
    review = _paragraphs("●预计全省地区生产总值增长6%左右", "●粮食总产达到557亿斤")
    plan = [
        Paragraph(f"p{i}", text, "body", (i, i)) for i, text in ((3, "●经济增长6%左右"), (4, "●粮食产量500亿斤以上"))
    ]
    sections = [
        Section("s1", "section", "■ 2024年成绩单", paragraphs=tuple(review)),
        Section("s2", "section", "■ 2025年经济社会发展的主要预期目标", paragraphs=tuple(plan)),
    ]
    metrics, year = find_metrics([*review, *plan], default_synonyms(), sections=sections)
    assert year == 2025
    assert [(m.indicator, m.period, m.year, m.estimate) for m in metrics] == [
        ("地区生产总值", "result", 2024, True),
        ("粮食总产", "result", 2024, False),
        ("地区生产总值", "target", 2025, False),
        ("粮食产量", "target", 2025, False),
    ]


@pytest.mark.parametrize("word", ["预计", "初步预计", "估计", "预估", "有望"])
def test_every_estimate_word_before_the_verb_marks_the_figure_and_is_no_part_of_the_indicator(word: str) -> None:
    (metric,) = _metrics(f"2023年，全县地区生产总值{word}增长6%。")
    assert (metric.indicator, metric.estimate) == ("地区生产总值", True)


def test_a_modal_of_expectation_between_indicator_and_verb_is_no_part_of_the_indicator() -> None:
    metrics = _metrics("2023年全县地区生产总值预计可实现全年目标，2024年计划增长6%左右。全年财政收入有望增长3%。")
    assert [m.indicator for m in metrics] == ["地区生产总值", "财政收入"]


def test_full_width_percent_signs_and_dashes_read_as_their_half_width_forms() -> None:
    text = "2024年主要预期目标是：地区生产总值增长5％左右，一般公共预算收入增长5％－6％，固定资产投资增长-2％。"
    targets = _targets(text)
    assert targets == [
        ("地区生产总值", 5.0, None, "%", "about"),
        ("一般公共预算收入", 5.0, 6.0, "%", "range"),
        ("固定资产投资", -2.0, None, "%", "exact"),
    ]
