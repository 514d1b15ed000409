"""Character-level normalisation shared by the stages: whitespace and pinyin glosses."""

from __future__ import annotations

import re

# Every Unicode space separator (NBSP, en/em spaces, ideographic space …), tabs and zero-width characters.
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")

# Pinyin glued after Han characters by some re-posting sites: 調(diào)研 -> 調研. A gloss is a pinyin syllable in
# round brackets right after a Han character; one with a tone mark is a gloss wherever it stands, a toneless one
# (de, zhe) only on a page that carries several toned glosses, so that `(LPG)` or `(临空)` are never touched.
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONED_GLOSS = re.compile(rf"(?<={_HAN})\(([a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*)\)")
_ANY_GLOSS = re.compile(rf"(?<={_HAN})\(([a-zü{_TONED}]{{1,6}})\)")
MIN_TONED_GLOSSES = 3


def normalize_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def strip_pinyin_glosses(lines: list[str]) -> list[str]:
    toned = sum(len(_TONED_GLOSS.findall(line)) for line in lines)
    if toned == 0:
        return lines
    pattern = _ANY_GLOSS if toned >= MIN_TONED_GLOSSES else _TONED_GLOSS
    return [pattern.sub("", line) for line in lines]
