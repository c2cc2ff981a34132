"""What a query means: synonyms both ways, exact phrases."""

from __future__ import annotations

from jcviewer.model.search.index import Document, SearchIndex
from jcviewer.model.search.query import parse_query
from jcviewer.model.vocabulary import default_synonyms


def found(index: SearchIndex, query: str) -> set[str]:
    return {hit.key for hit in index.search(query, limit=None).hits}


def test_abbreviations_match_the_full_wording_and_back() -> None:
    index = SearchIndex(
        [Document("a", "规模以上工业增加值增长8.5%"), Document("b", "规上工业企业净增14户"), Document("c", "工业园区")],
        default_synonyms(),
    )
    assert found(index, "规上") == {"a", "b"}
    assert found(index, "规模以上工业") == {"a", "b"}
    spans = {hit.key: hit.spans for hit in index.search("规上工业", limit=None).hits}
    assert spans == {"a": ((0, 6),), "b": ((0, 4),)}  # on the words actually written


def test_a_phrase_matches_only_the_phrase() -> None:
    index = SearchIndex([Document("a", "稳字当头、稳中求进"), Document("b", "稳中有进，求进")])
    assert found(index, "稳中 求进") == {"a", "b"}
    assert found(index, '"稳中求进"') == {"a"}
    assert found(index, '"稳中 求进"') == {"a"}  # no spaces between Chinese characters in a phrase either
    assert parse_query('"hello world"').terms[0].text == "hello world"
