"""The language stage: the main text's language, script and Korean variant, and the other-language lines dropped.

The script decides first. Hangul writes only Korean, kana only Japanese, and Han without either is Chinese, so a
text whose letters are mostly of these scripts needs no statistics, which get it wrong (langdetect calls most
Traditional Chinese `ko`). A detector (`builder.language_backends`) decides only what the script leaves open: texts
in Latin, Cyrillic, Arabic … letters, and mixed texts where no script holds a clear majority. Same text, same
result, in every process.

Paragraph by paragraph, the stage then drops short paragraphs in another language than the document's (a Chinese
ICP footer under a Korean article, an English copyright line), keeps everything else, and reports the share of the
text's characters in the main language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
from datatrove.data import Document
from hanzidentifier import helpers as cedict_characters

from builder.language_backends import DEFAULT_DETECTOR, Detector, make_detector
from builder.stage import Stage, reject
from builder.variant import korean_variant

# ------------------------------------------------------------------------------------------------- letter counts
# Script shares are counted by hand: no library gives the share of Hangul, Han and kana letters in a text, and
# unicodedata names per character would be a Python loop. A table from code point to letter class, applied to the
# text's UTF-32 code units with numpy, counts every paragraph's letters in one pass (~100 MB/s).
HANG, HAN, HANT, HANS, KANA, LATN, CYRL, GREK, ARAB, HEBR, THAI, DEVA, OTHER = range(1, 14)
N_CLASSES = 14  # class 0: not a letter (digits, punctuation, spaces, symbols)

_SCRIPT_RANGES = {
    HANG: [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)],
    HAN: [(0x3005, 0x3005), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF)],
    KANA: [(0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F), (0x1B000, 0x1B16F)],
    LATN: [(0x0041, 0x024F), (0x1E00, 0x1EFF), (0xFF21, 0xFF5A)],
    CYRL: [(0x0400, 0x052F)],
    GREK: [(0x0370, 0x03FF), (0x1F00, 0x1FFF)],
    ARAB: [(0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)],
    HEBR: [(0x0590, 0x05FF)],
    THAI: [(0x0E00, 0x0E7F)],
    DEVA: [(0x0900, 0x097F)],
}
_LAST_LETTER = 0x323AF  # the end of Han extension H: Unicode has no letter above it
_NEWLINE = 0x0A

ISO_15924 = {HANG: "Hang", KANA: "Jpan", LATN: "Latn", CYRL: "Cyrl", GREK: "Grek", ARAB: "Arab", HEBR: "Hebr",
             THAI: "Thai", DEVA: "Deva", OTHER: "Zyyy"}
# Alphabets that write one language here, so that the script alone names it.
_SCRIPT_LANGUAGE = {GREK: "el", HEBR: "he", THAI: "th"}


@functools.cache
def _letter_classes() -> np.ndarray:
    """The letter class of every code point (built once per process, ~50 ms)."""
    n = _LAST_LETTER + 1
    is_letter = np.fromiter((chr(code).isalpha() for code in range(n)), dtype=bool, count=n)
    table = np.zeros(0x110000, dtype=np.uint8)
    table[:n] = np.where(is_letter, OTHER, 0)
    for letter_class, ranges in _SCRIPT_RANGES.items():
        for first, last in ranges:
            table[first : last + 1] = np.where(is_letter[first : last + 1], letter_class, 0)
    # Han characters that exist in only one of the two Chinese writing systems (CC-CEDICT via hanzidentifier).
    traditional, simplified = cedict_characters.TRADITIONAL_CHARACTERS, cedict_characters.SIMPLIFIED_CHARACTERS
    for characters, letter_class in ((traditional - simplified, HANT), (simplified - traditional, HANS)):
        codes = np.array([ord(c) for c in characters if len(c) == 1])
        table[codes[table[codes] == HAN]] = letter_class
    return table


# Web and e-mail addresses are in no language: their letters would make a Korean contact line look English.
_ADDRESSES = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)


def without_addresses(text: str) -> str:
    if "@" not in text and "://" not in text and "www." not in text:  # most text: skip the regex scan
        return text
    return _ADDRESSES.sub(" ", text)


def paragraph_letter_counts(text: str) -> np.ndarray:
    """Letters of each class in each paragraph (`text.split("\\n")`): shape (paragraphs, N_CLASSES)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _letter_classes()[codes]
    paragraph = np.cumsum(codes == _NEWLINE, dtype=np.int32)
    n_paragraphs = text.count("\n") + 1
    return np.bincount(paragraph * N_CLASSES + classes, minlength=n_paragraphs * N_CLASSES).reshape(
        n_paragraphs, N_CLASSES
    )


# ------------------------------------------------------------------------------------------------------ decision
# A Hangul, Han or kana character writes a syllable, which an alphabet spells with about three letters: the shares
# below compare syllable-sized units, so that a Korean sentence with a few English words stays Korean.
SYLLABLE_LETTERS = 3
# The script decides when one script group (Hangul, Han and kana together, or one alphabet) holds this share of the
# text; below it the text is mixed and a detector decides.
DECISIVE_SHARE = 0.6
# Among Hangul, Han and kana: kana this share of them is Japanese (Japanese prose is 40-70 % kana; a Chinese text
# quoting a Japanese name has a few), and Hangul this share of Hangul and Han is Korean (Korean with Hanja in
# brackets, or even mixed-script 국한문, keeps well above it; Chinese text has none).
KANA_SHARE = 0.2
HANGUL_SHARE = 1 / 3


@dataclass(frozen=True)
class LanguageResult:
    language: str | None  # ISO 639-1; None when the text has no letters or no detector evidence
    score: float  # confidence in `language`, in [0, 1], from `method`
    script: str | None  # ISO 15924
    method: str  # "script", a detector's name, or "none"
    variant: str | None = None  # ko-CN / ko-KR for Korean, see builder.variant
    variant_score: float | None = None


NO_LANGUAGE = LanguageResult(None, 0.0, None, "none")


def decide(counts: list[int], text: str, detector: Detector) -> LanguageResult:
    """Language and script of `text` from its letter counts (one row of `paragraph_letter_counts`)."""
    hangul, kana = counts[HANG], counts[KANA]
    han = counts[HAN] + counts[HANT] + counts[HANS]
    cjk = SYLLABLE_LETTERS * (hangul + han + kana)
    alphabets = counts[LATN:]
    letters = cjk + sum(alphabets)
    if letters == 0:
        return NO_LANGUAGE
    if cjk >= DECISIVE_SHARE * letters:
        language = _cjk_language(hangul, han, kana)
        own = {"ko": hangul, "ja": kana + han, "zh": han}[language] * SYLLABLE_LETTERS
        return LanguageResult(language, _smoothed_share(own, letters), _cjk_script(language, counts), "script")
    alphabet = LATN + max(range(len(alphabets)), key=alphabets.__getitem__)
    if counts[alphabet] >= DECISIVE_SHARE * letters and alphabet in _SCRIPT_LANGUAGE:
        script_share = _smoothed_share(counts[alphabet], letters)
        return LanguageResult(_SCRIPT_LANGUAGE[alphabet], script_share, ISO_15924[alphabet], "script")
    return _detected(text, counts, alphabet, detector)


def _cjk_language(hangul: int, han: int, kana: int) -> str:
    if kana >= KANA_SHARE * (hangul + han + kana) and kana > hangul:
        return "ja"
    if hangul >= HANGUL_SHARE * (hangul + han):
        return "ko"
    return "zh"


def _cjk_script(language: str, counts: list[int]) -> str:
    if language == "ko":
        return "Hang"  # Hanja in a Korean text are glosses, not its script
    if language == "ja":
        return "Jpan"
    # Characters shared by both systems say nothing; equal counts fall to Simplified, mainland China's norm.
    return "Hant" if counts[HANT] > counts[HANS] else "Hans"


def _smoothed_share(part: int, whole: int) -> float:
    """The share with one letter of doubt either way (Laplace): 1 Hangul syllable of 1 is 0.8, 100 of 100 0.997."""
    return (part + 1) / (whole + 2)


def _detected(text: str, counts: list[int], alphabet: int, detector: Detector) -> LanguageResult:
    detection = detector.detect(text)
    if detection is None:
        return LanguageResult(None, 0.0, ISO_15924[alphabet], detector.name)
    if detection.language in ("ko", "zh", "ja"):
        script = _cjk_script(detection.language, counts)
    else:
        script = ISO_15924[alphabet]
    return LanguageResult(detection.language, detection.probability, script, detector.name)


def with_variant(result: LanguageResult, text: str) -> LanguageResult:
    if result.language != "ko":
        return result
    variant = korean_variant(text)
    return LanguageResult(result.language, result.score, result.script, result.method, variant.variant, variant.score)


@functools.cache
def default_detector() -> Detector:
    return make_detector()


def identify(text: str, detector: Detector | None = None) -> LanguageResult:
    """Language, script and (for Korean) variant of `text` as a whole."""
    scanned = without_addresses(text)
    counts = paragraph_letter_counts(scanned).sum(axis=0).tolist()
    return with_variant(decide(counts, scanned, detector or default_detector()), text)


# --------------------------------------------------------------------------------------------------------- stage
# A paragraph in another language than the document's is dropped only up to this length: footers, copyright and
# registration lines are short, while a long paragraph in another language is content (a quoted statement, a
# bilingual notice) and stays, counted against `language_share`.
MAX_DROPPED_CHARS = 200


@dataclass(frozen=True)
class ParagraphLanguages:
    kept: list[str]
    result: LanguageResult  # of the kept text, with its variant
    # Characters of the kept paragraphs identified as `result.language`, over those of all kept paragraphs with
    # letters: a line of digits or dashes is in no language and counts neither way.
    share: float


def paragraph_languages(text: str, detector: Detector) -> ParagraphLanguages:
    paragraphs, scanned = text.split("\n"), without_addresses(text)  # addresses have no newline: same paragraphs
    rows = paragraph_letter_counts(scanned)
    main = decide(rows.sum(axis=0).tolist(), scanned, detector)
    labelled = [(p, counts, decide(counts, s, detector))
                for p, s, counts in zip(paragraphs, scanned.split("\n"), rows.tolist())]
    kept = [(p, counts, r) for p, counts, r in labelled if not _foreign_line(p, r, main)]
    if not any(r.language == main.language for _, _, r in kept):
        kept = labelled  # nothing of the main language would remain: keep the text as it is
    kept_text = "\n".join(p for p, _, _ in kept)
    result = main
    if len(kept) < len(labelled):
        result = decide(np.sum([counts for _, counts, _ in kept], axis=0).tolist(), without_addresses(kept_text),
                        detector)
    with_letters = [(p, r) for p, _, r in kept if r is not NO_LANGUAGE]
    in_main = sum(len(p) for p, r in with_letters if r.language == result.language)
    share = in_main / max(1, sum(len(p) for p, _ in with_letters))
    return ParagraphLanguages([p for p, _, _ in kept], with_variant(result, kept_text), share)


def _foreign_line(paragraph: str, result: LanguageResult, main: LanguageResult) -> bool:
    return result is not NO_LANGUAGE and result.language != main.language and len(paragraph) <= MAX_DROPPED_CHARS


class LanguageStage(Stage):
    """Sets `language`, `language_score`, `language_share`, `script`, `language_variant`, `language_variant_score`,
    and drops short paragraphs in another language from `doc.text`. A text without letters is rejected."""

    name = "language"

    def __init__(self, detector: str = DEFAULT_DETECTOR):
        super().__init__()
        self.detector = make_detector(detector)

    def process(self, doc: Document) -> None:
        found = paragraph_languages(doc.text, self.detector)
        if found.result.language is None:
            reject(doc, "no_language", "no letters" if found.result is NO_LANGUAGE else "no detector evidence")
            return
        doc.text = "\n".join(found.kept)
        doc.metadata.update(
            language=found.result.language,
            language_score=found.result.score,
            language_share=found.share,
            script=found.result.script,
            language_variant=found.result.variant,
            language_variant_score=found.result.variant_score,
        )
