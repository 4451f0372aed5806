from viewer.model import Article, content_id


def test_the_same_text_read_twice_has_the_same_id_whatever_its_spacing():
    assert Article("Kyiv said  on\nMonday.").id == Article("Kyiv said on Monday.").id
    assert content_id("a") != content_id("b")


def test_undecodable_characters_do_not_break_the_id():
    assert Article("broken \udcff byte").id != Article("broken byte").id
