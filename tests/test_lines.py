"""Line rules on real lines from the bundled pages: boilerplate that must go, article lines that must stay."""

import pytest

from builder.lines import boilerplate_rule, classify, credit, date_matches, is_prose

BOILERPLATE = [
    ("Copyright C 2005-2023 All Rights Reserved.", "copyright"),
    ("版权所有黑龙江日报报业集团 黑ICP备11001326-2号,未经允许不得镜像、复制、下载", "copyright"),
    ("吉ICP备09000490-2号 | Copyright © 2007-", "copyright"),
    ("吉公网安备 22240102000014号", "registration"),
    ("互联网新闻信息服务许可证编号:22120180019", "registration"),
    ("国内统一刊号: CN23-0019 邮发代号: 13-26", "registration"),
    ("网站:www.zoglo.net 电子邮件:zoglo718@sohu.com 公众号: zoglo_net", "contact"),
    ("신고 및 련락 전화번호: 0433-2513100 | Email: webmaster@iybrb.com", "contact"),
    ("주소:중국 길림성 연길시 신화가 2호 (中国 吉林省 延吉市 新华街 2号)", "contact"),
    ("初审:林洪吉", "staff"),
    ("终审:", "staff"),
    ("Total : 4987", "counter"),
    ("[필수입력] 닉네임", "form"),
    ("창닫기", "ui"),
    ("2.jpeg", "image"),
    ("網頁網址:http://muchs.cn/article12/sdeogc.html", "page_meta"),
    ("廣告", "ad_label"),
    ("조글로홈 | 미디어 | 포럼 | CEO비즈 | 쉼터 | 문학 | 사이버박물관 | 광고문의", "menu"),
    ("흑룡강신문 > 룡강", "menu"),
    ("首页 → 财经中心 → IT频道", "menu"),
    ("0", "no_letters"),
    ("創新互聯是一家專業提供連云企業網站建設,專注與成都網站設計、網站建設、成都h5網站建設、小程序制作等業務。", "ad"),
    ("조글로 위챗(微信)전용 전화번호 15567604088을 귀하의 핸드폰에 저장하시면", "contact"),
    ("조글로의 모든 뉴스와 정보를 무료로 받아보고 친구들과 모멘트(朋友圈)로 공유할수 있습니다.", "promo"),
    ("聲明:本網站發布的內容(圖片、視頻和文字)以用戶投稿、用戶轉載內容為主,如果涉及侵權請盡快告知,我們將會在第一時間刪除。",
     "disclaimer"),
    ("[2005-08-21] 为什么总要面对呢，可有谁知道我已经身心疲惫？", "dated_item"),
    ("李玲：发展的目的是让人们生活得更好(2006-12-16)[355]", "dated_item"),
    ("[enlargePho] [thumbnailB]", "dump_label"),
]

ARTICLE = [
    "리위, 리국강이 활동에 참가했다.",
    "회의에서는 또 기타 사항을 연구했다.",
    "할빈림공(临空)경제구 흑룡강 곤곤(昆昆)국제경제무역회사에서 허근은 기업의 발전계획과 운영상황 소개를 듣고 기업이 룡강의 "
    "지역 우세에 힘입어 힐빈에서 바렌츠해(巴伦支海) 해산물 수입 업무를 전개한 것을 칭찬했으며",
    "調研期間,金壯龍同上海市委、市政府領導就加強部市合作、做強做優做大先進制造業等交換了意見。",
    "좌담회에서 길림성공업정보화청, 길림성발전개혁위원회, 길림성과학기술청, 길림성에너지국의 주요 책임자들이 업무 상황을 회보했다.",
]


# A paragraph that opens with a bracketed date is longer than a list entry's headline.
ARTICLE.append("【2005-07-03】一九八九年四月，我在湖南张家界开一个全省教学研究会议。按照惯例，会议安排了一天时间，"
               "让与会者去风景点游玩观赏。那一天正好是四月十五日。")


@pytest.mark.parametrize("line, rule", BOILERPLATE)
def test_boilerplate_lines_are_caught(line, rule):
    assert boilerplate_rule(line) == rule


@pytest.mark.parametrize("line", ARTICLE)
def test_article_lines_survive(line):
    assert boilerplate_rule(line) is None
    assert is_prose(line)


def test_related_list_teasers_are_not_prose():
    teaser = ("• 1월 20일 연변대학 경영자과정 총동문회와 연변혁신경영자애심협회에서는 공동으로 2023년 총결 및 송년회를 "
              "신라호텔에서 가졌다. 연변대학 경영자과정 총동문회는 사회공...")
    assert not is_prose(teaser)


def test_two_sentences_are_not_a_headline_but_an_exclamation_may_be():
    assert not classify(["国际新闻局开张伊始，就酝酿创办对外宣扬刊物《人民中国》。萧乾是这份刊物的元老"])[0].heading_like
    assert classify(["[실화문학]아! 당신이여..."])[0].heading_like


def test_headlines_are_heading_like_not_prose():
    [info] = classify(["허근, 할빈에서 대외 개방 협력 업무 조사 연구"])
    assert info.heading_like and not info.prose


def test_date_only_lines():
    infos = classify(["2024-05-21 13:57:16", "• 2024-01-22", "발표시간: 2021-09-01 참가했다 많은 사람들이"])
    assert [i.date_only for i in infos] == [True, True, False]


@pytest.mark.parametrize("line, values", [
    ("조글로미디어(ZOGLO) 2023년12월6일 11시46분 조회:3390", ("2023", "12", "6", "11", "46")),
    ("发布时间：2011年12月09日 15:30", ("2011", "12", "09", "15", "30")),
    ("2026-03-02 09:12:28", ("2026", "03", "02", "09", "12")),
])
def test_date_patterns(line, values):
    [m] = date_matches(line)
    assert (m["y"], m["m"], m["d"], m["H"], m["M"]) == values


@pytest.mark.parametrize("line", ["신고 및 련락 전화번호: 0433-2513100", "Copyright © 2005-2023", "4月14日至17日",
                                  "CN23-0019"])
def test_things_that_are_not_dates(line):
    assert date_matches(line) == []


@pytest.mark.parametrize("line, origin, author", [
    ("/출처 :길림일보 / 편역 길림신문 김영자기자", "길림일보", "길림신문 김영자기자"),
    ("편집/기자: [ 김영자 ] 원고래원: [ 길림일보 ] 발표시간: [ 2021-09-01 11:25:01 ] 클릭: [ ]", "길림일보", "김영자"),
    ("来源:延边日报", "延边日报", None),
    ("출처:흑룡강일보", "흑룡강일보", None),
    ("편역:남석", None, "남석"),
    ("/길림일보 기자 황로 왕예박", "길림일보", "황로 왕예박"),
    ("류전국 기자", None, "류전국"),
    ("本报记者 王燕平 方云凤 柏建斌", None, "王燕平 方云凤 柏建斌"),
    ("□快報記者 劉峻", None, "劉峻"),
])
def test_credits(line, origin, author):
    found = credit(line)
    assert (found.origin, found.author) == (origin, author)


def test_article_sentences_are_not_credits():
    assert credit("회의에서는 또 기타 사항을 연구했다.") is None
    assert credit("글 쓰는 사람들이 모여 토론회를 열었다") is None
    assert credit("文 化 交 流") is None
    assert credit("她是一名记者") is None
    assert credit("记者从会上获悉，今年全市将新建学校三所") is None
    assert credit("경준해는 다음과 같이 지적했다. 1조급 대장비 산업 집군을 구축하는 것은 신형 공업화 추진과") is None


def test_a_line_starting_with_a_label_word_is_not_a_label():
    assert boilerplate_rule("주소액담보대부금쎈터에서는 매 한명의 소액담보대출자들에게 한통의 공개편지를 보내였다.") is None


def test_a_long_paragraph_ending_in_an_ellipsis_is_prose():
    poem = ("황홀한 댕기로 내 마음 동여놓고 주름살 하나 없는 하얀 순정에 아린 락서만 남기고 떠난 무지개여 밤비가 주룩주룩 "
            "설음 쏟는 밤비와 함께 흠뻑 락서를 적시며 나는 아름답게 미칩니다…")
    assert is_prose(poem)
    assert not is_prose("연변대학 경영자과정 총동문회는 사회공...")


@pytest.mark.parametrize("line", ["相关评论:", "相关信息:", "【相關新聞】", "관련기사"])
def test_headings_that_end_the_article(line):
    assert classify([line])[0].related_heading
