"""A small page in the genre's layout for the structural corrections' tests: two headings in the text flow, four
paragraphs (two with a target), a photo caption at the end."""

FIRST = (
    "过去一年，全县经济稳步增长，各项事业全面进步，人\n"
    "民生活持续改善，发展态势持续向好，群众满意度不\n"
    "断提高。新的一年，地区生产总值增长6%左右。\n"
)
SECOND = (
    "全县将扎实推进项目建设，加快产业转型升级，持续改\n"
    "善民生，努力实现经济社会发展各项目标任务，奋力开\n"
    "创高质量发展新局面，让群众得到更多实惠。\n"
)
THIRD = "深化重点领域改革，优化营商环境，激发市场主体活力，\n推动民营经济发展壮大，固定资产投资增长10%以上。\n"
FOURTH = "扩大高水平对外开放，积极融入区域发展大局，加强招\n商引资，推动开放型经济迈上新台阶，取得新的成效。\n"
PAGE = f"一、稳增长\n\n{FIRST}\n{SECOND}\n二、促改革\n\n{THIRD}\n{FOURTH}\n图为会议现场\n"
