"""The same input, style and epoch give the same bytes, in every format: a lone
article, a bundle and a digest, in one process (the four tests that each started
two processes are this one). A different epoch changes the files' dates, so the
sameness is not an accident of no dates at all; and threads asking for different
epochs at once each get their own, because the epoch travels in the render
context rather than through the environment."""

from __future__ import annotations

import hashlib
import io
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from helpers import EPOCH, EXAMPLES

import bantin
from bantin.digest.build import to_digest
from bantin.model import Briefing, articles_of
from bantin.prepare import prepare

FORMATS = ("pdf", "docx", "epub", "txt", "json")


@pytest.fixture(scope="module")
def documents() -> dict[str, bantin.Document]:
    style = bantin.load_style("default")
    single = bantin.read(EXAMPLES / "san-luong-lua.json")
    articles = tuple(a for p in sorted(EXAMPLES.glob("*.txt")) for a in articles_of(bantin.read(p)))
    bundle = prepare(Briefing("Bản tin thử", articles, "2025-08-05", "Văn phòng"), style)
    return {"single": single, "bundle": bundle, "digest": to_digest(bundle, style.digest, "outlet")}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_input_same_bytes(documents: dict[str, bantin.Document], fmt: str) -> None:
    for name, doc in documents.items():
        first = bantin.export(doc, fmt, epoch=int(EPOCH))
        second = bantin.export(doc, fmt, epoch=int(EPOCH))
        assert _digest(first) == _digest(second), f"{name} {fmt}"


def _dates(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return data.split(b"/CreationDate", 1)[1][:25].decode("latin-1")
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.read("docProps/core.xml").decode()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("EPUB/content.opf").decode()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub"])
def test_the_epoch_sets_the_dates_and_threads_keep_their_own(documents: dict[str, bantin.Document],
                                                            fmt: str) -> None:
    doc = documents["single"]
    epochs = [int(EPOCH), int(EPOCH) + 86400 * 400]
    serial = {e: _dates(fmt, bantin.export(doc, fmt, epoch=e)) for e in epochs}
    assert serial[epochs[0]] != serial[epochs[1]]
    with ThreadPoolExecutor(4) as pool:
        jobs = [(e, pool.submit(bantin.export, doc, fmt, epoch=e)) for e in epochs * 4]
        for e, future in jobs:
            assert _dates(fmt, future.result()) == serial[e]
