"""Saved web pages: the main text and the page's metadata, via trafilatura."""
from viewer.model import Article
from viewer.sources import ReadError, read_path

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="{charset}">
<title>Missiles: Paris keeps its options open | Example News</title>
<meta property="og:title" content="Missiles: Paris keeps its options open">
<meta property="article:published_time" content="2024-11-18T09:30:00+01:00">
<link rel="canonical" href="https://news.example.org/world/missiles-paris">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Missiles: Paris keeps its options open</h1>
<p>The Minister of Foreign Affairs, Jean-Noël Barrot, assured this Monday that the use of French missiles
by Ukrainian forces on Russian soil remained an option, in an interview with a broadcaster.</p>
<p>Last September, Russian President Vladimir Putin warned that this would mean NATO countries were at war
with Russia. Germany resumed talks with Moscow last weekend, officials in Berlin confirmed.</p>
</article>
<footer>© 2024 Example News. All rights reserved. Cookie settings.</footer>
</body></html>"""


def test_saved_page_main_text_title_date_url_language(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    (a,) = read_path(str(f))
    assert isinstance(a, Article)
    assert "Jean-Noël Barrot" in a.text and "Germany resumed talks" in a.text
    assert "Cookie" not in a.text and "Sport" not in a.text
    assert a.title == "Missiles: Paris keeps its options open"
    assert (a.published, a.published_source) == ("2024-11-18", "metadata")
    assert a.url == "https://news.example.org/world/missiles-paris"
    assert a.language == "en"


def test_page_in_a_legacy_encoding(tmp_path):
    f = tmp_path / "page.htm"
    f.write_bytes(PAGE.format(charset="windows-1252").replace("©", "(c)").encode("cp1252"))
    (a,) = read_path(str(f))
    assert "Jean-Noël Barrot" in a.text


def test_page_with_no_article_text_is_an_error(tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav>"
                 "<form><input name=q></form></body></html>", encoding="utf-8")
    (err,) = read_path(str(f))
    assert isinstance(err, ReadError)
    assert err.source == str(f) and "no article text" in err.message


def test_short_pages_are_read_and_script_shells_are_not_articles(tmp_path):
    short = tmp_path / "short.html"
    short.write_text("<html><body><p>Kyiv was calm on Monday.</p></body></html>", encoding="utf-8")
    (a,) = read_path(str(short))
    assert isinstance(a, Article) and a.text == "Kyiv was calm on Monday."
    shell = tmp_path / "app.html"
    shell.write_text("<html><head><title>App</title><script>var a = 1;</script></head><body><div id=root></div>"
                     "<noscript>You need to enable JavaScript to run this app.</noscript></body></html>",
                     encoding="utf-8")
    (err,) = read_path(str(shell))
    assert isinstance(err, ReadError)
