"""Folders, recursion, symlink loops, missing paths."""
import os

from viewer.model import Article
from viewer.sources import ReadError, read_path


def test_folders_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c").mkdir()
    (tmp_path / "a.txt").write_text("Kyiv said on Monday the talks failed.", encoding="utf-8")
    (tmp_path / "b" / "c" / "d.txt").write_text("Moscow said on Tuesday it would respond.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Secret notes about Paris, not an article.", encoding="utf-8")
    arts = list(read_path(str(tmp_path)))
    assert [os.path.basename(a.source) for a in arts] == ["a.txt", "d.txt"]


def test_symlink_loops_terminate(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Warsaw said on Monday it was ready.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    arts = list(read_path(str(tmp_path)))
    assert len(arts) == 1 and isinstance(arts[0], Article)


def test_missing_path_is_an_error(tmp_path):
    (err,) = read_path(str(tmp_path / "nope.txt"))
    assert isinstance(err, ReadError) and "no such file" in err.message
