"""Words that open Vietnamese sentences and never a name ("Theo đó", "Sau khi",
"Ông A cho biết"): after a full stop that could be an abbreviation's or an
initial's ("TP.", "Nguyễn Văn T."), one of them says the sentence ended there.

One list for every rule that asks: the no-break space after an initial
(``typography.nbsp``) and the digest's sentence splitter (``digest.sentences``).
"""

from __future__ import annotations

STARTERS = frozenset(
    "Theo Trong Tại Sau Khi Nếu Tuy Ngoài Hiện Đây Điều Việc Các Những Với Do Vì Để Cũng Còn Về "
    "Nhưng Ngay Riêng Trước Đó Hôm Dù Bởi Nhờ Qua Đặc Bên Trả Song Như Tất Mọi Năm Ngày "
    "Ông Bà Chị Họ Chúng Tôi".split()
)
