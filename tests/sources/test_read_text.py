"""Plain text and Markdown files, and the encodings they come in."""
from viewer.model import Article
from viewer.sources import ReadError, read_bytes, read_path

FRENCH = "Le ministre Jean-Noël Barrot a assuré ce lundi 18 novembre que l’option « reste ouverte ». L'été."


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_plain_text_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Talks resume\nGermany resumed talks with Moscow last weekend.\n", encoding="utf-8")
    a = only(read_path(str(f)))
    assert isinstance(a, Article)
    assert a.text == "Talks resume\nGermany resumed talks with Moscow last weekend."
    assert a.title == "Talks resume"
    assert a.source == str(f)
    assert a.published is None


def test_same_text_same_id_whatever_the_file(tmp_path):
    (tmp_path / "a.txt").write_text("Kyiv said on Monday the talks failed.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kyiv said on Monday the talks failed.\n\n", encoding="utf-8")
    a, b = read_path(str(tmp_path))
    assert a.id == b.id


def test_markdown_is_read_as_text_with_front_matter_date_and_heading_title(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ndate: 2024-11-18\n---\n# Paris keeps *options* open\n\n"
                 "The [minister](http://x.org) said **French** missiles remain an option.\n", encoding="utf-8")
    a = only(read_path(str(f)))
    assert a.title == "Paris keeps options open"
    assert "French missiles remain an option." in a.text
    assert "**" not in a.text and "](" not in a.text and "#" not in a.text
    assert (a.published, a.published_source) == ("2024-11-18", "metadata")


def test_encodings_are_detected_not_assumed(tmp_path):
    for name, data in {
        "cp1252.txt": FRENCH.encode("cp1252"),
        "utf16.txt": FRENCH.encode("utf-16"),
        "utf8bom.txt": b"\xef\xbb\xbf" + FRENCH.encode("utf-8"),
    }.items():
        (tmp_path / name).write_bytes(data)
        a = only(read_path(str(tmp_path / name)))
        assert isinstance(a, Article), (name, a)
        assert a.text == FRENCH, name
    russian = "Президент России Владимир Путин заявил в сентябре, что это будет означать войну с НАТО."
    (tmp_path / "koi8.txt").write_bytes(russian.encode("koi8-r"))
    assert only(read_path(str(tmp_path / "koi8.txt"))).text == russian


def test_unknown_encoding_binary_empty_and_non_articles_are_errors_naming_the_file(tmp_path):
    import random
    rnd = random.Random(4)
    cases = {
        "garbage.txt": bytes(rnd.randrange(128, 256) for _ in range(3000)),
        "photo.jpg": b"\xff\xd8\xff\xe0" + bytes(rnd.randrange(256) for _ in range(3000)),
        "empty.txt": b"",
        "blank.txt": b"  \n\n\t ",
        "numbers.txt": b"1,2,3\n4,5,6\n7,8,9\n" * 20,
        "db.sqlite": b"SQLite format 3\x00" + bytes(100),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        err = only(read_path(str(tmp_path / name)))
        assert isinstance(err, ReadError), (name, err)
        assert err.source == str(tmp_path / name)
        assert err.message


def test_stdin_is_sniffed(monkeypatch):
    import io
    import sys

    class FakeStdin:
        buffer = io.BytesIO(b"Poland said on Friday the border was closed.")

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    a = only(read_path("-"))
    assert a.source == "stdin" and a.text.startswith("Poland")
    jsonl = b'{"text": "Kyiv said on Monday it was calm.", "id": "k1"}\n'
    (b,) = read_bytes(jsonl, "stdin")
    assert b.id == "k1"
