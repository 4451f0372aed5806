"""Article dumps in JSON Lines and CSV (GUIDE §3 fields; only text required)."""
import json

from viewer.model import Article
from viewer.sources import ReadError, read_path

RECORD = {"id": "r1", "url": "https://example.org/r1", "title": "Talks", "text": "Germany resumed talks.",
          "published": "2024-11-18", "source": "Example Wire", "language": "en"}


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadError)]


def test_jsonl_all_fields(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(RECORD) + "\n" + json.dumps({"text": "Only text here, about Kyiv."}) + "\n",
                 encoding="utf-8")
    (a, b), errs = split(read_path(str(f)))
    assert errs == []
    assert (a.id, a.url, a.title, a.published, a.published_source, a.source, a.language) == (
        "r1", "https://example.org/r1", "Talks", "2024-11-18", "given", "Example Wire", "en")
    assert len(b.id) == 16 and b.published is None and b.source == str(f)


def test_jsonl_bad_lines_reported_with_their_line_numbers(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text("\n".join([
        json.dumps(RECORD),
        "{broken",
        json.dumps({"title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Kyiv was calm.", "published": "not a date"}),
        json.dumps({"text": "Moscow said so."}),
    ]) + "\n", encoding="utf-8")
    arts, errs = split(read_path(str(f)))
    assert [a.text for a in arts] == ["Germany resumed talks.", "Kyiv was calm.", "Moscow said so."]
    assert [(e.line, e.source) for e in errs] == [(2, str(f)), (3, str(f)), (4, str(f)), (5, str(f))]
    assert arts[1].published is None  # unreadable date: reported, then inferred from the text


def test_csv_with_quoted_multiline_text_and_a_malformed_row(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text(
        'id,title,text,published\n'
        'a1,First,"Line one, with a comma.\nLine two ""quoted"".",2024-11-18\n'
        'a2,Second,too,many,fields,here\n'
        'a3,Third,Kyiv was shelled on Monday.,\n'
        'a4,Fourth,,2024-01-01\n', encoding="utf-8")
    arts, errs = split(read_path(str(f)))
    assert [a.id for a in arts] == ["a1", "a3"]
    assert arts[0].text == 'Line one, with a comma.\nLine two "quoted".'
    assert arts[0].published == "2024-11-18"
    assert [e.line for e in errs] == [4, 6]
    assert all(e.source == str(f) for e in errs)


def test_csv_semicolons_and_latin1(tmp_path):
    f = tmp_path / "d.csv"
    f.write_bytes("text;title\nMüller sagte, Gespräche mit Moskau würden fortgesetzt.;Größe\n".encode("cp1252"))
    (a,), errs = split(read_path(str(f)))
    assert errs == [] and a.title == "Größe" and a.text.startswith("Müller")


def test_csv_without_text_column_is_not_a_dump(tmp_path):
    f = tmp_path / "prices.csv"
    f.write_text("date,price\n2024-01-01,3\n", encoding="utf-8")
    arts, (err,) = split(read_path(str(f)))
    assert arts == [] and err.line == 1 and "text" in err.message


def test_pretty_printed_json_object_or_list_of_articles(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps(RECORD, indent=2), encoding="utf-8")
    (a,), errs = split(read_path(str(one)))
    assert errs == [] and a.id == "r1"
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"articles": [RECORD, {"text": "Kyiv said so."}]}, indent=1), encoding="utf-8")
    arts, errs = split(read_path(str(many)))
    assert errs == [] and [x.text for x in arts] == ["Germany resumed talks.", "Kyiv said so."]


def test_big_jsonl_is_streamed_with_the_same_results(tmp_path, monkeypatch):
    import viewer.sources as sources
    f = tmp_path / "big.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + (json.dumps(RECORD) + "\n{bad\n" + json.dumps({"text": "Kyiv said so."}) + "\n"
                                     ).encode("utf-8") + "Müller sagte\n".encode("cp1252"))
    whole = [(type(x).__name__, getattr(x, "line", None)) for x in read_path(str(f))]
    monkeypatch.setattr(sources, "STREAM_DUMP_BYTES", 10)
    streamed = [(type(x).__name__, getattr(x, "line", None)) for x in read_path(str(f))]
    assert streamed == whole == [("Article", None), ("ReadError", 2), ("Article", None), ("ReadError", 4)]


def test_published_dates_in_common_shapes():
    from viewer.sources.meta import parse_date
    assert parse_date("2024-11-18T10:00:00Z") == "2024-11-18"
    assert parse_date("Mon, 18 Nov 2024 10:00:00 GMT") == "2024-11-18"
    assert parse_date("18 November 2024") == "2024-11-18"
    assert parse_date(1731924000) == parse_date("1731924000") == parse_date("1731924000000") == "2024-11-18"
    assert parse_date("20241118") == "2024-11-18"
    assert parse_date("not a date") is None and parse_date("2024-13-45") is None
