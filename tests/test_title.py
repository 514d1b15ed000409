from builder.extract import PageStructureStage
from builder.dates import PublicationDateStage
from builder.source import SourceStage
from builder.title import TitleStage, html_headline, is_repeat
from conftest import seed
from datatrove.data import Document


def titled(text: str) -> dict:
    doc = Document(text=text, id="t", metadata={"raw_format": "text"})
    for stage in (PageStructureStage(), SourceStage(), PublicationDateStage(), TitleStage()):
        stage.process(doc)
    return doc.metadata


def test_multi_line_headline_is_joined():
    assert titled(seed("002"))["title"] == ("습근평 총서기 중요연설 중요지시 정신 깊이있게 학습 관철하여 보다 큰 강도와 실무적인 조치로 "
                                            "1.4분기 ‘좋은 출발’ 힘써 실현해야 주당위 상무위원회 회의 소집")


def test_decks_go_to_subtitle_not_title():
    meta = titled(seed("004"))
    assert meta["title"] == "허근, 할빈에서 대외 개방 협력 업무 조사 연구"
    assert meta["subtitle"].split("\n") == ["허근, 대외 개방 협력 업무 조사 연구 시 강조", "고수준 중러 경제무역 협력 추진해야",
                                            "중국 대북방 개방의 새로운 고지 구축 가속화해야", "장안순 참가"]


def test_logo_line_is_not_part_of_the_headline():
    assert titled(seed("000"))["title"] == "경준해, 대장비 산업 집군 건설사업에 대해 조사연구하고 좌담회 주재"


def test_html_title_loses_the_site_name():
    assert html_headline("大掃除太用力 當心肩頸掛彩｜地方新聞｜中時電子報", None) == "大掃除太用力 當心肩頸掛彩"
    assert html_headline("吉林境内车祸致36名香港游客受伤_资讯频道_凤凰网", "凤凰网") == "吉林境内车祸致36名香港游客受伤"


def test_repeats_of_the_headline():
    title = "경준해, 대장비 산업 집군 건설사업에 대해 조사연구하고 좌담회 주재"
    assert is_repeat("경준해 대장비 산업 집군 건설사업에 대해 조사연구하고 좌담회 주재", title)
    assert not is_repeat("경준해는 다음과 같이 강조했다.", title)


def test_a_headline_repeated_in_a_list_below_keeps_the_decks():
    page = seed("004") + "\n관련 기사\n• 허근, 할빈에서 대외 개방 협력 업무 조사 연구\n"
    assert titled(page)["subtitle"].startswith("허근, 대외 개방 협력 업무 조사 연구 시 강조")
