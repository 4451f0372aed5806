"""RSS and Atom feeds: one article per entry, each with its own date."""
from viewer.model import Article
from viewer.sources import ReadError, read_path

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World news</title><link>https://example.org</link><language>en-us</language>
<item><title>Kyiv under attack</title><link>https://example.org/1</link>
<pubDate>Mon, 18 Nov 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Russia launched drones at Kyiv overnight, Ukrainian officials said.&lt;/p&gt;</description></item>
<item><title>Talks in Berlin</title><link>https://example.org/2</link>
<pubDate>Sat, 16 Nov 2024 10:00:00 GMT</pubDate>
<description>Germany resumed talks with Moscow on Saturday.</description></item>
<item><title>Broken date</title><link>https://example.org/3</link>
<pubDate>the day after yesterday-ish</pubDate>
<description>Poland closed a border crossing on Friday.</description></item>
<item><title>No text at all</title><link>https://example.org/4</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:x</id><updated>2024-11-18T00:00:00Z</updated>
<entry><title>Barrot on missiles</title><id>urn:1</id><link href="https://example.org/a"/>
<published>2024-11-18T09:00:00Z</published><updated>2024-11-19T09:00:00Z</updated>
<content type="html">&lt;p&gt;France keeps its options open, the minister said.&lt;/p&gt;</content></entry>
<entry><title>Putin warns</title><id>urn:2</id><link href="https://example.org/b"/>
<updated>2024-09-12T09:00:00Z</updated><summary>Putin warned NATO on Thursday.</summary></entry>
</feed>"""


def test_rss_entries_each_with_their_own_date_and_bad_entries_reported(tmp_path):
    f = tmp_path / "news.rss"
    f.write_text(RSS, encoding="utf-8")
    items = list(read_path(str(f)))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert [a.url for a in arts] == ["https://example.org/1", "https://example.org/2", "https://example.org/3"]
    assert [a.published for a in arts] == ["2024-11-18", "2024-11-16", None]
    assert arts[0].published_source == "metadata"
    assert "Russia launched drones at Kyiv" in arts[0].text and "<p>" not in arts[0].text
    assert arts[0].title == "Kyiv under attack" and arts[0].language == "en"
    assert len(errs) == 2
    assert all(e.source == str(f) for e in errs)
    assert "entry 3" in errs[0].message and "date" in errs[0].message
    assert "entry 4" in errs[1].message and "no text" in errs[1].message


def test_atom_published_then_updated(tmp_path):
    f = tmp_path / "feed.atom"
    f.write_text(ATOM, encoding="utf-8")
    a, b = read_path(str(f))
    assert (a.published, b.published) == ("2024-11-18", "2024-09-12")
    assert "France keeps its options open" in a.text
    assert b.url == "https://example.org/b"


def test_feed_is_sniffed_without_extension(tmp_path):
    f = tmp_path / "feed"
    f.write_text(ATOM, encoding="utf-8")
    assert len([a for a in read_path(str(f)) if isinstance(a, Article)]) == 2


def test_xml_that_is_not_a_feed_is_an_error(tmp_path):
    f = tmp_path / "config.xml"
    f.write_text('<?xml version="1.0"?><config><option name="a">1</option></config>', encoding="utf-8")
    (err,) = read_path(str(f))
    assert isinstance(err, ReadError) and err.source == str(f)
