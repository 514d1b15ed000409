from builder.extract import PageStructureStage
from builder.dates import PublicationDateStage
from builder.source import SourceStage
from builder.title import TitleStage, html_headline, is_repeat, without_dump_labels
from conftest import seed
from datatrove.data import Document


def titled(text: str, raw_format: str = "text") -> dict:
    doc = Document(text=text, id="t", metadata={"raw_format": raw_format})
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
    assert html_headline("新浪網", "新浪網") is None  # a title that only names the site
    assert html_headline("投身外交(3)_读书频道_新浪网", "book.sina.com.cn") == "投身外交(3)"  # headline_channel_site
    assert html_headline("绿景控股料2011年扭亏 净利1900万-2900万", None) == "绿景控股料2011年扭亏 净利1900万-2900万"


def test_a_headline_printed_on_the_page_and_confirmed_by_the_html_title_is_taken_as_printed():
    html = ("<html><head><title>绿景控股料2011年扭亏 净利1900万-2900万_凤凰财经</title></head><body>"
            "<p>首页 → 财经中心 → 公司新闻</p><h1>绿景控股料2011年扭亏 净利1900万-2900万</h1><p>2012年01月17日 08:24</p>"
            "<p>绿景控股今日发布业绩预告，预计2011年度实现净利润1900万元至2900万元，同比扭亏为盈。</p>"
            "<p>公司表示，业绩变动的主要原因是房地产项目进入结算期，营业收入较上年同期大幅增加。</p></body></html>")
    assert titled(html, raw_format="html")["title"] == "绿景控股料2011年扭亏 净利1900万-2900万"


def test_bracketed_dump_labels_leave_the_headline():
    assert without_dump_labels("[糖尿中成藥含未標示西藥籲停服] [singtao] 糖尿中成藥含未標示西藥籲停服") == "糖尿中成藥含未標示西藥籲停服"
    assert without_dump_labels("[請選擇 01月17日 港聞 ] [mingpao] 紅磡住宅遭爆竊失萬元財物") == "紅磡住宅遭爆竊失萬元財物"
    assert without_dump_labels("Apple 將在法國普羅旺斯建設全透明零售店 [sinahk]") == "Apple 將在法國普羅旺斯建設全透明零售店"
    assert without_dump_labels("[수필] 가 을 하 늘(외1편)") == "[수필] 가 을 하 늘(외1편)"  # a tag of the headline's own


def test_a_question_headline_above_the_dateline():
    page = ("로총각 곽부성 솔로생활 청산?\n\n2006-11-24 15:41:36\n\n"
            "로총각 곽부성(41)이 오랜 《솔로》생활을 마침내 청산했다. 최근 그의 얼굴엔 희색이 만면하다.\n\n"
            "15세 년하의 모델 녀여자친구까지 생겼으니 그야말로 금상첨화다.")
    assert titled(page)["title"] == "로총각 곽부성 솔로생활 청산?"


def test_a_promo_sentence_above_the_body_is_not_where_the_body_starts():
    page = "\n".join(["金正恩“迷魂阵”如何收场？", "韩美摩拳擦掌，中方反复警示，朝鲜开战必遭致命打击，骑虎局面何解？",
                      "刘晓庆：不用潜规则也能成功", "你不知道的存款税", "凤凰网财经 > 财经滚动新闻 > 正文",
                      "吉林境内车祸致36名香港游客受伤", "2011年12月09日 20:38", "来源：中广网",
                      "新华网长春12月9日电（记者张建周长庆）据吉林省有关部门最新提供的消息，9日下午在吉林省榆树市发生一起车祸。",
                      "目前，有两位重伤员被送往哈尔滨市医院，其余伤员被送往榆树市中心医院和中医院救治。"])
    assert titled(page)["title"] == "吉林境内车祸致36名香港游客受伤"


def test_repeats_of_the_headline():
    title = "경준해, 대장비 산업 집군 건설사업에 대해 조사연구하고 좌담회 주재"
    assert is_repeat("경준해 대장비 산업 집군 건설사업에 대해 조사연구하고 좌담회 주재", title)
    assert not is_repeat("경준해는 다음과 같이 강조했다.", title)


def test_a_headline_repeated_in_a_list_below_keeps_the_decks():
    page = seed("004") + "\n관련 기사\n• 허근, 할빈에서 대외 개방 협력 업무 조사 연구\n"
    assert titled(page)["subtitle"].startswith("허근, 대외 개방 협력 업무 조사 연구 시 강조")
