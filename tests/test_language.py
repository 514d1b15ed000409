"""The language stage on real lines from the bundled seed pages and hand-written sentences."""

import multiprocessing
import pathlib
import pickle

import pytest
from datatrove.data import Document

from builder.language import (
    HANG,
    LATN,
    LanguageStage,
    identify,
    paragraph_languages,
    paragraph_letter_counts,
)
from builder.language_backends import Detection, LangdetectDetector, LinguaDetector
from builder.stage import rejection
from builder.variant import korean_variant

RAW = pathlib.Path(__file__).resolve().parents[1] / "raw"

# Lines from the seed pages (Korean as written in China: 001, 002, 004).
KOREAN_CN = (
    "길림성은 영광스러운 혁명력사를 가지고 있으며 해방후 새중국 공업의 요람으로 되여 현대공업의 견실한 토대와 "
    "장인정신을 육성했다. 제18차 당대회이래 중공길림성위원회와 성정부에서는 습근평총서기의 길림 시찰시의 중요 연설 "
    "중요 지시정신을 심입 관철하고 견결히 ‘새 담당, 새 돌파, 새 실천 ’이란 중대한 직책 사명을 리행하며 동북진흥의 "
    "전략적 기회를 바싹 틀어쥐고 개혁개방 력도를 강화해 각항 사업에서 새로운 성과를 올리고 있다."
)
KOREAN_WITH_HANJA = (
    "할빈림공(临空)경제구 흑룡강 곤곤(昆昆)국제경제무역회사에서 허근은 기업의 발전계획과 운영상황 소개를 듣고 기업이 "
    "룡강의 지역 우세에 힘입어 힐빈에서 바렌츠해(巴伦支海) 해산물 수입 업무를 전개한 것을 칭찬했다."
)
KOREAN_WITH_LATIN = "력량을 집중하여 4개 양수에너지축적발전소, 훈춘 백만톤 청정에너지(LPG) 심층 가공 등 중대 대상을 잘 틀어쥐고"
CHINESE_FOOTER = "版权所有黑龙江日报报业集团 黑ICP备11001326-2号,未经允许不得镜像、复制、下载"
ENGLISH_FOOTER = "Copyright C 2005-2023 All Rights Reserved."

# Hand-written.
KOREAN_KR = "정부는 내년에 노동 시장 개혁을 추진하고 여성의 사회 진출을 늘리는 데 중점을 두기로 되었다고 밝혔다."
SIMPLIFIED = "工业和信息化部部长在上海调研时强调，要加快产业链创新发展，提升先进制造业水平。"
TRADITIONAL = "工業和信息化部部長在上海調研時強調，要加快產業鏈創新發展，提升先進製造業水平。"
JAPANESE = "東京都は新しい経済対策を発表し、来年から中小企業への支援を拡大すると述べました。"
ENGLISH = "The minister said the province would speed up the modernisation of its industrial chains next year."


def seed(prefix: str) -> str:
    return next(RAW.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


class RefusingDetector:
    """Fails the test if asked: the script alone must decide."""

    name = "refusing"

    def detect(self, text):
        raise AssertionError(f"detector called on {text[:30]!r}")


def test_letter_counts_per_paragraph():
    rows = paragraph_letter_counts("한국어 abc\n中文 2024\n\n")
    assert rows.shape[0] == 4
    assert rows[0][HANG] == 3 and rows[0][LATN] == 3
    assert rows[1][1:].sum() == 2 and rows[1][0] == 6  # 中文 letters; space and digits are not
    assert rows[2][1:].sum() == rows[3][1:].sum() == 0


def test_traditional_page_is_chinese_even_where_langdetect_says_korean():
    text = seed("003")  # Traditional Chinese with pinyin glued in: 調(diào)研
    assert LangdetectDetector().detect(text).language == "ko"
    for detector in (LinguaDetector(), LangdetectDetector(), RefusingDetector()):
        result = identify(text, detector)
        assert (result.language, result.script, result.method) == ("zh", "Hant", "script")
        assert result.variant is None and result.variant_score is None


def test_korean_seed_paragraph_is_korean_as_written_in_china():
    result = identify(KOREAN_CN, RefusingDetector())
    assert (result.language, result.script, result.variant) == ("ko", "Hang", "ko-CN")
    assert 0.75 < result.variant_score <= 1


@pytest.mark.parametrize("text", [KOREAN_WITH_HANJA, KOREAN_WITH_LATIN, "애플 신제품 iPhone Pro Max 출시 예정"])
def test_hanja_and_latin_words_leave_korean_korean(text):
    # a Hangul syllable weighs three letters: 9 syllables outweigh the 12 letters of "iPhone Pro Max"
    result = identify(text, RefusingDetector())
    assert (result.language, result.script) == ("ko", "Hang")


@pytest.mark.parametrize(
    ("text", "language", "script"),
    [(SIMPLIFIED, "zh", "Hans"), (TRADITIONAL, "zh", "Hant"), (CHINESE_FOOTER, "zh", "Hans"),
     (JAPANESE, "ja", "Jpan"), ("中文", "zh", "Hans")],  # no character tells the systems apart: Simplified
)
def test_script_decides_chinese_and_japanese(text, language, script):
    result = identify(text, RefusingDetector())
    assert (result.language, result.script, result.method) == (language, script, "script")


def test_latin_text_goes_to_the_detector():
    result = identify(ENGLISH)
    assert (result.language, result.script, result.method) == ("en", "Latn", "lingua")
    russian = identify("Министр сообщил, что в следующем году провинция ускорит модернизацию промышленности.")
    assert (russian.language, russian.script) == ("ru", "Cyrl")
    assert identify(ENGLISH, LangdetectDetector()).language == "en"


def test_scores_are_probabilities_that_follow_the_evidence():
    scores = [identify(text).score for text in ("길 막혀?", KOREAN_CN, KOREAN_WITH_LATIN, ENGLISH, "Bonjour")]
    assert all(0 <= score <= 1 for score in scores)
    assert len(set(scores)) == len(scores)
    assert scores[0] < scores[1]  # three syllables are thinner evidence than a paragraph
    assert scores[2] < scores[1]  # Latin letters in a Korean line lower the share of Hangul


def test_same_text_same_result_across_calls_and_processes():
    texts = [KOREAN_CN, KOREAN_KR, TRADITIONAL, SIMPLIFIED, JAPANESE, ENGLISH, ENGLISH_FOOTER, "Email: a", "2.jpeg"]
    first = [identify(t) for t in texts]
    assert first == [identify(t) for t in texts]
    assert [identify(t, LangdetectDetector()) for t in texts] == [identify(t, LangdetectDetector()) for t in texts]
    # spawned workers start from scratch: own hash seeds, own detector models
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(identify, texts, chunksize=1) == first


def test_variant_needs_evidence():
    thin = identify("오늘은 날씨가 좋다.")
    assert thin.language == "ko" and thin.variant is None and thin.variant_score is None
    # evidence both ways is no evidence: 로동 (ko-CN) and 노동, 여성 (ko-KR, weighing half)
    assert korean_variant("로동 노동 여성").variant is None
    south = identify(KOREAN_KR)
    assert (south.variant, south.variant_score) == ("ko-KR", pytest.approx(0.75))


@pytest.mark.parametrize(
    "text",
    ["그 녀석은 '대여'란 말을 싫어한다.", "먹으면 먹을수록 맛있다.", "버버리 뷰티가 론칭됐다.", "1886년에 세웠다."],
)
def test_south_korean_spellings_are_not_counted_as_chinese_norms(text):
    assert korean_variant(text).cn_evidence == 0


def test_chinese_norm_features_are_counted():
    assert korean_variant("리용할수 있는 로동력").cn_evidence == 3  # 리용, 할수 있, 로동
    assert korean_variant("비률이 높아 계렬 상품을 되였다").cn_evidence == 3  # 비률, 계렬, 되였


def test_stage_drops_short_other_language_paragraphs_only():
    long_chinese = "".join([SIMPLIFIED] * 6)
    text = "\n".join([KOREAN_CN, KOREAN_WITH_HANJA, KOREAN_WITH_LATIN, long_chinese, "2024-05-21 13:57:16",
                      CHINESE_FOOTER, ENGLISH_FOOTER])
    doc = Document(text=text, id="004-like")
    LanguageStage().process(doc)
    kept = doc.text.split("\n")
    assert kept == [KOREAN_CN, KOREAN_WITH_HANJA, KOREAN_WITH_LATIN, long_chinese, "2024-05-21 13:57:16"]
    meta = doc.metadata
    assert (meta["language"], meta["script"], meta["language_variant"]) == ("ko", "Hang", "ko-CN")
    korean_chars = len(KOREAN_CN) + len(KOREAN_WITH_HANJA) + len(KOREAN_WITH_LATIN)
    assert meta["language_share"] == pytest.approx(korean_chars / (korean_chars + len(long_chinese)))
    assert 0 < meta["language_score"] < 1 and 0 < meta["language_variant_score"] < 1


def test_stage_on_a_seed_page_removes_its_footer():
    doc = Document(text=seed("004"), id="004")
    LanguageStage().process(doc)
    assert CHINESE_FOOTER.split(" ")[0] not in doc.text
    assert "할빈림공(临空)경제구" in doc.text
    assert doc.metadata["language"] == "ko" and doc.metadata["language_share"] == 1.0


def test_nothing_left_in_the_main_language_keeps_the_text():
    class SplitDetector:
        """English for the whole text, French for each of its lines."""

        name = "split"

        def detect(self, text):
            return Detection("en" if "\n" in text else "fr", 0.9)

    text = "Bonjour tout le monde\nau revoir"
    found = paragraph_languages(text, SplitDetector())
    assert found.kept == text.split("\n")
    assert found.result.language == "en" and found.share == 0


def test_stage_rejects_text_without_letters_and_pickles_for_workers():
    doc = Document(text="2024-01-22\n0433-2513100", id="digits")
    LanguageStage().process(doc)
    assert rejection(doc)["reason"] == "no_language"
    assert isinstance(pickle.loads(pickle.dumps(LanguageStage())), LanguageStage)


def test_stage_reports_schema_fields():
    doc = Document(text=SIMPLIFIED, id="zh")
    LanguageStage().process(doc)
    assert {k: doc.metadata[k] for k in ("language", "script", "language_variant", "language_variant_score")} == {
        "language": "zh", "script": "Hans", "language_variant": None, "language_variant_score": None}
    assert doc.metadata["language_share"] == 1.0
