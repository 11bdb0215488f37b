"""What a file that is not the text it is named is, by its first bytes.

A newsroom sends PDFs, Word 97 and RTF files, pictures, pages saved as one MIME
file and Word 2003 XML; each is said by name with what to do, rather than read
as text full of markup ("From: <Saved by Blink>", "<w:wordDocument") and
written out as an article, or refused as "binary".
"""

from __future__ import annotations

import re

# An OLE file that holds an "EncryptedPackage" stream is a .docx (.xlsx, .pptx) saved
# with a password: Office wraps the encrypted zip in the old container. Its
# directory, which names the streams in UTF-16, is near the start of a small file.
_OLE = b"\xd0\xcf\x11\xe0"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
PASSWORD = ("a Word or Office file protected by a password; bantin cannot open it: save a copy without "
             "the password (in Word: File › Info › Protect Document › Encrypt with Password, clear it)")


def _encrypted(data: bytes) -> bool:
    """Whether an OLE file names an "EncryptedPackage" stream: in its first MiB, or
    in the directory sectors its header points to (Word may write them last)."""
    if _ENCRYPTED in data[:1 << 20]:
        return True
    if len(data) < 0x34:
        return False
    shift = int.from_bytes(data[0x1E:0x20], "little")
    first = int.from_bytes(data[0x30:0x34], "little")
    if not 9 <= shift <= 12 or first >= 0xFFFFFFFA:
        return False
    start = (first + 1) << shift
    return _ENCRYPTED in data[start:start + (8 << shift)]


# By the first bytes (RTF is ASCII).
_MAGIC = ((b"%PDF-", "a PDF file; bantin reads text, JSON, Markdown, Word (.docx) and web pages, not PDF"),
          (_OLE, "an old Word or Excel file (.doc, .xls); save it as .docx"),
          (b"{\\rtf", "an RTF file; save it as .docx or as text"),
          (b"PK\x03\x04", "a zip archive (an EPUB, an OpenDocument or a .docx named otherwise); "
                          "bantin reads .docx files named .docx"),
          # A picture is not an article; it enters one as a figure of a page or a Markdown file.
          (b"\xff\xd8\xff", "a JPEG picture, not an article"),
          (b"\x89PNG\r\n\x1a\n", "a PNG picture, not an article"),
          (b"GIF8", "a GIF picture, not an article"),
          (b"II*\x00", "a TIFF picture, not an article"),
          (b"MM\x00*", "a TIFF picture, not an article"))

# MIME: a block of header lines before the first blank line, one of which only mail
# writes, with a value only mail gives it (a newsroom's text may open with "Title:",
# "Source:", "From:", even "Received: 05/09/2024").
_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:[^\r\n]*|[ \t][^\r\n]*")
_MAIL_ONLY = re.compile(rb"(?i)(?:MIME-Version:\s*1\.0|Content-Type:\s*[a-z]+/[a-z0-9.+-]+|"
                        rb"Message-ID:\s*<[^>@]+@[^>]+>|Received:\s*(?:from|by)\s|Return-Path:\s*<|"
                        rb"Snapshot-Content-Location:)")
_MIME = ("an e-mail or a web page saved as one file (MIME: .eml, .mht, .mhtml); save the page as .html "
         "(\u201cWebpage, HTML only\u201d), or keep the e-mail's text without its header lines")
# XML documents, by their root element after any declaration, processing instructions and comments.
_XML_ROOT = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<([\w:.-]+)", re.DOTALL)
_XML_KINDS = {b"w:wordDocument": "a Word 2003 XML file; save it as .docx",
              b"pkg:package": "a Word XML file (flat OPC); save it as .docx",
              b"office:document": "an OpenDocument file in flat XML (.fodt); save it as .docx",
              b"svg": "an SVG picture, not an article"}
# An SVG file names its namespace and ends with its root; a text that opens on the
# word "<svg", or a Markdown article under an inline logo, does not.
_SVG_NAMESPACE = b"http://www.w3.org/2000/svg"
_WEB_PAGE = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                       re.IGNORECASE | re.DOTALL)
_PAGE_PART = re.compile(rb"<(?:head|body)[\s>]|</html>", re.IGNORECASE)  # not a text that opens on the word


# A zip by the "mimetype" entry OpenDocument and EPUB store first and uncompressed:
# a clerk told "an OpenDocument or a .docx named otherwise" renamed the .odt to
# .docx, and got "no word/document.xml" (helper-137).
_ZIPPED = {b"application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt); save it as .docx",
           b"application/epub+zip": "an EPUB book, not an article; bantin writes EPUB, and reads .docx, web "
                                    "pages, Markdown and text"}
_ZIPPED_OTHER = b"application/vnd.oasis.opendocument."


def zipped(head: bytes) -> str | None:
    """What a zip archive is, by the mimetype entry it opens with; None when it
    names none (a .docx, or any other zip)."""
    if not head.startswith(b"PK\x03\x04") or head[30:38] != b"mimetype" or len(head) < 38:
        return None
    size = int.from_bytes(head[18:22], "little")
    mimetype = head[38:38 + min(size, 100)].strip()
    if mimetype in _ZIPPED:
        return _ZIPPED[mimetype]
    if mimetype.startswith(_ZIPPED_OTHER):
        kind = mimetype[len(_ZIPPED_OTHER):].decode("ascii", "replace")
        return f"an OpenDocument {kind} file, not an article"
    return None


def not_text(data: bytes) -> str | None:
    """What a file that is not text is, with what to do; None when it may be text."""
    head = data[:8192]
    if head.startswith(_OLE) and _encrypted(data):
        return PASSWORD
    if (kind := zipped(head)) is not None:
        return kind
    what = next((what for magic, what in _MAGIC if head.startswith(magic)), None)
    if what is not None:
        return what
    # "BM" and "RIFF" open texts too: the header's fixed bytes say a picture.
    if head.startswith(b"BM") and len(head) > 14 and head[6:10] == b"\0\0\0\0":
        return "a BMP picture, not an article"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP picture, not an article"
    if _mime(head):
        return _MIME
    root = _XML_ROOT.match(head)
    if root is None or (root.group(1) == b"svg" and (
            _SVG_NAMESPACE not in head or not data.rstrip().endswith(b"</svg>"))):
        return None
    return _XML_KINDS.get(root.group(1))


def _mime(head: bytes) -> bool:
    block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0].splitlines()
    return bool(block) and all(_HEADER.fullmatch(line) for line in block) and any(
        _MAIL_ONLY.match(line) for line in block)


def web_page(data: bytes) -> bool:
    """Whether bytes named as text are a saved web page (its tags would be read as words)."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "replace").encode("utf-8")
    return bool(_WEB_PAGE.match(head[:4096]) and _PAGE_PART.search(head))
