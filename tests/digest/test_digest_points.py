"""The điểm báo's key points (issue 26): the sentence splitter, whole-sentence
points, the filters, no repeat of the lede, repeats and syndicated copies across
a bundle, the provenance and score parts that ``bantin inspect --digest`` shows,
determinism and linear time. Every article here is written for these tests."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import bantin

from bantin.digest.build import build, plan, plans
from bantin.digest.filters import flaw
from bantin.digest.points import select, units
from bantin.digest.sentences import sentences
from bantin.model import Article, Heading, ListBlock, Outlet, Paragraph, plain, text_of


def _split(text: str, whole_quotes: bool = True) -> list[str]:
    return [s for _, s in sentences(text, whole_quotes)]


@pytest.mark.parametrize("text, expected", [
    # abbreviations before a name, and numbers that hold a full stop or a slash
    ("Sáng 5/8, tại TP. Hà Nội có 2.900 đảng viên. Câu sau.",
     ["Sáng 5/8, tại TP. Hà Nội có 2.900 đảng viên.", "Câu sau."]),
    ("PGS.TS. Nguyễn Văn A phát biểu. Ông nói tiếp.", ["PGS.TS. Nguyễn Văn A phát biểu.", "Ông nói tiếp."]),
    ("Căn hộ ở Q.1 tăng 8 - 10 triệu đồng. Khoảng 190 – 300 căn đã bán.",
     ["Căn hộ ở Q.1 tăng 8 - 10 triệu đồng.", "Khoảng 190 – 300 căn đã bán."]),
    ("Ông đến St. Petersburg hôm qua. Trên địa bàn TP. Theo đó, giá tăng.",
     ["Ông đến St. Petersburg hôm qua.", "Trên địa bàn TP.", "Theo đó, giá tăng."]),
    # "v.v." before a capital ends its sentence
    ("Rau, củ, quả v.v. Tất cả đều tăng giá.", ["Rau, củ, quả v.v.", "Tất cả đều tăng giá."]),
    # initials inside a name; an initial after a common word may end a sentence
    ("Ông N. V. An đến. Bà đi chợ.", ["Ông N. V. An đến.", "Bà đi chợ."]),
    ("Nguyễn Văn B. (21 tuổi) bị bắt. Hắn khai nhận.", ["Nguyễn Văn B. (21 tuổi) bị bắt.", "Hắn khai nhận."]),
    ("Hắn bồi thường cho ông L. 290 triệu đồng. Xong.", ["Hắn bồi thường cho ông L. 290 triệu đồng.", "Xong."]),
    ("Kẻ gian đập cửa nhà bà H. Sau đó chúng bỏ trốn.", ["Kẻ gian đập cửa nhà bà H.", "Sau đó chúng bỏ trốn."]),
    ("Donald J. Trump thắng cử. Ông phát biểu.", ["Donald J. Trump thắng cử.", "Ông phát biểu."]),
    ("Hội nghị ở châu Á. Đoàn đến từ Ý. Họ ký kết.", ["Hội nghị ở châu Á.", "Đoàn đến từ Ý.", "Họ ký kết."]),
    # a sentence inside quotes ends inside them
    ("“Tôi sẽ đi.” Ông nói rồi bước ra.", ["“Tôi sẽ đi.”", "Ông nói rồi bước ra."]),
    ("“Tôi đi. Anh ở lại”, ông nói. Bà gật đầu.", ["“Tôi đi. Anh ở lại”, ông nói.", "Bà gật đầu."]),
    ('Ông hỏi: "Ai làm? Tại sao?". Không ai đáp.', ['Ông hỏi: "Ai làm? Tại sao?".', "Không ai đáp."]),
    # closings, ellipses, ordinals, glued paragraphs, names with an inner capital
    ("Quyết định có hiệu lực từ ngày ký./. Nơi nhận: như trên.",
     ["Quyết định có hiệu lực từ ngày ký./.", "Nơi nhận: như trên."]),
    ("Anh chờ mãi… Cuối cùng xe cũng tới.", ["Anh chờ mãi…", "Cuối cùng xe cũng tới."]),
    ("Anh chờ mãi... rồi về.", ["Anh chờ mãi... rồi về."]),
    ("Báo cáo nêu: 1. Tin tặc xâm nhập. 2. Chúng lấy mã.",
     ["Báo cáo nêu:", "1. Tin tặc xâm nhập.", "2. Chúng lấy mã."]),
    ("Yêu cầu với trường không thi 1. Đối với trường A, làm X. 2. Đối với trường B, làm Y.",
     ["Yêu cầu với trường không thi", "1. Đối với trường A, làm X.", "2. Đối với trường B, làm Y."]),
    ("Vụ án do công an quận 3. Kiểm sát viên đề nghị hoãn.",
     ["Vụ án do công an quận 3.", "Kiểm sát viên đề nghị hoãn."]),
    ("Cô giáo đánh trẻ ở lớp Sen Vàng (ảnh từ clip) Cũng trong sáng 6/2, Bộ ra công văn.",
     ["Cô giáo đánh trẻ ở lớp Sen Vàng (ảnh từ clip)", "Cũng trong sáng 6/2, Bộ ra công văn."]),
    ("Lửa lan sang bếp.Lực lượng cứu hỏa tới.", ["Lửa lan sang bếp.", "Lực lượng cứu hỏa tới."]),
    ("Apple ra mắt máy mới. iPhone 7 bán chạy.", ["Apple ra mắt máy mới.", "iPhone 7 bán chạy."]),
    ("Dòng một.\nDòng hai không chấm", ["Dòng một.", "Dòng hai không chấm"]),
])
def test_splitter_knows_vietnamese_news(text, expected):
    assert _split(text) == expected


def test_splitter_offsets_and_quotes_on_demand():
    text = "“Tôi đi. Anh ở lại”, ông nói. Bà gật đầu."
    assert _split(text, whole_quotes=False) == ["“Tôi đi.", "Anh ở lại”, ông nói.", "Bà gật đầu."]
    for offset, s in sentences(text):
        assert text[offset:offset + len(s)] == s
    # an opening quote that never closes protects nothing
    assert _split("Ông nói “tôi đi. Bà ở lại.") == ["Ông nói “tôi đi.", "Bà ở lại."]


NEWS = Article(
    title="Giá thuê nhà trọ ở Thủ Đức tăng mạnh",
    lede="Giá thuê phòng trọ quanh các khu công nghiệp ở Thủ Đức tăng 15% trong ba tháng, "
         "theo khảo sát của Sở Xây dựng công bố ngày 5/8.",
    blocks=(
        Paragraph(plain("Phòng trọ quanh các khu công nghiệp ở Thủ Đức tăng giá mạnh trong ba tháng qua. "
                        "Một phòng 15 m² nay có giá 2,5 – 3 triệu đồng mỗi tháng, cao hơn 400.000 đồng so với "
                        "đầu năm.")),
        Paragraph(plain("Nhiều công nhân có lương 5 – 6 triệu đồng cho biết phải ở ghép 3 – 4 người một phòng. "
                        "“Tiền trọ chiếm gần một nửa thu nhập của tôi”, chị Lê Thị Hoa nói.")),
        Paragraph(plain("Tháng 11 năm ngoái.")),
        Paragraph(plain("Sở Xây dựng kiến nghị thành phố xây thêm 12.000 căn nhà ở xã hội cho công nhân "
                        "trước năm 2027, Giám đốc Sở Trần Văn Minh cho biết.")),
        Paragraph(plain("Mọi thông tin xin liên hệ đường dây nóng 0912 345 678 của Sở Xây dựng. "
                        "Tải ứng dụng Báo Tin Mới để đọc nhanh hơn.")),
        ListBlock((plain("Thứ nhất, tăng nguồn cung nhà ở xã hội cho thuê gần khu công nghiệp."),
                   plain("Thứ hai, hỗ trợ tiền trọ cho công nhân có thu nhập thấp."))),
    ),
)


def test_points_are_whole_sentences_or_whole_items():
    chosen = select(NEWS, 5, 200)
    assert len(chosen) >= 3
    for p in chosen:
        b = NEWS.blocks[p.block]
        if isinstance(b, ListBlock):
            assert p.kind == "list" and p.text == text_of(b.items[p.sentence].text)
        else:
            assert p.kind == "sentence" and p.trimmed is None
            assert p.text == _split(b.text[0].text)[p.sentence]
        assert flaw(p.text) is None
        # A capital first, after an opening quotation mark ("“Tiền trọ …”, chị Hoa nói.")
        assert p.text.lstrip("“\"«(")[0].isupper() and p.text.rstrip("”\"»)")[-1] in ".!?…"
    texts = [p.text for p in chosen]
    # a range is never cut at its dash, and the sentence that holds it is whole
    assert not any(t.startswith(("6 triệu", "3 triệu", "4 người")) for t in texts)
    where = [(p.block, p.sentence) for p in chosen]
    assert where == sorted(where) and len(set(where)) == len(where)  # article order, each once


@pytest.mark.parametrize("line", [
    "Mọi chi tiết xin gọi số 0912 345 678 của ban tổ chức ngay hôm nay.",
    "Hotline: 1900 1234 hỗ trợ khách hàng suốt ngày đêm trong tuần.",
    "Ủng hộ qua số tài khoản 0123456789 tại ngân hàng Vietcombank chi nhánh Hà Nội.",
    "Bản quyền thuộc về Báo Tin Mới, cấm sao chép dưới mọi hình thức.",
    "© 2025 Báo Tin Mới, mọi quyền được bảo lưu theo quy định.",
    "Giấy phép số 123/GP-BTTTT do Bộ Thông tin cấp ngày 1/1/2020.",
    "Liên hệ quảng cáo và hợp tác nội dung với tòa soạn qua biểu mẫu.",
    "Tải ứng dụng Báo Tin Mới để đọc tin tức nhanh hơn mỗi ngày.",
    "Theo Báo Tin Mới Điện Tử Việt Nam.",
    "Ảnh: Minh Châu, chụp tại hiện trường vụ cháy sáng nay.",
    "Xem thêm: Giá vàng hôm nay tăng mạnh sau phiên giao dịch.",
    "Mọi góp ý xin gửi về hộp thư toasoan@baotinmoi.vn của tòa soạn.",
    "Tháng 11 năm ngoái.",  # under six syllables
    "Ông nói “sẽ làm ngay trong tuần tới.",  # unbalanced
    "khi đó giá thuê đã tăng gấp đôi so với năm trước.",  # lower case: a fragment
    "Giá thuê đã tăng gấp đôi so với năm trước",  # no closing punctuation
    "PV: Xin ông cho biết lý do tập đoàn quyết định đầu tư vào dự án này?",  # a reporter's question
    "“Vì sao giá nhà vẫn tăng dù giao dịch chậm lại suốt nửa năm qua?”",  # and one quoted
    # a speaker's exhortation without its quotation marks (helper-135)
    "Điều quan trọng nữa là sự đồng lòng của cả hệ thống chính trị và nhân dân trong phường.",
    "Hãy hành động ngay hôm nay để bảo vệ môi trường sống của chính chúng ta.",
    # a side item under the story
    "*Trước đó, trên Quốc lộ 1 cũng xảy ra một vụ tai nạn giữa xe tải và xe khách.",
    "Trong một diễn biến khác, Barcelona đang ngắm tiền vệ Juan Cuadrado của Chelsea.",
    # one step of a numbered sequence
    "Lộ trình 2: đường Tôn Đức Thắng, đường Hai Bà Trưng, đường Lê Thánh Tôn.",
    "Bước 4: Nếu hồ sơ hợp lệ sẽ được nhận kết quả chuyển phát tại địa chỉ đã đăng ký.",
])
def test_filters_refuse_boilerplate_and_fragments(line):
    assert flaw(line) is not None


@pytest.mark.parametrize("line", [
    "Theo ông Nguyễn Văn A, giá vàng có thể còn tăng trong tuần tới.",
    "Ảnh hưởng của bão số 3 khiến nhiều tuyến đường ngập sâu.",
    "Nguồn tin cho biết vụ việc đang được cơ quan công an điều tra.",
    "iPhone 7 bán chạy nhất trong quý, theo hãng nghiên cứu thị trường.",
    "“Chúng tôi sẽ làm ngay”, ông Nguyễn Văn A nói với báo chí.",
    "Hãng Hãy Cười ra mắt bộ phim hoạt hình mới vào dịp Tết Nguyên đán năm nay.",
    # a quotation names its speaker; "Muốn …, …" is a purpose (helper-136)
    "“Chúng ta phải bàn xem quỹ bảo hiểm y tế có đủ chi không”, Thủ tướng nói.",
    "Muốn giảm ùn tắc, TP.HCM sẽ xây thêm 3 cầu vượt trong năm nay.",
    "Năm 2016: doanh thu của tập đoàn tăng 20% so với cùng kỳ năm trước.",  # a year is no step
])
def test_filters_let_real_sentences_through(line):
    assert flaw(line) is None


def test_no_boilerplate_or_lede_repeat_among_points():
    short, chosen = plan(NEWS, 5, 200)
    texts = " ".join(p.text for p in chosen)
    assert "0912" not in texts and "Tải ứng dụng" not in texts and "Tháng 11 năm ngoái" not in texts
    # the first body sentence says again what the lede says: never a point; with
    # another lede it is the first one chosen
    first = "Phòng trọ quanh các khu công nghiệp ở Thủ Đức tăng giá mạnh trong ba tháng qua."
    assert first not in texts and short == NEWS.lede
    other = replace(NEWS, lede="Công nhân khó khăn.")
    assert first in [p.text for p in plan(other, 5, 200)[1]]


def test_trailing_attribution_or_parenthesis_dropped_only_to_fit():
    a = Article("Nhà ở xã hội cho công nhân", lede="Thành phố sẽ xây thêm nhà ở xã hội.", blocks=(
        Paragraph(plain("Sở Xây dựng kiến nghị thành phố xây thêm 12.000 căn nhà ở xã hội cho công nhân "
                        "các khu công nghiệp trước năm 2027, Giám đốc Sở Trần Văn Minh cho biết.")),))
    whole = select(a, 5, 100)
    assert [p.text for p in whole] == [a.blocks[0].text[0].text] and whole[0].trimmed is None
    cut = select(a, 5, 32)  # 24 words and the speaker (7 with its dash) fit; 32 words did not
    assert len(cut) == 1 and cut[0].trimmed == "attribution"
    assert cut[0].text == ("Sở Xây dựng kiến nghị thành phố xây thêm 12.000 căn nhà ở xã hội cho công nhân "
                           "các khu công nghiệp trước năm 2027.")
    assert cut[0].speaker == "Giám đốc Sở Trần Văn Minh"
    b = Article("Nhà trọ", lede="Giá tăng.", blocks=(Paragraph(plain(
        "Một phòng trọ rộng 15 m² ở Thủ Đức (gần khu chế xuất Linh Trung, nơi có hơn 40.000 công nhân) "
        "nay có giá 3 triệu đồng mỗi tháng.")),))
    cut = select(b, 5, 20)
    assert [p.text for p in cut] == ["Một phòng trọ rộng 15 m² ở Thủ Đức nay có giá 3 triệu đồng mỗi tháng."]
    assert cut[0].trimmed == "parenthesis"
    c = Article("Bắt nghi phạm", lede="Công an huyện bắt một nam thanh niên.", blocks=(Paragraph(plain(
        "Bước đầu cơ quan chức năng xác định, nam thanh niên nói trên là Nguyễn Văn B. "
        "(21 tuổi, trú tại huyện Phú Xuyên, Hà Nội, từng có tiền án về tội trộm cắp tài sản).")),))
    cut = select(c, 5, 20)  # the initial's full stop ends the sentence: "B..", never
    assert [p.text for p in cut] == ["Bước đầu cơ quan chức năng xác định, nam thanh niên nói trên là Nguyễn Văn B."]



def test_an_official_texts_closing_mark_does_not_end_a_point():
    """helper-143: "… Phạm Ngọc Hùng./." as a point: "./." closes the article, and in
    a review it reads as a stray slash."""
    a = Article("Mùa muối", lede="Diêm dân bắt đầu vụ muối mới.", blocks=(Paragraph(plain(
        "Vụ sản xuất muối chính vụ bắt đầu từ tháng 5 đến tháng 8 năm nay, với hơn 200 hộ tham gia./.")),))
    assert [p.text for p in select(a, 5, 100)] == [
        "Vụ sản xuất muối chính vụ bắt đầu từ tháng 5 đến tháng 8 năm nay, với hơn 200 hộ tham gia."]


STORY = ("Cơn bão số 3 đổ bộ vào Quảng Ninh chiều 6/9 với sức gió mạnh cấp 12.\n"
         "Hơn 50.000 người dân đã được sơ tán khỏi vùng nguy hiểm trước khi bão đổ bộ.\n"
         "Tại Hạ Long, hàng trăm cây xanh bị quật đổ, nhiều tuyến phố mất điện trong đêm.\n"
         "Ban Chỉ đạo tỉnh yêu cầu các địa phương khắc phục hậu quả và bảo đảm an toàn cho người dân.\n")


def _newsroom(code: str, title: str, lede: str, body: str) -> str:
    return f"{title}\n({code}) - {lede}\n{body}"


def test_bundle_skips_points_another_article_gave(tmp_path):
    one = _newsroom("BM", "Bão số 3 đổ bộ Quảng Ninh", "Chiều 6/9, bão số 3 đổ bộ vào Quảng Ninh.", STORY)
    # another outlet's own article of the same story: one sentence in common
    two = _newsroom("GD", "Quảng Ninh khắc phục hậu quả bão", "Quảng Ninh khẩn trương khắc phục hậu quả bão.",
                    "Hơn 50.000 người dân đã được sơ tán khỏi vùng nguy hiểm trước khi bão đổ bộ.\n"
                    "Ngành điện huy động 300 công nhân để khôi phục lưới điện cho thành phố Hạ Long.\n"
                    "Các trường học ở Hạ Long cho học sinh nghỉ học thêm một ngày để dọn dẹp.\n")
    (tmp_path / "a.txt").write_text(one, encoding="utf-8")
    (tmp_path / "b.txt").write_text(two, encoding="utf-8")
    import bantin as api

    entries = plans((api.read(tmp_path / "a.txt"), api.read(tmp_path / "b.txt")), 5, 100)
    assert len(entries) == 2  # two articles, not copies
    shown = [p.text.replace("\u00a0", " ") for _, _, chosen in entries for p in chosen]
    shared = "Hơn 50.000 người dân đã được sơ tán khỏi vùng nguy hiểm trước khi bão đổ bộ."
    assert shown.count(shared) == 1, shown
    # each article alone would give it
    assert any(p.text.replace("\u00a0", " ") == shared for p in plan(api.read(tmp_path / "b.txt"), 5, 100)[1])


def test_syndicated_copies_collapse_to_one_entry_naming_every_outlet(tmp_path):
    for code in ("BM", "GD", "TN"):
        (tmp_path / f"{code}.txt").write_text(
            _newsroom(code, "Bão số 3 đổ bộ Quảng Ninh", "Chiều 6/9, bão số 3 đổ bộ vào Quảng Ninh.", STORY),
            encoding="utf-8")
    (tmp_path / "other.txt").write_text(_newsroom(
        "GD", "Hà Nội tuyển 2.500 giáo viên", "Hà Nội công bố kế hoạch tuyển 2.500 giáo viên.",
        "Các huyện ngoại thành được ưu tiên tuyển trước, với 60% chỉ tiêu cho giáo viên mầm non.\n"), "utf-8")
    files = [str(tmp_path / n) for n in ("BM.txt", "GD.txt", "TN.txt", "other.txt")]
    r = bantin("export", "-f", "txt", "--digest", "--bundle", "Điểm báo", "-o", "-", *files)
    assert r.returncode == 0, r.stderr.decode()
    text = r.stdout.decode("utf-8").replace("\u00a0", " ")
    assert text.count("Bão số 3 đổ bộ Quảng Ninh") == 1
    source = text.splitlines()[text.splitlines().index("1. Bão số 3 đổ bộ Quảng Ninh") + 1]
    assert all(code in source for code in ("BM", "GD", "TN")) and source.count(",") == 2 and "2 bài" in text
    assert text.count("Hơn 50.000") <= 1
    # grouped by outlet, each outlet keeps its own copy
    r = bantin("export", "-f", "txt", "--digest", "--bundle", "Theo báo", "--group-by", "outlet", "-o", "-", *files)
    assert r.returncode == 0 and r.stdout.decode("utf-8").replace("\u00a0", " ").count("Bão số 3 đổ bộ Quảng Ninh") == 3
    b = build(tuple(__import__("bantin").read(Path(f)) for f in files), "Điểm báo")
    assert len(b.articles) == 2 and b.articles[0].outlet == Outlet(name="BM, GD, Thanh Niên (TN)")


def test_inspect_gives_provenance_and_score_parts(tmp_path):
    path = tmp_path / "tin.txt"
    path.write_text(_newsroom("BM", "Bão số 3 đổ bộ Quảng Ninh", "Chiều 6/9, bão số 3 đổ bộ vào Quảng Ninh.",
                              STORY), encoding="utf-8")
    r = bantin("inspect", "--digest", str(path))
    assert r.returncode == 0, r.stderr.decode()
    entry = json.loads(r.stdout)["digest"][0]
    import bantin as api

    article = api.read(path)
    assert entry["points"]
    for p in entry["points"]:
        assert p["text"] == _split(api.text_of(article.blocks[p["block"]].text))[p["sentence"]]
        s = p["score"]
        assert set(s) == {"score", "central", "story", "position", "cues", "penalty"}
        assert s["story"] == 0  # one article alone: no other outlet to lean on
        assert abs(s["central"] + s["position"] + s["cues"] + s["penalty"] - s["score"]) < 0.003
        assert 0 < s["position"] and 0 <= s["central"] <= 1 and s["penalty"] <= 0
    scores = [p["score"]["score"] for p in entry["points"]]
    others = {u.text for u in units(article)} - {p["text"] for p in entry["points"]}
    assert scores and others  # something was left out, by score
    # same input, same points, whatever the hash seed
    again = bantin("inspect", "--digest", str(path), env={"PYTHONHASHSEED": "12345"})
    assert again.stdout == r.stdout


@pytest.mark.parametrize("paragraph", [
    ("việc này, " * 30000)[:300_000] + "xong.",
    ("TP. Hà Nội có mưa, " * 9000)[:160_000],
    ("TP. Hà Nội có 2.900 đảng viên. " * 5200)[:160_000],
    ("“Ông N. V. An nói. " * 9000)[:160_000],
])
def test_digest_is_linear_in_paragraph_length(paragraph):
    # 0.2 took minutes on these (its splitter re-read the text before each stop).
    a = Article("Bài rất dài", lede="Một đoạn rất dài.", blocks=(Paragraph(plain(paragraph)),))
    start = time.process_time()
    plan(a, 5, 100)
    assert time.process_time() - start < 5


def test_a_filler_is_no_key_point_even_with_words_to_spare(monkeypatch):
    filler = "Giải bóng đá thiếu niên của phường vẫn diễn ra đúng lịch."
    a = Article("Bão số 3 đổ bộ Quảng Ninh", lede="Chiều 6/9, bão số 3 đổ bộ vào Quảng Ninh.", blocks=(
        Paragraph(plain(STORY.replace("\n", " "))), Paragraph(plain(filler))))
    chosen = select(a, 5, 300)
    assert len(chosen) >= 2 and filler not in [p.text for p in chosen]
    assert min(p.parts.score for p in chosen) >= max(p.parts.score for p in chosen) / 3
    monkeypatch.setattr("bantin.digest.points.FLOOR", 0.0)
    assert filler in [p.text for p in select(a, 5, 300)]  # words were left for it


@pytest.mark.parametrize("text, leans", [
    ("Đây sẽ là một bước đi quan trọng trong quan hệ giữa quân đội hai nước sau chuyến thăm.", True),
    ("Đây là lần thứ ba trong năm nay thành phố phải sơ tán người dân khỏi vùng ngập.", True),
    ("Ông này khai nhận đã nhiều lần vận chuyển hàng cấm qua biên giới trong năm qua.", True),
    ("Bộ Y tế vừa công bố thêm ba ca mắc mới tại Hà Nội và TP HCM trong ngày hôm qua.", False),
    ("Đấy là chuyện của hai mươi năm trước, khi cả làng còn chưa có điện lưới quốc gia.", True),
    ("Đầy ắp hàng hóa, các chợ đầu mối ở Hà Nội nhộn nhịp từ sáng sớm đến tận khuya.", False),
    # a subject that points back at someone or something named before
    ("Hãng công nghệ này đang cân nhắc niêm yết cổ phiếu tại New York vào đầu năm sau.", True),
    ("Cậu ấy từng luyện tập và ngâm nước đá tới tận 3 giờ sáng trước mỗi trận đấu lớn.", True),
    ("Thông tin này được Thủ tướng đưa ra tại phiên họp thứ 9 của Ban Chỉ đạo sáng 16/2.", True),
    ("Năm nay, thành phố dành 657.000 tỷ đồng cho các dự án hạ tầng giao thông trọng điểm.", False),
    # a sentence that announces the next one
    ("Lộ trình thay thế cụ thể như sau: đường Lê Thánh Tôn, đường Đồng Khởi, đường Tôn Đức Thắng.", True),
    # a phrase anywhere that names what an earlier sentence said
    ("Cục Quản lý chất lượng đề nghị các tỉnh nói trên lấy mẫu muối từ ba cơ sở sản xuất tại địa phương.", True),
    ("Hiện có khoảng 28.500 binh lính Mỹ đồn trú tại căn cứ quân sự kể trên để sẵn sàng ứng phó.", True),
    ("Các sản phẩm chưa đáp ứng quy định mới nêu trên vẫn được lưu thông đến hết ngày 30/11/2016.", True),
    ("Hàng trăm tàu cá neo đậu trên sông Hàn từ chiều qua để tránh cơn bão số 3 đang tiến vào bờ.", False),
    # a noun and "trên", "the … above"
    ("Công an tỉnh Bắc Giang đang giám định số vật liệu nổ trên tại phòng thí nghiệm của Bộ Công an.", False),
    ("Công an tỉnh Bắc Giang đã thu giữ và đang giám định toàn bộ số vật liệu nổ trên.", True),
    ("Thông cáo trên xác nhận hai người đã thiệt mạng trong vụ không kích tối 21/5 gần biên giới.", True),
    ("Bốn cán bộ kiểm lâm đã dùng một chiếc thuyền nhỏ để bám theo các đối tượng trên, rồi báo công an.", True),
    ("Hạt kiểm lâm huyện Krông Pa đang làm báo cáo nhanh về vụ phá rừng gửi lên cấp trên.", False),
    ("Giá vàng miếng trong nước sáng nay đứng ở mức trên 36 triệu đồng mỗi lượng.", False),
    ("Các sản phẩm được bày bán trên thị trường phải ghi rõ nguồn gốc xuất xứ bằng tiếng Việt.", False),
    # a bare pronoun for someone named before (helper-135); a capital after it is a name
    ("Cô ở lại Hàn Quốc tới giữa tháng 6 để hoàn thành các cảnh quay cuối cùng của bộ phim.", True),
    ("Ông cho biết thành phố sẽ hoàn thành việc giải phóng mặt bằng trước cuối năm nay.", True),
    ("Ông Nguyễn Văn An cho biết thành phố sẽ hoàn thành việc giải phóng mặt bằng trước cuối năm.", False),
    ("Bà con nông dân ở các xã ven biển đã thu hoạch xong lúa trước khi cơn bão đổ bộ.", False),
    ("Anh và Pháp cùng kêu gọi các bên kiềm chế sau vụ tấn công tại biên giới hôm qua.", False),
    # (helper-136) "Anh" is Britain as often; a word then a name is a title; "Còn nhớ" remembers
    ("Anh đã chính thức rời Liên minh châu Âu sau cuộc trưng cầu dân ý năm 2016.", False),
    ("Cô giáo Lan cho biết các em học sinh đã được nghỉ học từ sáng nay để tránh bão.", False),
    ("Còn nhớ năm 2007, Lee Nguyễn từng khoác áo đội tuyển Mỹ ở Cúp Vàng CONCACAF.", False),
    ("Một năm trước, giá vàng miếng trong nước chỉ ở mức 35 triệu đồng mỗi lượng.", False),
    # an opener that points at what came before
    ("Cụ thể, Tập đoàn ANA sẽ mua lại 8,8% cổ phần của hãng hàng không Vietnam Airlines.", True),
    ("Vài giờ sau, lực lượng cứu hộ đã tiếp cận được hiện trường và đưa các nạn nhân ra ngoài.", True),
    # A count in figures from an event told before (another flight's bomb in the
    # EgyptAir story): which plane? One that names what it counts from does not lean.
    ("Khoảng 20\u00a0phút sau khi máy bay cất cánh, chiếc máy tính phát nổ, khoét một lỗ thủng lớn.", True),
    ("15 phút sau, lực lượng cứu hỏa đã có mặt tại hiện trường và dập tắt đám cháy.", True),
    ("Hơn 30 năm sau ngày thống nhất, thành phố đã đổi thay với nhiều công trình mới.", False),
    # helper-143's editor's read: forms that lean and were shown as points
    ("Vẫn theo ông Hải, công ty luôn gặp khó khăn trong việc tuyển dụng nhân sự mới.", True),
    ("Bởi lẽ, đây là lần đầu tiên tổng thống được bầu ra không thuộc hai đảng lớn.", True),
    ("Hai trong số đó đã được đưa đến bệnh viện tỉnh để cấp cứu ngay trong đêm qua.", True),
    ("60% trong số này vừa mới hoạt động trong hai năm qua sau khi sân bay hoàn thành.", True),
    ("Đứng tiếp theo là Anthony Martial với mức phí chuyển nhượng 86 triệu bảng Anh.", True),
    ("Cũng trong chương trình này, hơn 500 sinh viên đã có buổi trao đổi với diễn viên.", True),
    ("Tối 17/5, người này cầm một vali đến địa chỉ ở quận Gò Vấp và nói có tiền bên trong.", True),
    ("Do vậy, thành phố phải có tầm nhìn và tư duy đột phá để vươn lên trong thời gian tới.", True),
    # helper-146: an item of an enumeration whose first came before; "Thứ Hai" is a Monday
    ("Thứ hai, đào tạo kỹ năng số cho cán bộ, công chức và người dân trên địa bàn tỉnh.", True),
    ("Ba là, tăng cường kiểm tra việc niêm yết giá vé tại các điểm trông giữ xe.", True),
    ("Thứ Hai, ông Trump ký sắc lệnh tạm dừng nhập cư đối với công dân bảy nước.", False),
    # helper-148: a result of what was told; a subject of four words and "này"; teasers
    # that tell only that something was told
    ("Hậu quả, cả ba người bị thương nặng và được đưa đi cấp cứu tại bệnh viện huyện.", True),
    ("Hậu quả của đợt rét đậm kéo dài là hàng nghìn con trâu bò bị chết tại các tỉnh miền núi.", False),
    ("Đại diện cửa hàng này cho biết sẽ hoàn lại tiền cho toàn bộ khách hàng đã mua sản phẩm.", True),
    ("Mới đây, HLV Ancelotti đã tiết lộ sự thật cực sốc về Ronaldo…", True),
    ("Sau lễ đón tại Cảng quốc tế Cam Ranh, Chuẩn đô đốc Soonil V Bhokare đã trả lời báo chí Việt Nam.", True),
    ("Ông Hùng tiết lộ lý do là chi phí nhập khẩu nguyên liệu đã tăng gấp đôi trong năm qua.", False),
    ("Bộ trưởng trả lời báo chí về giá xăng tăng cao trong tuần qua và các biện pháp bình ổn giá.", False),
    # a bare "hãng", "công ty" before its verb; "mọi người" for the people of the story
    ("Hơn 10 ngày, hãng đã chấp thuận ít nhất 12 giao dịch chuyển tiền của ngân hàng này.", True),
    ("Công ty sẽ hoàn thiện các hạng mục còn lại trong quý III để bàn giao cho cư dân.", True),
    ("Mọi người chạy sang nhà ông Dần thì phát hiện đám cháy đã lan sang gian bếp.", True),
    ("Hãng hàng không Vietjet đã mở thêm ba đường bay quốc tế từ Đà Nẵng trong tháng này.", False),
    ("Mọi người dân trong vùng lũ đều được hỗ trợ 2 triệu đồng và 20 kg gạo mỗi hộ.", False),
    # "Như vậy" sums up what the article told, often its news; a number, "trong số" a count
    ("Như vậy, lần thứ hai liên tiếp judo Việt Nam có suất trực tiếp thi đấu tại Olympic.", False),
    ("Trong số 21 doanh nghiệp bị thu hồi giấy phép có 13 doanh nghiệp đặt trụ sở ở Hà Nội.", False),
    ("Sáng 12/5, Bộ Y tế công bố thêm ba ca mắc mới tại Hà Nội và TP HCM trong ngày hôm qua.", False),
])
def test_a_sentence_that_leans_on_the_one_before_is_marked(text, leans):
    from bantin.digest.salience import flaws
    from bantin.digest.salience import leans as leaning

    assert leaning(text) is leans and flaws(text) == 0


@pytest.mark.parametrize("text, before, shown, leans", [
    # helper-138: "Ông So tuyên bố …" under a headline that never names him.
    ("Ông So tuyên bố Triều Tiên sẽ đáp trả.", ["Đại sứ So Se Pyong phát biểu tại Geneva."], "Triều Tiên dọa", True),
    ("Ông Hòa cho biết gia đình lãi gần 150 triệu đồng.", ["Theo ông Lê Văn Hòa, ngụ xã Mỹ Hòa."], "Trúng mùa", True),
    ("Anh Tuấn kể lại vụ việc.", ["Anh Nguyễn Anh Tuấn (35 tuổi) là tài xế taxi."], "Tài xế dũng cảm", True),
    # Shown above the points: the reader knows him.
    ("Ông Hòa cho biết gia đình lãi gần 150 triệu đồng.", ["Theo ông Lê Văn Hòa, ngụ xã Mỹ Hòa."],
     "Ông Lê Văn Hòa trúng mùa", False),
    # A place, not a person; and a name never given in full.
    ("Ông Hòa cho biết gia đình lãi gần 150 triệu đồng.", ["Người dân tỉnh Hòa Bình phấn khởi."], "", False),
    ("Ông Hòa cho biết gia đình lãi gần 150 triệu đồng.", ["Nông dân trúng mùa lúa."], "", False),
    ("Ông Nguyễn Văn Hòa cho biết gia đình lãi lớn.", ["Theo ông Lê Văn Hòa, ngụ xã Mỹ Hòa."], "", False),
])
def test_a_person_called_by_one_word_of_a_name_given_before_leans(text, before, shown, leans):
    from bantin.digest.salience import named_before

    assert named_before(text, before, shown) is leans


def test_a_first_person_sentence_that_names_no_speaker_is_a_last_resort():
    """"Tôi tin rằng …" from the middle of a quotation reads, out of its article,
    as the outlet's own voice: it is no point while the article has news to give.
    The same words with their speaker, or an op-ed written as "tôi", still are."""
    quoted = "Tôi tin rằng đội tuyển Anh đủ sức vô địch Euro 2016 với lứa cầu thủ trẻ hiện nay."
    a = Article("Rooney nói về đội tuyển Anh trước Euro 2016",
                lede="Đội trưởng Wayne Rooney trả lời báo chí trước trận giao hữu với Bồ Đào Nha.",
                # An interview set as paragraphs of the speaker's words, no quotation marks.
                blocks=(Paragraph(plain("Trong buổi họp báo ở London, Rooney chia sẻ về đội tuyển Anh như sau.")),
                        Paragraph(plain(quoted)),
                        Paragraph(plain("Đội tuyển Anh sẽ gặp Bồ Đào Nha tại sân Wembley vào tối 2/6 "
                                        "trong trận giao hữu cuối cùng trước Euro 2016.")),))
    chosen = [p.text for p in select(a, 5, 100)]
    assert chosen and not any(t.startswith("Tôi") for t in chosen), chosen
    said = replace(a, blocks=(Paragraph(plain(f"“{quoted}”, Rooney nói.")),))
    assert [p.text for p in select(said, 5, 100)] == [f"“{quoted}”, Rooney nói."]
    from bantin.digest.salience import unsaid

    assert not unsaid(f"“{quoted}”, ông ta nói.")  # "ông ta" (he) names the speaker
    assert unsaid("Chúng tôi đánh giá cao tài năng của Tuấn Anh và muốn ký hợp đồng dài hạn.")
    # "nói riêng", "nói chung": in particular, in general; no one says it (helper-144)
    assert unsaid("Chúng tôi cam kết đầu tư lâu dài tại thị trường Việt Nam nói riêng và khu vực nói chung.")
    assert not unsaid("Chúng tôi cam kết đầu tư lâu dài tại thị trường Việt Nam, ông A nói.")
    assert not unsaid("Chiều 19/5, trao đổi với chúng tôi, bà Hòa cho biết gia đình đã nộp đơn.")
    oped = replace(a, blocks=(Paragraph(plain(quoted)),))
    assert [p.text for p in select(oped, 5, 100)] == [quoted]


def test_a_lede_of_a_few_words_is_a_lost_sapo_and_the_entry_goes_without_it():
    body = ("Tổng thể, ngân hàng Wells Fargo đã chuyển 12 triệu USD của ngân hàng BDA đến các tài khoản "
            "trên khắp thế giới theo các điện chuyển tiền giả mạo.")
    a = Article("Tin tặc lừa ngân hàng qua mạng SWIFT", lede="Wells Fargo thực hiện.",
                blocks=(Paragraph(plain(body)),))
    shown, chosen = plan(a, 5, 100)
    assert shown is None
    assert [p.text for p in chosen] == [body]
    assert plan(replace(a, lede="Ngân hàng Wells Fargo đã chuyển tiền theo điện giả mạo."), 5, 100)[0]


@pytest.mark.parametrize("sapo, shown", [
    ("Ông Hữu Anh cho biết: “Việc công văn yêu cầu thu hồi những quyển sách còn bày bán trên thị trường.",
     "Ông Hữu Anh cho biết: “Việc công văn yêu cầu thu hồi những quyển sách còn bày bán trên thị trường…”"),
    ("Ông A nói: “Chúng tôi đã làm hết sức mình (kể cả những ngày nghỉ…",
     "Ông A nói: “Chúng tôi đã làm hết sức mình (kể cả những ngày nghỉ…)”"),
    ("Ông A nói: “Chúng tôi đã làm hết sức mình” trong cuộc họp báo chiều qua tại Hà Nội.",
     "Ông A nói: “Chúng tôi đã làm hết sức mình” trong cuộc họp báo chiều qua tại Hà Nội."),
    # helper-148: a sapo whose sentence goes on in the next paragraph
    ("Từ ngày 7/6, hệ thống cáp trong tòa nhà phải đủ cho ít nhất hai doanh nghiệp viễn thông;",
     "Từ ngày 7/6, hệ thống cáp trong tòa nhà phải đủ cho ít nhất hai doanh nghiệp viễn thông…"),
    ("Ông A nói: “Chúng tôi đã làm hết sức mình, kể cả những ngày nghỉ:",
     "Ông A nói: “Chúng tôi đã làm hết sức mình, kể cả những ngày nghỉ…”"),
    # helper-150: before a closing mark; after an ellipsis or a full stop, no second one
    ("Ông A nói: “Chúng tôi cung cấp dịch vụ cho mọi người sử dụng trong tòa nhà;”",
     "Ông A nói: “Chúng tôi cung cấp dịch vụ cho mọi người sử dụng trong tòa nhà…”"),
    ("Các mặt hàng xăng dầu, sắt thép, xi măng, phân bón vân vân...,",
     "Các mặt hàng xăng dầu, sắt thép, xi măng, phân bón vân vân..."),
])
def test_a_lede_never_leaves_a_quotation_open(sapo, shown):
    """A sapo may open a quotation that the article's next paragraph closes; the
    entry shows the sapo alone, so it closes the quotation after an ellipsis."""
    from bantin.digest.build import lede

    assert lede(sapo) == shown


def test_a_parenthesis_that_bounds_the_sentence_is_never_dropped():
    # helper-82: without "(sau khi trích lại …)" the point said the whole fee goes
    # to the clusters; such a sentence is shown whole, or not at all.
    sentence = ("Nguồn thu từ phí dự thi 35.000 đồng mỗi môn (sau khi trích lại cho Bộ Giáo dục và Đào tạo và các "
                "sở) sẽ chuyển về các cụm thi để chi cho việc tổ chức thi.")
    a = Article("Phí thi", lede="Thí sinh nộp phí dự thi.", blocks=(Paragraph(plain(sentence)),))
    assert [p.text for p in select(a, 5, 100)] == [sentence]
    assert select(a, 5, 25) == []  # 35 words do not fit in 25, and the short form would mislead
    aside = sentence.replace("(sau khi trích lại cho Bộ Giáo dục và Đào tạo và các sở)", "(khoảng 1,5 USD)")
    b = Article("Phí thi", lede="Thí sinh nộp phí dự thi.", blocks=(Paragraph(plain(aside)),))
    cut = select(b, 5, 25)
    assert [p.trimmed for p in cut] == ["parenthesis"] and "USD" not in cut[0].text


def test_no_point_is_a_speakers_sentence_cut_from_a_quotation_that_runs_on():
    """A quotation typed one sentence per paragraph: its middle sentences, shown
    alone, would read as the outlet's words. What follows the closing mark can be
    a point again, and a stray mark that never closes quotes nothing."""
    quoted = ("Huấn luyện viên Trần Văn Bình chia sẻ với báo chí: “Đội tuyển đã tập luyện suốt ba tháng liền.",
              "Các cầu thủ trẻ đã tiến bộ rất nhanh trong từng buổi tập trên sân Mỹ Đình.",
              "Tôi tin đội tuyển sẽ giành vé vào vòng chung kết giải châu Á năm nay”.",
              "Trận đấu tiếp theo của đội tuyển diễn ra tối 12/10 trên sân Mỹ Đình với 40.000 khán giả.")
    a = Article("Đội tuyển sẵn sàng cho vòng loại giải châu Á", lede="Đội tuyển bước vào đợt tập trung cuối.",
                blocks=tuple(Paragraph(plain(t)) for t in quoted))
    assert [u.block for u in units(a)] == [0, 3]  # the speaker's first sentence names him
    assert [p.block for p in select(a, 5, 200)] == [3]  # and holds an unpaired mark
    stray = replace(a, blocks=(Paragraph(plain("Giá vàng tăng 2% sau phiên sáng, theo “nguồn tin thị trường.")),
                               *a.blocks[1:2], *a.blocks[3:]))
    assert [u.block for u in units(stray)] == [0, 1, 2]
    # A name's quote left open, and a doubled closing mark paragraphs later
    # (helper-130): no speech was opened, nothing between is a speaker's.
    typo = replace(a, blocks=(Paragraph(plain("Dự án mang tên “Nước về bản gồm một nhà máy công suất 20.000 m3.")),
                              *a.blocks[1:2], *a.blocks[3:],
                              Paragraph(plain("Người dân gọi đây là công trình ”đổi đời” của cả vùng cao."))))
    assert [u.block for u in units(typo)] == [0, 1, 2, 3]


def test_a_point_that_leans_on_a_sentence_not_shown_gives_way():
    """Out of its article, "Cô ở lại Hàn Quốc …" names no one: a sentence that leans
    on the one before costs more than coming early is worth (helper-135). The
    body's first sentence, shown right under the lede, may lean on the lede."""
    body = ["Nhã Phương hiện đang ở Hàn Quốc để quay bộ phim truyền hình mới cùng đoàn làm phim.",
            "Cô ở lại Hàn Quốc tới giữa tháng 6 để hoàn thành các cảnh quay cuối cùng của bộ phim.",
            "Bộ phim truyền hình mới của đoàn làm phim Hàn Quốc sẽ lên sóng vào tháng 9 năm nay."]
    a = Article("Nhã Phương quay phim truyền hình tại Hàn Quốc",
                lede="Nữ diễn viên Nhã Phương nhận lời tham gia một bộ phim truyền hình Hàn Quốc.",
                blocks=tuple(Paragraph(plain(t)) for t in body))
    texts = [p.text for p in select(a, 2, 100)]
    assert body[1] not in texts and body[2] in texts
    first = Article(a.title, lede=a.lede, blocks=tuple(Paragraph(plain(t)) for t in body[1:]))
    assert body[1] in [p.text for p in select(first, 2, 100)]


def test_lower_case_words_with_marks_are_no_names():
    """"À-Ỹ" spans the small letters too: "đây đã được ấn định" counted as a name."""
    from bantin.digest.salience import cues

    assert cues("Lịch thi đấu của giải đây đã được ấn định từ trước khi mùa giải bắt đầu.") == 0
    assert cues("Lịch thi đấu của giải tại Hà Nội và Đà Nẵng đã được ấn định từ trước.") == 2  # two names


def test_a_lede_that_takes_the_whole_budget_still_leaves_room_for_a_point():
    # One sentence of a sapo, 90 words: it used to leave the entry no point at all.
    sapo = ("Sáng 12/5, tại trụ sở Ủy ban nhân dân tỉnh, đoàn công tác liên ngành gồm đại diện Sở Tài nguyên "
            "và Môi trường, Sở Nông nghiệp, Công an tỉnh cùng chính quyền các huyện ven biển đã họp để bàn "
            "cách xử lý số cá chết trôi dạt vào bờ suốt ba tuần qua, sau khi người dân nhiều xã phản ánh "
            "tình trạng ô nhiễm kéo dài, mùi hôi nồng nặc và thiệt hại cho các hộ nuôi trồng thủy sản "
            "dọc theo bờ biển của tỉnh trong suốt thời gian vừa qua mà chưa có ai đứng ra giải quyết.")
    fact = "Tổng cộng 120 tấn cá chết đã được thu gom và chôn lấp tại ba bãi rác của tỉnh."
    a = Article("Họp bàn xử lý cá chết dạt vào bờ", lede=sapo, blocks=(Paragraph(plain(fact)),))
    shown, chosen = plan(a, 5, 100)
    assert shown == sapo and len(sapo.split()) > 85
    assert [p.text for p in chosen] == [fact]


def test_a_phrase_that_points_back_to_what_the_entry_shows_does_not_lean():
    """helper-144: "vụ hỏa hoạn nói trên không gây thiệt hại về người" leaned, and the
    one fact five outlets gave was lost, though the title above names the fire."""
    from bantin.digest.salience import leans

    fact = "Rất may, vụ hỏa hoạn nói trên không gây thiệt hại về người nhưng toàn bộ tầng 4 bị thiêu rụi."
    assert leans(fact) and leans(fact, "Cháy nhà hàng chay trên phố Lê Ngọc Hân")
    assert not leans(fact, "Vụ hỏa hoạn thiêu rụi tầng 4 nhà hàng chay trên phố Lê Ngọc Hân")
    # the same sentence leans for what else it does
    assert leans("Tuy nhiên, " + fact[0].lower() + fact[1:], "Vụ hỏa hoạn thiêu rụi tầng 4 nhà hàng chay")
    a = Article("Vụ hỏa hoạn thiêu rụi tầng 4 nhà hàng chay trên phố Lê Ngọc Hân",
                lede="Chiều 1/6, lửa bùng lên từ khu bếp tầng 4 của nhà hàng chay số 39 phố Lê Ngọc Hân.",
                blocks=(Paragraph(plain("Lực lượng cứu hỏa đã huy động bốn xe chữa cháy đến hiện trường.")),
                        Paragraph(plain(fact))))
    assert [p.text for p in select(a, 1, 100)] == [fact]


def test_a_lede_shown_with_an_ellipsis_still_stands_above_the_body():
    """The lede shown "… như sau…" is still the article's lede: its sentence is no
    candidate, and the body's first sentence may lean on it (helper-150: the lede's
    own sentence became a point and pushed the first measure out)."""
    a = Article("Siết chặt an ninh tại các sân bay",
                lede="Cục Hàng không yêu cầu các sân bay siết chặt kiểm tra an ninh từ hôm nay, cụ thể như sau:",
                blocks=(Paragraph(plain("Theo đó, hành khách phải tháo giầy và thắt lưng khi qua máy soi "
                                        "tại tất cả các sân bay.")),
                        Paragraph(plain("Hành lý xách tay được soi chiếu hai lần trước khi lên máy bay.")),))
    from bantin.digest.build import plan

    shown, chosen = plan(a, 5, 100)
    assert shown is not None and shown.endswith("như sau…")
    assert [(p.block, p.sentence) for p in chosen] == [(0, 0), (1, 0)], chosen


def test_an_item_of_a_list_a_paragraph_introduces_is_a_last_resort():
    """"Độ ẩm không quá 12,5%." finishes "… phải bảo đảm các yêu cầu sau:"; shown
    alone it reads as a rule of its own (helper-146). Items of a list under a
    heading stand alone, and stay candidates as any sentence."""
    from bantin.model import ListItem

    def items(*texts: str) -> ListBlock:
        return ListBlock(tuple(ListItem((Paragraph(plain(t)),)) for t in texts))

    rules = items("Độ ẩm của hạt gạo không quá 12,5% khi đóng bao xuất khẩu.",
                  "Tỷ lệ tấm không quá 5% trên tổng khối lượng của lô hàng.")
    body = (Paragraph(plain("Bộ Công Thương vừa ban hành quy định mới về chất lượng gạo xuất khẩu sang châu Âu "
                            "áp dụng từ tháng 9.")),
            Paragraph(plain("Theo quy định, gạo xuất khẩu phải bảo đảm các yêu cầu sau:")), rules,
            Paragraph(plain("Năm nay các doanh nghiệp dự kiến xuất khẩu 7,5 triệu tấn gạo, tăng 4% so với năm trước.")))
    a = Article("Quy định mới về chất lượng gạo xuất khẩu", lede="Gạo xuất khẩu phải đạt chuẩn mới.", blocks=body)
    chosen = select(a, 5, 100)
    assert chosen and not any(p.kind == "list" for p in chosen), [p.text for p in chosen]
    headed = replace(a, blocks=(body[0], Heading(plain("Yêu cầu chất lượng"), 2), rules, body[3]))
    listed = [p for p in select(headed, 5, 200) if p.kind == "list"]
    assert listed and all(p.parts is not None and p.parts.penalty == 0 for p in listed)
