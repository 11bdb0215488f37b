"""bantin's Vietnamese news sentence splitter next to the splitters on PyPI, on the
same text, as issue #26 asks before the digest relies on one.

    python bench/sentence_split.py            # the traps below, and ViMs if ../shared is there
    pip install pysbd blingfire sentencex nltk # the others (MIT, MIT, MIT, Apache-2.0); each is skipped if absent

Two yardsticks:

- **Traps**: paragraphs written for this bench, each with the sentences a
  Vietnamese editor reads in it: abbreviations ("TP.", "PGS.TS.", "Q.1"),
  initials, numbers ("2.900", "5/8", "8 - 10 triệu"), quotations that hold
  their own full stops, brackets, "./.", ellipses, addresses. A case is right
  when the splitter gives exactly those sentences.
- **ViMs line joins** (``../shared/eval/digest/clusters``, 1,300 articles): ViMs
  puts a break after every sentence it marked, so when an article's body lines
  are joined by a space, every join is a sentence end a splitter must find
  (recall). About one line in seven holds more than one sentence, so a split
  inside a line is not always wrong: the script counts them and shows a seeded
  sample of the lines where splitters disagree, for a person to judge.

Time is per 1,000 sentences of ViMs text, in this process (bantin's splitter is
pure Python; blingfire and sentencex are compiled).
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bantin.digest.sentences import sentences

VIMS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "digest" / "clusters"

# (paragraph, the sentences in it). Written for this bench; no article's text.
TRAPS: list[tuple[str, list[str]]] = [
    ("Sáng 5/8, UBND TP. Hà Nội tổ chức hội nghị. Có 2.900 đại biểu dự.",
     ["Sáng 5/8, UBND TP. Hà Nội tổ chức hội nghị.", "Có 2.900 đại biểu dự."]),
    ("PGS.TS. Nguyễn Văn An cho biết kết quả rất khả quan. Nhóm sẽ công bố vào tháng tới.",
     ["PGS.TS. Nguyễn Văn An cho biết kết quả rất khả quan.", "Nhóm sẽ công bố vào tháng tới."]),
    ("Ông N. V. Bình (45 tuổi, ngụ Q.1) đã trình báo công an. Vụ việc đang được điều tra.",
     ["Ông N. V. Bình (45 tuổi, ngụ Q.1) đã trình báo công an.", "Vụ việc đang được điều tra."]),
    ("Giá lúa dao động 8 - 10 triệu đồng/tấn. Thương lái thu mua 190 – 300 tấn mỗi ngày.",
     ["Giá lúa dao động 8 - 10 triệu đồng/tấn.", "Thương lái thu mua 190 – 300 tấn mỗi ngày."]),
    ("“Chúng tôi đã làm hết sức. Kết quả sẽ đến”, ông Hùng nói. Đội bóng trở về trong đêm.",
     ["“Chúng tôi đã làm hết sức. Kết quả sẽ đến”, ông Hùng nói.", "Đội bóng trở về trong đêm."]),
    ("Bà Lan hỏi: “Ai sẽ chịu trách nhiệm?” Không ai trả lời.",
     ["Bà Lan hỏi: “Ai sẽ chịu trách nhiệm?”", "Không ai trả lời."]),
    ("Nơi nhận: như trên./. Văn bản có hiệu lực từ ngày ký.",
     ["Nơi nhận: như trên./.", "Văn bản có hiệu lực từ ngày ký."]),
    ("Mưa lớn kéo dài… Nhiều tuyến đường ngập sâu.",
     ["Mưa lớn kéo dài…", "Nhiều tuyến đường ngập sâu."]),
    ("Chợ bán đủ thứ: rau, cá, thịt, v.v. Người mua đông từ sáng sớm.",
     ["Chợ bán đủ thứ: rau, cá, thịt, v.v.", "Người mua đông từ sáng sớm."]),
    ("Tổng thống Donald J. Trump đến Hà Nội chiều nay. Ông sẽ ở lại hai ngày.",
     ["Tổng thống Donald J. Trump đến Hà Nội chiều nay.", "Ông sẽ ở lại hai ngày."]),
    ("Đoàn đã tới St. Petersburg hôm qua. Chuyến thăm kéo dài một tuần.",
     ["Đoàn đã tới St. Petersburg hôm qua.", "Chuyến thăm kéo dài một tuần."]),
    ("Lãi suất tăng lên 6,5% một năm. Các ngân hàng lớn chưa điều chỉnh.",
     ["Lãi suất tăng lên 6,5% một năm.", "Các ngân hàng lớn chưa điều chỉnh."]),
    ("Kế hoạch gồm: 1. Rà soát hồ sơ. 2. Báo cáo kết quả trước ngày 30/9.",
     ["Kế hoạch gồm: 1. Rà soát hồ sơ.", "2. Báo cáo kết quả trước ngày 30/9."]),
    ("Xem chi tiết tại vnexpress.net. Thông tin được cập nhật liên tục.",
     ["Xem chi tiết tại vnexpress.net.", "Thông tin được cập nhật liên tục."]),
    ("Đường dây nóng của Bộ (máy lẻ 12. Gọi giờ hành chính) luôn mở. Người dân có thể phản ánh.",
     ["Đường dây nóng của Bộ (máy lẻ 12. Gọi giờ hành chính) luôn mở.", "Người dân có thể phản ánh."]),
    ("Trận đấu kết thúc với tỷ số 2-1. HLV Park Hang-seo hài lòng!",
     ["Trận đấu kết thúc với tỷ số 2-1.", "HLV Park Hang-seo hài lòng!"]),
    ("Ảnh hưởng của bão số 3 rất nặng nề. Theo Bộ NN&PTNT, 12.500 ha lúa bị ngập.",
     ["Ảnh hưởng của bão số 3 rất nặng nề.", "Theo Bộ NN&PTNT, 12.500 ha lúa bị ngập."]),
    ("Nhiệt độ cao nhất 39 độ C. Độ ẩm thấp nhất 45%.",
     ["Nhiệt độ cao nhất 39 độ C.", "Độ ẩm thấp nhất 45%."]),
    ("Anh Trần Văn B. (21 tuổi) bị bắt quả tang. Tang vật gồm 3 xe máy.",
     ["Anh Trần Văn B. (21 tuổi) bị bắt quả tang.", "Tang vật gồm 3 xe máy."]),
    ("Công ty đã nộp hồ sơ lên Ủy ban Chứng khoán Mỹ (SEC). Hãng dự kiến niêm yết năm sau.",
     ["Công ty đã nộp hồ sơ lên Ủy ban Chứng khoán Mỹ (SEC).", "Hãng dự kiến niêm yết năm sau."]),
    ("Dự án có tổng vốn 1.250 tỷ đồng. Ông Ng. Thanh Hải, Giám đốc Sở, cho biết công trình sẽ xong năm 2026.",
     ["Dự án có tổng vốn 1.250 tỷ đồng.",
      "Ông Ng. Thanh Hải, Giám đốc Sở, cho biết công trình sẽ xong năm 2026."]),
    ("Tàu cập cảng lúc 9h30. Hành khách lên bờ an toàn.",
     ["Tàu cập cảng lúc 9h30.", "Hành khách lên bờ an toàn."]),
    ("Phiên tòa hoãn lại (bị cáo vắng mặt). Tòa sẽ xử lại vào tháng 11.",
     ["Phiên tòa hoãn lại (bị cáo vắng mặt).", "Tòa sẽ xử lại vào tháng 11."]),
    ("Ông ấy nói \"không bao giờ bỏ cuộc. Không bao giờ\" rồi rời đi. Khán giả vỗ tay.",
     ["Ông ấy nói \"không bao giờ bỏ cuộc. Không bao giờ\" rồi rời đi.", "Khán giả vỗ tay."]),
    ("Sản lượng tăng 4,6% so với cùng kỳ. Xuất khẩu đạt 3,2 tỷ USD. Giá bình quân 520 USD/tấn.",
     ["Sản lượng tăng 4,6% so với cùng kỳ.", "Xuất khẩu đạt 3,2 tỷ USD.", "Giá bình quân 520 USD/tấn."]),
    ("Liên hệ qua thư ban.doc@baomau.vn. Tòa soạn trả lời trong ngày.",
     ["Liên hệ qua thư ban.doc@baomau.vn.", "Tòa soạn trả lời trong ngày."]),
    ("Đội tuyển U.23 Việt Nam thắng 3-0. Đây là trận thắng thứ ba liên tiếp.",
     ["Đội tuyển U.23 Việt Nam thắng 3-0.", "Đây là trận thắng thứ ba liên tiếp."]),
    ("Vì sao giá vàng tăng? Các chuyên gia đưa ra ba lý do.",
     ["Vì sao giá vàng tăng?", "Các chuyên gia đưa ra ba lý do."]),
    ("Ths. Lê Thị Mai trình bày tham luận. Hội thảo kết thúc lúc 17h.",
     ["Ths. Lê Thị Mai trình bày tham luận.", "Hội thảo kết thúc lúc 17h."]),
    ("Khu vực này có 7.200 hộ dân. 85% trong số đó sống bằng nghề nông.",
     ["Khu vực này có 7.200 hộ dân.", "85% trong số đó sống bằng nghề nông."]),
]

_NAIVE = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")


def _bantin(text: str) -> list[str]:
    return [s for _, s in sentences(text)]


def _bantin_inside(text: str) -> list[str]:
    return [s for _, s in sentences(text, whole_quotes=False)]


def _naive(text: str) -> list[str]:
    return [s.strip() for s in _NAIVE.split(text) if s.strip()]


def splitters(train: str) -> dict[str, Callable[[str], list[str]]]:
    """Each splitter that is installed, by name; nltk's Punkt is trained (without
    labels, as Punkt is meant to be) on ``train``, since it ships no Vietnamese model."""
    out: dict[str, Callable[[str], list[str]]] = {
        "bantin": _bantin, "bantin, inside quotations too": _bantin_inside, "regex (. ! ? … + capital)": _naive}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        out["pysbd 0.3 (en rules)"] = lambda t: [s.strip() for s in seg.segment(t) if s.strip()]
    except ImportError:
        pass
    try:
        import blingfire

        out["blingfire"] = lambda t: [s for s in blingfire.text_to_sentences(t).split("\n") if s]
    except ImportError:
        pass
    try:
        import sentencex

        out["sentencex (vi)"] = lambda t: [s.strip() for s in sentencex.segment("vi", t) if s.strip()]
    except ImportError:
        pass
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        punkt = PunktSentenceTokenizer(train)
        out["nltk Punkt (trained on ViMs)"] = punkt.tokenize
    except ImportError:
        pass
    return out


def _norm(xs: list[str]) -> list[str]:
    return [" ".join(x.split()) for x in xs]


def traps(split: Callable[[str], list[str]]) -> tuple[int, list[str]]:
    wrong = [text for text, gold in TRAPS if _norm(split(text)) != _norm(gold)]
    return len(TRAPS) - len(wrong), wrong


def vims_bodies() -> list[list[str]]:
    """Each ViMs article's sapo and body lines."""
    out = []
    for f in sorted(VIMS.glob("*/*.txt")):
        lines = [ln.strip() for ln in f.read_text(encoding="utf-8").split("\n") if ln.strip()]
        out.append(lines[1:])
    return out


def _ends(parts: list[str], text: str) -> set[int]:
    """Character offsets (in ``text`` without white space) where each part ends."""
    squeezed = "".join(text.split())
    ends, at = set(), 0
    for p in parts:
        p = "".join(p.split())
        i = squeezed.find(p, at)
        if i < 0:  # a splitter that rewrote its text: align what can be aligned
            continue
        at = i + len(p)
        ends.add(at)
    return ends


def joins(split: Callable[[str], list[str]], bodies: list[list[str]]) -> tuple[float, int, int, float]:
    """Recall of the line joins, splits inside lines, sentences found, and seconds."""
    found = total = inside = n = 0
    spent = 0.0
    for lines in bodies:
        text = " ".join(lines)
        gold, at = set(), 0
        for ln in lines:
            at += len("".join(ln.split()))
            gold.add(at)
        t0 = time.perf_counter()
        parts = split(text)
        spent += time.perf_counter() - t0
        got = _ends(parts, text)
        n += len(parts)
        found += len(gold & got)
        total += len(gold)
        inside += len(got - gold)
    return found / total, inside, n, spent


def disagreements(split: dict[str, Callable[[str], list[str]]], bodies: list[list[str]], k: int) -> list[str]:
    """A seeded sample of ViMs lines that bantin and another splitter cut differently."""
    lines = [ln for b in bodies for ln in b]
    rng = random.Random(26)
    rng.shuffle(lines)
    shown = []
    for ln in lines:
        cuts = {name: _norm(f(ln)) for name, f in split.items() if not name.startswith("regex")}
        if len({tuple(v) for v in cuts.values()}) > 1:
            shown.append(ln)
            for name, parts in cuts.items():
                shown.append(f"    {name}: " + " ‖ ".join(p[:70] + ("…" if len(p) > 70 else "") for p in parts))
            if len(shown) >= k * (len(cuts) + 1):
                break
    return shown


def main() -> int:
    bodies = vims_bodies() if VIMS.is_dir() else []
    train = "\n".join(" ".join(b) for b in bodies) or " ".join(t for t, _ in TRAPS)
    split = splitters(train)
    print(f"Traps: {len(TRAPS)} paragraphs written for this bench, right = exactly the editor's sentences")
    for name, f in split.items():
        right, wrong = traps(f)
        print(f"  {name:32} {right:3d}/{len(TRAPS)}")
        if "-v" in sys.argv:
            for w in wrong:
                print(f"      wrong: {w[:90]}  ->  {' ‖ '.join(_norm(f(w)))[:160]}")
    if not bodies:
        print(f"no {VIMS}: the ViMs yardstick needs ../shared/eval/digest")
        return 0
    print(f"\nViMs: {len(bodies)} articles, each article's lines joined by a space;"
          f" {sum(len(b) for b in bodies)} line joins to find")
    print(f"  {'splitter':32} {'recall':>7} {'splits inside lines':>20} {'sentences':>10} {'ms / 1,000':>11}")
    for name, f in split.items():
        recall, inside, n, spent = joins(f, bodies)
        print(f"  {name:32} {recall:7.2%} {inside:20d} {n:10d} {spent / n * 1e6:11.1f}")
    if "--disagree" in sys.argv:
        print("\nLines where the splitters disagree (seeded sample):")
        print("\n".join(disagreements(split, bodies, 12)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
