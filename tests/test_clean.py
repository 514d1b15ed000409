from datatrove.data import Document

from builder.clean import CleanStage
from builder.dates import PublicationDateStage
from builder.extract import PageStructureStage
from builder.lines import classify
from builder.source import SourceStage
from builder.title import TitleStage
from conftest import seed


def cleaned(text: str) -> str:
    doc = Document(text=text, id="t", metadata={"raw_format": "text"})
    for stage in (PageStructureStage(), SourceStage(), PublicationDateStage(), TitleStage(), CleanStage()):
        stage.process(doc)
    return doc.text


def test_repeated_paragraph_is_kept_once():
    text = cleaned(seed("001"))
    assert text.count("8월 30일, 길림성과 북경시는 북경에서 사업회담을 가졌다.") == 1


def test_injected_ad_and_footer_of_a_repost_are_dropped():
    text = cleaned(seed("003"))
    assert "創新互聯" not in text and "網頁網址" not in text and "聲明" not in text
    assert "調研期間,金壯龍同上海市委、市政府領導就加強部市合作、做強做優做大先進制造業等交換了意見。" in text


def test_related_list_comment_form_and_footer_are_dropped():
    text = cleaned(seed("000"))
    assert text.splitlines()[-1] == "리위, 리국강이 활동에 참가했다."
    assert "2024-01-22" not in text and "필수입력" not in text and "Copyright" not in text


def test_credits_images_and_editor_lines_are_out_of_the_text():
    text = cleaned(seed("004")) + cleaned(seed("002"))
    for line in ("2.jpeg", "출처:흑룡강일보", "편역:남석", "初审:林洪吉", "来源:延边日报", "류전국 기자"):
        assert line not in text.splitlines()


def test_a_page_without_prose_is_rejected():
    doc = Document(text="조글로홈 | 미디어 | 포럼\nCopyright C 2005-2023\n", id="t", metadata={"raw_format": "text"})
    for stage in (PageStructureStage(), SourceStage(), PublicationDateStage(), TitleStage(), CleanStage()):
        stage.process(doc)
    assert doc.text == ""


BLOG_POST = ["很高兴入住博客堂", "承蒙开心就好的邀请，很高兴入住博客堂。作为微软技术的知名社区，博客堂是一个做技术blog的好地方。",
             "希望以后和各位多多交流。", "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)"]
COMMENTS = ["# re: 很高兴入住博客堂 2004-12-27 12:53 寒星", "拜读了你翻译的《Microsoft .NET框架程序设计(修订版)》。很不错。:)",
            "# re: 很高兴入住博客堂 2004-12-27 13:14 young", "拜读过《Microsoft .NET框架程序设计(修订版)》，很不错！",
            "# re: 很高兴入住博客堂 2004-12-27 17:08 jeseeqing", "你的那本＜Microsoft .NET框架程序设计（修订版）＞翻译得很好，一本经典之作。",
            "# re: 很高兴入住博客堂 2004-12-27 17:49 lichdr", "最近读Microsoft .NET框架程序设计（修订版），很有收获。希望不断带来精品。"]


def test_readers_comments_outweighing_a_short_post_are_not_the_article():
    text = cleaned("\n".join(BLOG_POST + ["评论"] + COMMENTS))
    assert text.startswith("承蒙开心就好的邀请") and "寒星" not in text and "很有收获" not in text


def test_a_menu_item_named_like_a_comment_heading_does_not_hide_the_article():
    page = ["评论", "春节黄金周海南游火热 出境游香港、日本受追捧", "2012年01月12日 16:30 来源：海口晚报",  # 评论: the opinion channel
            "据悉，2011年12月26日，海南省旅游协会向会员单位发出通知，要求会员单位提前发布春节旅游线路。",
            "根据中国旅游研究院的调查，春节期间游客出游目的地仍高度集中在传统的热点旅游城市。"]
    assert cleaned("\n".join(page)).startswith("据悉，2011年12月26日")


def test_nested_list_entries_rendered_from_html_are_bullets():
    lines = ["+ 参与旅行社的一般都是弱势群体……【梅骏！】08-11 16:58 138字 [140/0]",
             "o 我们征集故事~~你们的经历，要真实的哦：P 有图片、DV就更生动啦~【新闻频道版主】08-11 17:04 30字 [151/1]",
             "・富夫妻望子成龙假离婚 三月后丈夫另娶妻子傻眼 （2005-04-03 17:19PM）"]
    assert all(info.bullet for info in classify(lines))
