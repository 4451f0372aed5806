"""Whatever bytes come in, readers answer with articles or errors, never an exception."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.model import Article
from viewer.sources import ReadError, read_bytes

EXTS = ["", ".txt", ".md", ".html", ".xml", ".rss", ".jsonl", ".csv", ".tsv", ".dat"]
PIECES = st.sampled_from([b"<html>", b"<p>", b"</p>", b"<rss><channel><item>", b"</item>", b"{", b"}",
                          b'"text":', b",", b"\n", b"\"", b"Kyiv said on Monday", b"\xff\xfe", b"\x00",
                          b"\xef\xbb\xbf", b"text,title\n", b"\xe9t\xe9", b";", b"<![CDATA[", b"\r\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=300), st.lists(PIECES, max_size=30).map(b"".join)),
       ext=st.sampled_from(EXTS))
def test_any_bytes_give_articles_or_errors(data, ext):
    for item in read_bytes(data, "fuzz" + ext, ext):
        assert isinstance(item, (Article, ReadError))
        if isinstance(item, Article):
            assert item.text.strip() and item.id
        else:
            assert item.source == "fuzz" + ext and item.message
