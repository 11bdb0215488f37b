"""Error and sign-in pages are not articles: a saved "404" or a login wall.

trafilatura finds "text" on such a page (the apology, the form's labels), and the
page has a title, so without this check it converts to a one-line article and the
run says nothing went wrong. Three things together mark one: the page does not
call itself an article (no ``og:type`` article, no ``NewsArticle``, no publication
date), its visible text is short, and its title or first heading starts by saying
what it is.
A short news brief whose headline mentions a login or a "404" keeps its article
marks, or its body, and is read.
"""

from __future__ import annotations

import re
from typing import Any

from bantin.errors import InputError
from bantin.source.html.page import more_words, squash

_SHORT = 40  # words of visible text: an error page's apology, a form's labels
_TITLE_WORDS = 8  # an error page's title is the phrase; a headline says more

# What such pages call themselves, in Vietnamese and English, at the start of the
# title or the first heading (casefolded): a headline that mentions a login in
# passing ("Thêm cách đăng nhập bằng VNeID") does not start with it. A status code
# counts only as a word of its own, never as part of a number ("404,5 tỷ").
_SAYS = re.compile(
    r"^(?:lỗi |error |rất tiếc,? |xin lỗi,? |oops,? |sorry,? )?(?:"
    r"(?:http )?(?:400|401|403|404|410|500|502|503)(?![\w.,])"
    r"|không tìm thấy|(?:trang|nội dung|bài viết|đường dẫn)(?: bạn tìm| bạn yêu cầu)? "
    r"(?:không tồn tại|(?:đã )?bị (?:xóa|xoá|gỡ))|truy cập bị từ chối"
    r"|đăng nhập|đăng ký tài khoản|page not found|not found|access denied|forbidden"
    r"|(?:internal )?server error|sign in|log ?in)",
)


def check(page: Any, title: str | None, marked: bool) -> None:
    """Refuse the page when it is an error or sign-in page, naming what it says."""
    if marked:
        return
    body = page.find(".//body")
    if body is None or more_words(body, _SHORT - 1):
        return
    # The headline bantin read, the page's <title> and its first heading: a 404
    # page often titles itself "404 - …" above a heading that says only "Rất tiếc!".
    named = [page.find(".//title"), page.find(".//h1")]
    for said in (title, *(squash(el.text_content()) for el in named if el is not None)):
        own = said.split(" | ")[0] if said else ""  # the site's name after a bar is not counted
        if own and len(own.split()) <= _TITLE_WORDS and _SAYS.search(own.casefold()):
            raise InputError(f"the page is an error or sign-in page (“{own}”), not an article")
