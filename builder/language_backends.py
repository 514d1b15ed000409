"""Statistical language detectors behind one small interface, for the texts whose script leaves the language open.

`LinguaDetector` is the default: on the dev sentences (Korean, Simplified and Traditional Chinese, benchmarks/
language.py) it is the most accurate of the detectors that ship their model in their package, and its confidence
values are probabilities over its languages. `LangdetectDetector` is kept because the design names it; seeded, it is
deterministic, but it calls most Chinese `ko` and is slow. Models load lazily, once per process, so a stage holding
a detector pickles to datatrove's workers without them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Protocol

# Languages the default detector chooses from: the corpus' own (ko, zh, ja), English, the languages of China's
# neighbours that news quotes (ru, mn, vi, id), and the major European ones. Loading all ~75 of lingua's models
# costs ~10 s and ~900 MB per process; these load only for texts in their alphabet.
LINGUA_LANGUAGES = ("ko", "zh", "ja", "en", "ru", "mn", "vi", "id", "fr", "de", "es", "pt", "it")


@dataclass(frozen=True)
class Detection:
    language: str  # ISO 639-1
    probability: float  # in [0, 1]


class Detector(Protocol):
    name: str

    def detect(self, text: str) -> Detection | None:
        """The most probable language of `text`, or None when the detector finds no evidence at all."""


class LinguaDetector:
    name = "lingua"

    def __init__(self, languages: tuple[str, ...] = LINGUA_LANGUAGES):
        self.languages = languages

    def detect(self, text: str) -> Detection | None:
        values = _lingua_model(self.languages).compute_language_confidence_values(text)
        if not values or values[0].value <= 0:
            return None
        # lingua orders equal values as its hash maps iterate, which differs between processes, and its sums
        # differ in the last bits: compare rounded values and break ties by code, so every process agrees.
        top = round(values[0].value, 6)
        best = min((v for v in values if round(v.value, 6) == top), key=lambda v: v.language.iso_code_639_1.name)
        return Detection(best.language.iso_code_639_1.name.lower(), top)


@functools.cache
def _lingua_model(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [IsoCode639_1.from_str(code) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


class LangdetectDetector:
    name = "langdetect"

    def detect(self, text: str) -> Detection | None:
        from langdetect import DetectorFactory, detect_langs
        from langdetect.lang_detect_exception import LangDetectException

        # langdetect samples n-grams at random: a fixed seed makes every call, in every process, give one answer.
        DetectorFactory.seed = 0
        try:
            best = detect_langs(text)[0]
        except LangDetectException:  # no usable features (digits, punctuation only)
            return None
        return Detection(best.lang.split("-")[0], float(best.prob))  # zh-cn, zh-tw -> zh


DETECTORS = {"lingua": LinguaDetector, "langdetect": LangdetectDetector}
DEFAULT_DETECTOR = "lingua"


def make_detector(name: str = DEFAULT_DETECTOR) -> Detector:
    return DETECTORS[name]()
