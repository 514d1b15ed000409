from datatrove.data import Document

from builder.clean import CleanStage
from builder.dates import PublicationDateStage
from builder.extract import PageStructureStage
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
