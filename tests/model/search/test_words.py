"""jieba's word boundaries: the genre's terms kept whole, its cache where we say."""

from __future__ import annotations

from pathlib import Path


def test_word_segmenter_keeps_terms_whole_and_caches_in_the_folder_given(tmp_path: Path) -> None:
    from jcviewer.model.search.words import WordSegmenter

    segmenter = WordSegmenter(tmp_path / "jieba")
    assert list((tmp_path / "jieba").iterdir())  # jieba's cache is written where we said, not in the install
    text = "优化营商环境，持续实施四创战略"
    words = {text[s:e] for s, e in segmenter.spans(text)}
    assert {"营商环境", "四创战略"} <= words
    segmenter.add_words(["水峪贯镇鲁沿村"])
    assert "水峪贯镇鲁沿村" in {t[s:e] for t in ["我们水峪贯镇鲁沿村将"] for s, e in segmenter.spans(t)}


def test_a_query_is_cut_into_words_without_overlapping_sub_words(tmp_path: Path) -> None:
    from jcviewer.model.search.words import WordSegmenter

    segmenter = WordSegmenter(tmp_path / "jieba")
    assert segmenter.words("营商环境优化") == ["营商环境", "优化"]  # search mode would add 营商, 环境
    assert segmenter.words("6.5%增长目标") == ["6.5%", "增长", "目标"]  # a number stays whole
