"""Write reports of our genre the way the PDF extraction prints them, for tests and benchmarks.

A page: a banner on top, body columns (hard-wrapped, first line indented, some double-spaced, with
spurious layout spaces), then photo captions (one printed twice), heading/sub-heading pairs, the lead set
wide, and a banner at the bottom.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

NO_LINE_START = "”’）》，。、；：！？"


def width(char: str) -> float:
    """Printed width in ems, the same convention as the page: ASCII ½, the rest 1."""
    return 0.5 if char.isascii() else 1.0


def wrap(text: str, columns: float, indent: float = 2.0) -> list[str]:
    """Hard-wrap a paragraph to a column of ``columns`` ems, first line indented."""
    lines, line, used, limit = [], "", 0.0, columns - indent
    for char in text:
        # Line-breaking rules of Chinese typesetting: no closing punctuation at a line start, no
        # opening quote at a line end (the line is squeezed instead).
        squeeze = char in NO_LINE_START or (line and line[-1] in "“‘《（")
        if used + width(char) > limit and not squeeze:
            lines.append(line)
            line, used, limit = "", 0.0, columns
        line += char
        used += width(char)
    if line:
        lines.append(line)
    return lines


def spaced(line: str, rng: random.Random) -> str:
    """Add the extraction's layout spaces: after numbers ("2024 年"), or letter-spacing a whole line."""
    if rng.random() < 0.15:  # justified by letter-spacing; a number stays one word
        return "".join(c + " " if not c.isascii() else c for c in line).strip()
    out = []
    for index, char in enumerate(line):
        out.append(char)
        nxt = line[index + 1] if index + 1 < len(line) else ""
        number_edge = (char.isdigit() and nxt and not nxt.isascii()) or (nxt.isdigit() and not char.isascii())
        if number_edge and rng.random() < 0.5:
            out.append(" ")
    return "".join(out)


@dataclass
class Column:
    """Paragraphs set in one column."""

    paragraphs: list[str]
    width: float = 21
    double_spaced: bool = True


@dataclass
class Page:
    """Everything printed on a page, in extraction order."""

    columns: list[Column]
    headings: list[tuple[str, str]]
    captions: list[str]
    lead: str
    banners: tuple[str, str] = ("全面提升城市品质", "办好人民满意教育")
    twice: int = 0  # index of the caption the extraction printed twice
    seed: int = 0
    layout_spaces: bool = True
    paragraphs: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.paragraphs = [p for column in self.columns for p in column.paragraphs]

    def text(self) -> str:
        """The page as extracted text."""
        rng = random.Random(self.seed)
        out = [" " + self.banners[0]]
        for column in self.columns:
            for paragraph in column.paragraphs:
                for line in wrap(paragraph, column.width):
                    out.append(spaced(line, rng) if self.layout_spaces else line)
                    if column.double_spaced:
                        out.append("")
            if not column.double_spaced:
                out.append("")
        for index, caption in enumerate(self.captions):
            out += [caption * 2 if index == self.twice else caption, ""]
        for title, subtitle in self.headings:
            out += [title, subtitle, ""]
        out += wrap(self.lead, 37, indent=0)
        out += ["", self.banners[1], ""]
        return "\n".join(out)


def wenshui_page(seed: int = 0, **targets: float) -> Page:
    """A report of another county with other numbers, speakers and headings."""
    gdp = targets.get("gdp", 5.5)
    invest = targets.get("invest", 12)
    retail = targets.get("retail", 7)
    meeting = "中共文水县委十五届六次全体会议暨县委经济工作会议"
    return Page(
        seed=seed,
        columns=[
            Column(
                [
                    f"二月的文水，春寒料峭，处处涌动着干事创业的热潮。{meeting}在县委会议中心召开，"
                    "县委书记王明代表县委常委会作工作报告，县委副书记、县长张华就经济工作作出具体安排。",
                    "会议指出，今年是全面落实“十四五”规划的攻坚之年。做好今年经济工作，"
                    "要坚持稳中求进工作总基调，持续实施“三大战略”，推动经济实现质的有效提升和量的合理增长。",
                ],
                width=15,
                double_spaced=False,
            ),
            Column(
                [
                    "过去一年，文水县坚持稳中求进，经济社会发展取得新成效。一是经济总量持续扩大。"
                    "GDP预计完成88亿元，增长4.5%；固投完成36亿元，增长15.2%。二是项目建设提速增效。"
                    "27个项目竣工投产，规上工业企业净增8户。三是民生保障有力有效。"
                    "财政用于民生领域支出达到80%以上，城乡居民收入稳步增长。",
                    f"新的一年，该县设定预期奋斗目标，地区生产总值增长{gdp:g}%左右，一般公共预算收入增长5%，"
                    f"固定资产投资增长{invest:g}%以上，社会消费品零售总额增长{retail:g}%左右，约束性指标完成省定要求。",
                    "如何做好今年经济工作？文水县将重点抓好以下四个方面工作：一是加快产业升级。"
                    "改造提升传统产业，培育壮大新兴产业。二是扩大有效投资。谋划储备一批重大项目。"
                    "三是推进乡村振兴。发展特色农业，建设和美乡村。四是保障改善民生。办好民生实事，兜牢民生底线。",
                    "全会强调，全县上下要坚持创新驱动，增强发展新动能。要坚持项目为王，扩大有效投资。"
                    "要坚持民生为本，提升群众获得感。",
                ],
                width=21,
            ),
            Column(
                [
                    "“全会为我们指明了方向，我们将以更大的决心推动各项任务落地见效。”"
                    "文水县凤城镇党委书记、镇长李春生表示，凤城镇将全力抓好项目建设。",
                    "县农业农村局局长孙立新说：“我们将聚焦特色农业，做强做优文水农产品品牌，让农民腰包更鼓。”",
                    "“作为一名企业负责人，我们对今年的发展充满信心，将加大研发投入，扩大生产规模。”"
                    "山西文峪食品有限公司总经理赵敏说。",
                ],
                width=18,
            ),
        ],
        captions=[f"{meeting}现场", "县委书记王明作工作报告", "县长张华安排部署经济工作"],
        headings=[
            ("凝心聚力 开局起步", "在新征程上奋勇争先"),
            ("目标引领 实干为先", "“绘就”全年发展路线图"),
            ("群策群力 共谋发展", "汇聚干事创业的强大合力"),
        ],
        lead="千帆竞发勇者胜，百舸争流奋楫先。新的一年，文水县将坚定信心、真抓实干，奋力谱写高质量发展新篇章。",
        twice=0,
    )


ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许"


def crowded_page(seed: int = 0) -> Page:
    """A report with far more than a page holds: 15 achievements, 14 targets, 15 tasks, 12 quotes."""
    rng = random.Random(seed)
    page = wenshui_page(seed)
    achievements = "".join(
        f"{ORDINALS[i]}是第{i + 1}项工作成效显著。完成投资{rng.randint(2, 90)}亿元，增长{rng.randint(2, 30)}.{i}%。"
        for i in range(15)
    )
    indicators = [
        "地区生产总值",
        "一般公共预算收入",
        "固定资产投资",
        "社会消费品零售总额",
        "规模以上工业增加值",
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
        "进出口总额",
        "实际利用外资",
        "全社会研发投入",
        "单位地区生产总值能耗",
        "城镇调查失业率",
        "粮食总产量",
        "常住人口城镇化率",
    ]
    targets = "，".join(f"{name}增长{rng.randint(3, 12)}.{rng.randint(1, 9)}%左右" for name in indicators)
    tasks = "".join(f"{ORDINALS[i]}是扎实推进第{i + 1}方面重点工作。细化工作举措，压实工作责任。" for i in range(15))
    quotes = [
        f"“全会精神鼓舞人心，第{i + 1}个单位将以更大力度推动落实，确保各项目标任务按期完成。”"
        f"文水县第{i + 1}局局长{SURNAMES[i]}{'建国志强红梅海燕'[i % 4 * 2 : i % 4 * 2 + 2]}表示，将全力以赴抓好落实。"
        for i in range(12)
    ]
    page.columns[1].paragraphs = [
        f"过去一年，文水县坚持稳中求进，经济社会发展取得新成效。{achievements}",
        f"新的一年，该县设定预期奋斗目标，{targets}。",
        f"如何做好今年经济工作？文水县将重点抓好以下十五个方面工作：{tasks}",
    ]
    page.columns[2].paragraphs = quotes
    page.__post_init__()
    return page


@dataclass(frozen=True)
class CountyYear:
    """One year's report of a county, and the figures written into it (signed: a fall is negative): the targets
    set for ``year`` (indicator → value, upper bound, qualifier) and the results of ``year`` − 1 (indicator →
    value), ``estimated`` naming those printed as estimates (预计)."""

    year: int
    text: str
    targets: dict[str, tuple[float, float | None, str]]
    results: dict[str, float]
    estimated: frozenset[str]


def _change(value: float) -> str:
    """A signed rate as the genre prints it: "增长4.5%", "下降3.3%"."""
    return f"增长{value:g}%" if value >= 0 else f"下降{-value:g}%"


def county_years(place: str = "文水县", first: int = 2021, count: int = 4, seed: int = 0) -> list[CountyYear]:
    """``count`` economic work conference reports of one county (or, for a ``place`` starting with 全, of an
    unnamed province: 全省), one a year from ``first``: each sets its year's targets and reviews the year before.
    The wording changes from year to year as real reports do: 经济增长 or 地区生产总值增长, 规上 or 规模以上,
    固投 or 固定资产投资, 主要预期目标是 or 设定预期奋斗目标; ranges, floors, 左右; the review's figures as estimates
    (预计 for one clause, or 据初步预计 for the whole sentence) or final; falls printed as 下降; the level target
    of 进出口总额 in 万元 and its result in 亿元."""
    rng = random.Random(seed)
    years = []
    previous: dict[str, tuple[float, float | None, str]] = {}
    for number in range(count):
        year = first + number
        style = (number + seed) % 3
        results = {
            "地区生产总值": round(previous.get("地区生产总值", (6.0, None, ""))[0] + rng.choice([-1.2, -0.3, 0.4]), 1),
            "固定资产投资": rng.choice([-3.3, 4.5, 12.8]),
            "社会消费品零售总额": round(rng.uniform(3, 8), 1),
            "规模以上工业增加值": rng.choice([-1.5, 6.2, 9.1]),
            "一般公共预算收入": round(rng.uniform(2, 9), 1),
            "进出口总额": round(rng.uniform(1, 4), 2),  # 亿元
        }
        targets: dict[str, tuple[float, float | None, str]] = {
            "地区生产总值": (rng.choice([5.5, 6.0, 6.5]), None, "about"),
            "一般公共预算收入": (5.0, 5.5, "range") if style == 0 else (rng.choice([4.0, 6.0]), None, "at_least"),
            "固定资产投资": (rng.choice([8.0, 10.0]), None, "at_least"),
            "社会消费品零售总额": (rng.choice([5.0, 6.5]), None, "about"),
            "规模以上工业增加值": (rng.choice([7.0, 8.5]), None, "exact" if style else "about"),
            "进出口总额": (float(rng.choice([20000, 30000])), None, "exact"),  # 万元
        }
        area = "全省" if place.startswith("全") else place
        gdp, invest, retail = results["地区生产总值"], results["固定资产投资"], results["社会消费品零售总额"]
        industry, revenue, trade = results["规模以上工业增加值"], results["一般公共预算收入"], results["进出口总额"]
        gdp_words = "经济增长" if style != 1 else "地区生产总值增长"
        industry_words = "规上工业增加值" if style != 2 else "规模以上工业增加值"
        invest_words = "固投" if style == 1 else "固定资产投资"
        if style == 0:
            review = (
                f"一是经济总量持续扩大。地区生产总值预计完成{80 + number * 5}亿元，{_change(gdp)}；"
                f"{invest_words}{_change(invest)}；社会消费品零售总额{_change(retail)}；"
                f"{industry_words}{_change(industry)}；一般公共预算收入{_change(revenue)}；进出口总额完成{trade:g}亿元。"
            )
            estimated = frozenset({"地区生产总值"})
        elif style == 1:
            review = (
                f"据初步预计，全年地区生产总值{_change(gdp)}，{invest_words}{_change(invest)}，"
                f"社会消费品零售总额{_change(retail)}，{industry_words}{_change(industry)}，"
                f"一般公共预算收入{_change(revenue)}，进出口总额完成{trade:g}亿元。"
            )
            estimated = frozenset(results)
        else:
            review = (
                f"{year - 1}年，{area}地区生产总值{_change(gdp)}；{invest_words}{_change(invest)}；"
                f"社会消费品零售总额{_change(retail)}；{industry_words}{_change(industry)}；"
                f"一般公共预算收入{_change(revenue)}；进出口总额完成{trade:g}亿元。"
            )
            estimated = frozenset()
        low, high, _ = targets["一般公共预算收入"]
        revenue_target = f"{low:g}%—{high:g}%" if high is not None else f"{low:g}%以上"
        industry_target = targets["规模以上工业增加值"][0]
        declaration = f"{year}年主要预期目标是：" if style != 2 else f"新的一年，{area}设定预期奋斗目标："
        plan = (
            f"{declaration}{gdp_words}{targets['地区生产总值'][0]:g}%左右，一般公共预算收入增长{revenue_target}，"
            f"{invest_words}增长{targets['固定资产投资'][0]:g}%以上，"
            f"社会消费品零售总额增长{targets['社会消费品零售总额'][0]:g}%左右，"
            f"{industry_words}增长{industry_target:g}%{'' if style else '左右'}，"
            f"进出口总额达到{targets['进出口总额'][0]:g}万元，约束性指标完成上级下达任务。"
        )
        meeting = (
            "全省经济工作会议" if area == "全省" else f"中共{place}委第{number + 5}次全体会议暨{place}委经济工作会议"
        )
        page = Page(
            seed=seed + number,
            columns=[
                Column(
                    [
                        f"{year}年1月，{area}处处涌动着干事创业的热潮。{meeting}召开，"
                        "会议总结过去一年的工作，安排部署今年经济工作。",
                        "会议指出，做好今年经济工作，要坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。",
                    ],
                    width=15,
                    double_spaced=False,
                ),
                Column(
                    [
                        f"过去一年，{area}坚持稳中求进，经济社会发展取得新成效。{review}",
                        plan,
                        "会议强调，要坚持项目为王，扩大有效投资。要坚持民生为本，提升群众获得感。"
                        "要坚持创新驱动，增强发展新动能。",
                    ],
                    width=21,
                ),
            ],
            captions=[f"{meeting}现场", "会议安排部署今年经济工作"],
            headings=[("回顾过去 成绩斐然", "在新征程上奋勇争先"), ("目标引领 实干为先", "“绘就”全年发展路线图")],
            lead=f"千帆竞发勇者胜，百舸争流奋楫先。新的一年，{area}将坚定信心、真抓实干，奋力谱写高质量发展新篇章。",
        )
        years.append(CountyYear(year, page.text(), targets, results, estimated))
        previous = targets
    return years
