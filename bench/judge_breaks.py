"""Judge the headline line breaks that ``bench/typeset.py --json`` lists: does a
break fall inside a word? The judge is an independent word segmenter, underthesea
(Apache-2.0; not a dependency of bantin: run this with an interpreter that has it).

    python bench/typeset.py --json breaks.json
    /path/to/venv/bin/python bench/judge_breaks.py breaks.json
"""

from __future__ import annotations

import json
import sys


def main() -> None:
    from underthesea import word_tokenize  # the judge, not part of bantin

    listed = json.load(open(sys.argv[1], encoding="utf-8"))
    splits, breaks = [], 0
    for doc in listed:
        for b in doc["breaks"]:
            lines = [" ".join(x.replace("\u00a0", " ").split()) for x in b["lines"]]
            text = " ".join(lines)
            cuts, at = set(), 0
            for line in lines[:-1]:
                at += len(line)
                cuts.add(at)  # the break: the space after this character offset
                at += 1
            breaks += len(cuts)
            pos = 0
            for word in word_tokenize(text):
                start = text.find(word, pos)
                if start < 0:
                    continue
                pos = start + len(word)
                for c in cuts:
                    if start < c < pos and " " in word:
                        splits.append((doc["name"], b["role"], word, " | ".join(lines)))
    for name, role, word, shown in splits:
        print(f"{name}: {role}: '{word}' split: {shown}")
    print(f"{len(splits)} of {breaks} headline breaks fall inside a word (underthesea's segmentation)")


if __name__ == "__main__":
    main()
