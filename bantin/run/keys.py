"""What an output depends on, for ``--incremental`` and ``--shard``: a job's key is
the hash of the input's bytes, the style sheets, the font files the typeset
formats embed, bantin and every setting that changes an output's bytes; its shard is
fixed by its name alone, so N CI jobs split an archive the same way every run."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from bantin.errors import BantinError
from bantin.run.convert import Job
from bantin.run.settings import Settings
from bantin.style import fonts
from bantin.style.stylesheet import Style
from bantin.style.stylesheet import load as load_style


def in_shard(job: Job, shard: tuple[int, int] | None) -> bool:
    if shard is None:
        return True
    i, n = shard
    # fsencode: a file name with bytes that are not UTF-8 still hashes.
    digest = hashlib.sha256(os.fsencode(str(job.stem))).digest()
    return int.from_bytes(digest[:8], "big") % n == i - 1


def output_key(job: Job, settings: Settings) -> str | None:
    """What an output depends on: the input's bytes, the style sheets, bantin, and
    every setting that changes an output's bytes (``Settings.output_key``)."""
    if job.source == "-":
        return None
    h = hashlib.sha256()
    try:
        h.update(Path(job.source).read_bytes())
        style = load_style(settings.style)
        for part in style.source.split(" < "):
            h.update(Path(part).read_bytes())
    except OSError:
        return None
    # The reader an input's extension chooses: the same bytes renamed from .txt to
    # .md read as another document (helper-147).
    h.update(Path(job.source).suffix.lower().encode("utf-8", "surrogateescape"))
    h.update(settings.output_key())
    # Whatever this run's formats: the key is one for all of an input's outputs
    # (a run of fewer formats keeps the others known), so a font replaced makes a
    # text output again too. Fonts change seldom; a stale PDF would be wrong.
    h.update(_faces(style))
    return h.hexdigest()


@lru_cache(maxsize=8)
def _faces(style: Style) -> bytes:
    """The font files a typeset output embeds, by path, size and time: a font
    replaced under the same name (a package upgraded, a sheet's file swapped) makes
    new outputs with ``--incremental`` (helper-84: the old face stayed embedded).
    The fallback faces too, and whether each is installed: a user who installs the
    font a warning asked for gets the characters drawn at the next run, not the
    old "[U+2605]" (helper-147)."""
    out = []
    for spec in (style.body_font, style.heading_font, style.mono_font):
        try:
            out += [_stamp(f) for f in sorted(fonts.resolve(spec).files.values())]
        except (BantinError, OSError):  # said by the export itself, per format
            continue
    for i, spec in enumerate(style.fallback_fonts):
        try:
            family = fonts.resolve_fallback(spec)
            out.append(_stamp(family.files["regular"]) if family else f"fallback {i}: not installed")
        except (BantinError, OSError):
            out.append(f"fallback {i}: not read")
    return "\n".join(out).encode()


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"
