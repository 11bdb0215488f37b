"""A picture reference the sandbox refuses is refused for what it is: "#top" is
a fragment and "?v=2" a query, not absolute paths; a Word file's picture linked
from a disk is not a network address (helper-166)."""

from __future__ import annotations

from pathlib import Path

import pytest
from word_docs import docx, p, picture

from bantin import api
from bantin.source.sandbox import Seen, local_image

PROSE = "Sáng nay, hội nghị đã diễn ra với nhiều nội dung quan trọng cho người dân cả nước."
REFS = {"#anh-1": "(a fragment, not a file): #anh-1", "?v=2": "(a query alone, not a file): ?v=2",
        "?v=2#x": "(a query alone, not a file): ?v=2#x", "/var/anh.png": "(an absolute path): /var/anh.png",
        "file:///var/anh.png": "(an absolute path): file:///var/anh.png",
        "C:/Anh/anh.png": "(an absolute path): C:/Anh/anh.png",
        "mailto:toasoan@bao.vn": "(a mailto: address, not a file): mailto:toasoan@bao.vn"}


def _html(refs: list[str]) -> bytes:
    figures = "".join(f'<figure><img src="{r}"><figcaption>Ảnh {i}</figcaption></figure>'
                      for i, r in enumerate(refs))
    return (f"<html><head><meta charset='utf-8'><title>Tiêu đề</title></head><body><article>"
            f"<h1>Tiêu đề bài</h1><p>{PROSE}</p>{figures}<p>{PROSE}</p></article></body></html>").encode()


def _md(refs: list[str]) -> bytes:
    return (f"# Tiêu đề bài\n\n{PROSE}\n\n" + "".join(f"![Ảnh {i}](<{r}>)\n\n" for i, r in enumerate(refs))
            + f"{PROSE}\n").encode()


@pytest.mark.parametrize("fmt, make", [("html", _html), ("md", _md)])
def test_each_refused_reference_says_why(tmp_path: Path, fmt: str, make) -> None:
    warned: list[str] = []
    api.read(make(list(REFS)), source_format=fmt, base_dir=tmp_path, warn=warned.append)
    refused = [w for w in warned if w.startswith("image reference refused")]
    assert refused == [f"image reference refused {why}" for why in REFS.values()], warned


def test_a_reference_naming_no_file_is_refused_with_no_folder_and_not_sent_back(tmp_path: Path) -> None:
    # On a Dask worker (no folder), "#top" is no picture beside the input that
    # only the client could read: the input need not be converted again there.
    for folder in (None, tmp_path):
        warned: list[str] = []
        seen = Seen()
        assert local_image("#top", folder, warned.append, seen) is None
        assert local_image("  ", folder, warned.append, seen) is None
        assert warned == ["image reference refused (a fragment, not a file): #top",
                          "image reference refused (empty, not a file)"]
        assert seen.wanted == [] and seen.files == {}


def test_a_word_picture_linked_from_a_disk_is_not_said_to_need_the_network() -> None:
    rels = (("rIdWeb", "image", "https://cdn.example/lua.jpg", True),
            ("rIdDisk", "image", "file:///C:/Anh/lua.jpg", True),
            ("rIdNear", "image", "..\\Anh\\lua.jpg", True))
    body = (p("Tiêu đề", style="Title") + p(PROSE) + p(picture("rIdWeb")) + p(picture("rIdDisk"))
            + p(picture("rIdNear", link=True)) + p(picture("rIdGone", link=True)) + p(PROSE))
    warned: list[str] = []
    api.read(docx(body, rels=rels), source_format="docx", warn=warned.append)
    assert [w for w in warned if "picture" in w] == [
        "linked picture not read (a reader opens no network connection): https://cdn.example/lua.jpg",
        "linked picture not read (not in the Word file; a reader opens nothing outside it): file:///C:/Anh/lua.jpg",
        "linked picture not read (not in the Word file; a reader opens nothing outside it): ..\\Anh\\lua.jpg",
        "linked picture rIdGone: the file has no such relationship; left out"], warned
