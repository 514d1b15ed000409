"""Line-level features of a page: which lines are boilerplate, prose, headings, credits.

Written by hand because no maintained library classifies the lines of a plain-text page dump in Korean and Chinese:
jusText and trafilatura work on HTML blocks, and stop-word density (jusText's main cue) says little in unspaced
Chinese. Each rule is a general feature of news pages (copyright/ICP lines, counters, menus, bullets, dates, credits,
comment forms …), scored per line; the stages combine them with the page's context (where the body is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# ------------------------------------------------------------------------------------------------ boilerplate rules
_I = re.IGNORECASE
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
DUMP_LABEL = re.compile(r"\[[^\[\]]*\]")  # text dumps print an image's alt text or name, a button, in brackets
BOILERPLATE_RULES: dict[str, re.Pattern] = {
    "copyright": re.compile(r"copyright|©|\(c\)\s*\d{4}|版权所有|版權所有|all rights reserved|저작권|무단\s*(전재|복제|배포)"
                            r"|不得(转载|轉載|镜像|鏡像|复制|複製)|未经.{0,8}(允许|许可|授权|允許|許可|授權)", _I),
    "registration": re.compile(r"ICP\s*(备|證|证|備)|公网安备|公網安備|网安备|網安備|许可证|許可證|统一刊号|統一刊號"
                               r"|邮发代号|郵發代號|备案号|備案號|经营许可|經營許可", _I),
    "contact": re.compile(EMAIL.pattern + r"|(?<!\d)(0\d{2,3}-\d{7,8}|1[3-9]\d{9})(?!\d)"
                          r"|^(주소|地址|电话|電話|传真|傳真|전화|팩스|tel|fax|e-?mail|이메일|연락처|联系(电话|我们|方式)"
                          r"|聯繫(電話|我們|方式))\s*[:：]", _I),
    "staff": re.compile(r"^[(（\[【]?\s*(初审|复审|终审|初審|複審|終審|责任编辑|責任編輯|责编|責編|编辑|編輯|审核|審核"
                        r"|校对|校對|监制|監製|值班编辑|实习编辑|實習編輯|editor)\s*[:：]", _I),
    "counter": re.compile(r"(조회|조회수|클릭|阅读|閱讀|浏览|瀏覽|点击|點擊|评论|評論|댓글|추천|total|views?)\s*(수|量|数|數)?"
                          r"\s*[:：]\s*[\[(]?\s*\d*\s*[\])]?\s*$", _I),
    "form": re.compile(r"\[필수입력\]|인증코드|닉네임|验证码|驗證碼|昵称|暱稱|비밀번호|密码|密碼|발표하기|登录后|登錄後"),
    "ui": re.compile(r"^(창닫기|인쇄|프린트|글자크기|스크랩|공유하기|목록|이전글|다음글|맨\s*위로|top|关闭窗口|關閉窗口|打印|收藏"
                     r"|分享到?|字体|字體|字号|字號|返回顶部|返回頂部|上一篇|下一篇|返回首页|返回首頁|更多|more|登录|登錄|注册|註冊"
                     r"|手机看新闻|手機看新聞)\s*[:：]?$", _I),
    "image": re.compile(r"^\S+\.(jpe?g|png|gif|webp|bmp|tiff?)$", _I),
    "dump_label": re.compile(rf"^({DUMP_LABEL.pattern}\s*)+$"),  # labels standing alone
    "url": re.compile(r"^(https?://|www\.)\S+$", _I),
    "page_meta": re.compile(r"^(本文名稱|本文名称|本文标题|本文標題|網頁網址|网页网址|本文地址|本文链接|本文鏈接|原文链接"
                            r"|原文鏈接|原文地址|转载请注明|轉載請註明)"),
    "separator": re.compile(r"[-=_~*]{5,}|[─━═]{3,}"),
    "markup": re.compile(r"<!--|-->|^</?[a-z!][^>]*>", _I),
    "ad_label": re.compile(r"^(广告|廣告|광고|ad|推广|推廣|赞助|贊助|sponsored)$", _I),
    "disclaimer": re.compile(r"^(声明|聲明)\s*[:：].*(侵权|侵權|删除|刪除|投稿)"),
}

# Several of these words in one paragraph make it an advert for a web agency or app, not news.
_AGENCY_PROMO = re.compile(r"网站建设|網站建設|网站设计|網站設計|网站制作|網站製作|网页设计|網頁設計|小程序|关键词优化|關鍵詞優化"
                           r"|网站维护|網站維護|建站|品牌网站|品牌網站|网站推广|網站推廣|seo优化|SEO", _I)
MIN_AGENCY_TERMS = 2
# A social-media word together with a call to act (save our number, follow, scan) makes a promo line.
_SOCIAL = re.compile(r"위챗|微信|公众号|公眾號|朋友圈|카카오톡|扫码|掃碼|二维码|二維碼|抖音|微博")
_CALL_TO_ACT = re.compile(r"저장|받아보|공유|구독|팔로우|关注|關注|扫|掃|订阅|訂閱|添加|下载|下載|전용")

# Headings that open a related-article list or a comment section: the article ends before them.
_HEADING = r"^[\[【〖|]?\s*({})\s*[\]】〗]?\s*[:：>»]?$"
RELATED_HEADING = re.compile(_HEADING.format(
    r"관련\s*기사|관련\s*뉴스|많이\s*본\s*기사|인기\s*기사|최신\s*기사|추천\s*기사|핫\s*뉴스|相关新闻|相關新聞|相关阅读|相關閱讀"
    r"|相关文章|相關文章|相关报道|相關報導|相关链接|相關鏈接|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热点推荐|熱點推薦|热门推荐"
    r"|熱門推薦|猜你喜欢|猜你喜歡|精彩推荐|精彩推薦|更多新闻|更多新聞|相关信息|相關信息|相關資訊|热门文章|熱門文章"))
COMMENT_HEADING = re.compile(_HEADING.format(
    r"댓글|网友评论|網友評論|发表评论|發表評論|我要评论|我要評論|相关评论|相關評論|最新评论|最新評論|评论|評論|留言"
    r"|回复线索|回復線索"))

# `* `, `+ `, `o ` are how HTML renderers print <li> at successive depths of nested lists
BULLET = re.compile(r"^([•·・‧▪►▶■□◆◇●○◎★☆※]|[*+o]\s)")
TEASER_END = re.compile(r"(\.\.\.|…|……)$")
TERMINAL = re.compile(r"[.。!?！？…”\"'’」』)）]$")
SENTENCE_END = re.compile(r"[.。!?！？](?=\s|$|[”\"’」』])")
FULL_STOP = re.compile(r"。|\.(?=\s|$|[”\"’」』])")  # headlines may exclaim or ask mid-line, they do not end a sentence
CLAUSE_PUNCTUATION = re.compile(r"[，,、；;：:。.!?！？]")
MIN_CLAUSES_PER_CHAR = 1 / 60  # prose has a clause mark every few dozen characters; a run of link titles has none
PATH_ARROW = re.compile(r"[>›»→＞]")  # breadcrumbs: 首页 → 财经中心 → IT频道
MENU_SEPARATORS = re.compile(r"\s*(?:[|｜]|" + PATH_ARROW.pattern + r")\s*|\s{2,}")

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
LATIN = re.compile(r"[A-Za-z]")
LETTER = re.compile(r"[^\W\d_]")

MIN_PROSE_CHARS = 15
LONG_PROSE_CHARS = 80
MAX_HEADING_CHARS = 150


# ------------------------------------------------------------------------------------------------ dates in lines
_TIME = (r"(?:\s*(?:\([월화수목금토일]\)|\(?[星期周週][一二三四五六日天]\)?)?\s*(?P<ampm>오전|오후|上午|下午)?\s*"
         r"(?P<H>\d{1,2})\s*(?:시|:|：|时|時|点|點)\s*(?P<M>\d{1,2})\s*(?:분|分)?(?:\s*[:：]\s*(?P<S>\d{2}))?)?")
DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일" + _TIME),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]" + _TIME),
    re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})(?![\d-])"
               r"(?:\s*T?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"),
    # a/b/year: month first (9/17/2004 5:54:13 AM) or day first (13/02/2022); dates.slash_order decides per page
    re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])"
               r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AP]M)?)?", re.IGNORECASE),
)
# A month without a day (magazine issues, 1998年3月号): a candidate of month precision.
MONTH_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월(?!\s*\d)"),
)
DATE_LABEL = re.compile(r"(발표시간|발표일|발행일|등록일|입력|게시일|작성일|기사입력|发布时间|發布時間|发表时间|發表時間|发布日期"
                        r"|發佈日期|發布日期|出版日期|时间|時間|日期|发布于|發佈於|published)\s*[:：]?\s*[\[(]?\s*$", _I)
# Page metadata around a date (views, credits) marks the article's own dateline.
META_CONTEXT = re.compile(r"阅读|閱讀|浏览|瀏覽|点击|點擊|来源|來源|作者|编辑|編輯|조회|클릭|출처|기자|记者|記者")
UPDATE_LABEL = re.compile(r"(수정|업데이트|更新时间|更新時間|updated)\s*[:：]?\s*[\[(]?\s*$", _I)


def date_matches(line: str, patterns=DATE_PATTERNS + MONTH_PATTERNS) -> list[re.Match]:
    """Dates in `line`, left to right; a match has groups y, m and (day patterns) d, H, M, S."""
    found: list[re.Match] = []
    for pattern in patterns:
        for m in pattern.finditer(line):
            if not any(m.start() < f.end() and f.start() < m.end() for f in found):
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def without_dates(line: str) -> str:
    for pattern in DATE_PATTERNS + MONTH_PATTERNS:
        line = pattern.sub(" ", line)
    return line


# ------------------------------------------------------------------------------------------------ credits
ORIGIN_LABELS = ("원고래원", "출처", "来源", "來源", "稿源", "消息来源", "消息來源", "转载自", "轉載自", "转自", "轉自")
AUTHOR_LABELS = ("편집/기자", "편역", "편집", "글", "기자", "作者", "记者", "記者", "撰文", "编译", "編譯", "文")
_LABELS = sorted(ORIGIN_LABELS + AUTHOR_LABELS, key=len, reverse=True)  # longest first: 편집/기자 before 편집
_LABEL = re.compile("^(?P<label>" + "|".join(map(re.escape, _LABELS)) + r")(?P<sep>\s*[:：]\s*|\s+)(?P<value>.+)$")
_CREDIT_SEPARATOR = re.compile(r"\s+/\s*|^/\s*|\s*/\s+")
_LABELLED = re.compile(r"(?P<label>[^\s:：\[\]/]+(?:/[^\s:：\[\]/]+)?)\s*[:：]\s*\[\s*(?P<value>[^\]]*?)\s*\]")
_OUTLET_REPORTER = re.compile(r"^(?P<origin>\S*(?:일보|신문|통신|방송|日报|日報|晚报|晚報|新闻|新聞))\s*기자\s+(?P<author>.+)$")
_REPORTER = re.compile(r"^(?P<author>[\w\s]{2,20}?)\s*기자$")
# `本报记者 王燕平 方云凤`, `中新社记者 宗晨亮`, `□快報記者 劉峻`: an agency or paper, the role, then 2-4 character names.
_CHINESE_REPORTER = re.compile(r"^[□■]?\s*[\u4e00-\u9fff]{0,4}?(?:特约|特約|实习|實習)?(?:记者|記者|通讯员|通訊員|实习生|實習生)"
                               r"\s*(?P<author>[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*)$")
MAX_CREDIT_CHARS = 60


@dataclass
class Credit:
    origin: str | None = None
    author: str | None = None


def credit(line: str) -> Credit | None:
    """The original source and/or author a short credit line gives (`/출처 :길림일보 / 편역 길림신문 김영자기자`,
    `来源:延边日报`, `편집/기자: [ 김영자 ] 원고래원: [ 길림일보 ] …`, `류전국 기자`); None for other lines."""
    if len(line) > MAX_CREDIT_CHARS * 2:
        return None
    found = Credit()
    pairs = [(m["label"], m["value"]) for m in _LABELLED.finditer(line)]
    if not pairs and len(line) <= MAX_CREDIT_CHARS:
        segments = [seg.strip() for seg in _CREDIT_SEPARATOR.split(line) if seg.strip()]
        # `/출처 :길림일보 / 편역 길림신문 …`: between slashes a label needs no colon; elsewhere it does (글 쓰는 …)
        slashed = len(segments) > 1 or line.startswith("/")
        pairs = [_split_label(seg, colon_required=not slashed) for seg in segments]
    for label, value in pairs:
        if not value:
            continue
        if label in ORIGIN_LABELS:
            found.origin = found.origin or value
        elif label in AUTHOR_LABELS:
            found.author = found.author or value
        elif label == "" and (m := _OUTLET_REPORTER.match(value)):
            found.origin, found.author = found.origin or m["origin"], found.author or m["author"]
        elif label == "" and (m := _REPORTER.match(value) or _CHINESE_REPORTER.match(value)) \
                and not SENTENCE_END.search(value):
            found.author = found.author or m["author"]
    return found if (found.origin or found.author) else None


def _split_label(segment: str, colon_required: bool) -> tuple[str, str]:
    """(label, value) of `출처:흑룡강일보`; ("", segment) when the segment has no credit label."""
    m = _LABEL.match(segment)
    if m and (not colon_required or m["sep"].strip()):
        return m["label"], m["value"].strip()
    return "", segment


# ------------------------------------------------------------------------------------------------ line kinds
@dataclass
class LineInfo:
    text: str
    boilerplate: str | None = None  # the rule that matched
    related_heading: bool = False  # a related list's or a comment section's heading
    comment_heading: bool = False
    bullet: bool = False
    prose: bool = False
    heading_like: bool = False
    date_only: bool = False
    dates: list[re.Match] = field(default_factory=list)  # date_matches(text)
    credit: Credit | None = None

    @property
    def has_date(self) -> bool:
        return bool(self.dates)


def boilerplate_rule(line: str) -> str | None:
    for rule, pattern in BOILERPLATE_RULES.items():
        if pattern.search(line):
            return rule
    if len(_AGENCY_PROMO.findall(line)) >= MIN_AGENCY_TERMS:
        return "ad"
    if _SOCIAL.search(line) and _CALL_TO_ACT.search(line):
        return "promo"
    if is_menu(line):
        return "menu"
    if is_dated_item(line):
        return "dated_item"
    if is_title_run(line):
        return "title_run"
    if not LETTER.search(line):
        return "no_letters"
    return None


_SPACED_HAN = re.compile(rf"(?<={HAN.pattern}) +(?={HAN.pattern})")
MAX_HAN_GAPS_PER_CHAR = 1 / 30  # Chinese prose runs unspaced; a run of link titles has a space every few words


def is_title_run(line: str) -> bool:
    """Headlines strung together on one line (`唐飛談大聯合政府：我的教訓還不夠嗎？ 唐飛批大聯合政府和扁同模式 …`):
    many spaces between Han characters, which Chinese prose does not have. Not for Korean, which spaces words."""
    if HANGUL.search(line):
        return False
    return len(_SPACED_HAN.findall(line)) >= max(3, len(line) * MAX_HAN_GAPS_PER_CHAR)


def is_menu(line: str) -> bool:
    """Short items between separators: `조글로홈 | 미디어 | 포럼`, `흑룡강신문 > 룡강`."""
    parts = [p for p in MENU_SEPARATORS.split(line) if p]
    if len(parts) < 2 or SENTENCE_END.search(line):
        return False
    mean = sum(len(p) for p in parts) / len(parts)
    return (len(parts) >= 3 and mean <= 8) or (len(parts) == 2 and bool(PATH_ARROW.search(line)) and mean <= 8)


# A list entry for another article: its date in brackets before or after a short title
# (`[2005-08-21] 为什么总要面对呢？`, `李玲：发展的目的是让人们生活得更好(2006-12-16)[355]`).
_BRACKETED_DATE = (r"[\[【(（]\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                   r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]】)）]")
_DATED_ITEM = re.compile(rf"^{_BRACKETED_DATE}\s*(?P<lead>.+)$|^(?P<trail>.+?)\s*{_BRACKETED_DATE}\s*([\[(（]\d+[\])）])?$")
MAX_ITEM_CHARS = 60  # a list entry is a headline; a body paragraph that starts with a date runs longer


def is_dated_item(line: str) -> bool:
    m = _DATED_ITEM.match(line)
    return bool(m) and len(m["lead"] or m["trail"]) <= MAX_ITEM_CHARS


def is_prose(line: str) -> bool:
    """A sentence-bearing paragraph: long enough and ending like a sentence, or long with clause punctuation
    (Korean, which spaces its words and uses few commas, passes on length alone)."""
    if BULLET.match(line) or len(line) < MIN_PROSE_CHARS:
        return False
    if TEASER_END.search(line) and len(line) < LONG_PROSE_CHARS:  # a cut-off teaser; a long line is a paragraph
        return False
    if TERMINAL.search(line) or len(SENTENCE_END.findall(line)) >= 2:
        return True
    if len(line) < LONG_PROSE_CHARS:
        return False
    return bool(HANGUL.search(line)) or len(CLAUSE_PUNCTUATION.findall(line)) >= len(line) * MIN_CLAUSES_PER_CHAR


def classify(lines: list[str]) -> list[LineInfo]:
    infos = []
    for line in lines:
        info = LineInfo(line)
        if line:
            info.comment_heading = bool(COMMENT_HEADING.match(line))
            info.related_heading = info.comment_heading or bool(RELATED_HEADING.match(line))
            info.bullet = bool(BULLET.match(line))
            info.dates = date_matches(line)
            info.date_only = info.has_date and len(LETTER.findall(DATE_LABEL.sub("", without_dates(line)))) < 2
            info.credit = credit(line)
            info.boilerplate = "date_only" if info.date_only else boilerplate_rule(line)
            info.prose = info.boilerplate is None and info.credit is None and is_prose(line)
            info.heading_like = (info.boilerplate is None and info.credit is None and not info.bullet
                                 and not info.related_heading and 4 <= len(line) <= MAX_HEADING_CHARS
                                 and not (info.prose and line.endswith(("。", ".")))
                                 and not FULL_STOP.search(line.rstrip(".。…!?！？")))  # two sentences: a paragraph
        infos.append(info)
    return infos


MAX_LINES_BETWEEN_PARAGRAPHS = 1  # a caption or a credit between two paragraphs; more is a page part between


def body_start(infos: list[LineInfo], skip: dict | set = frozenset()) -> int:
    """Where the body starts: the first paragraph that another paragraph follows closely (boilerplate lines such as
    image names not counted). A lone sentence-like line above it (a blog's link to its previous post, a promo, a
    flash embed) is not the body. Lines in `skip` (already given a role) are not paragraphs."""
    kept = [i for i, info in enumerate(infos) if info.text and info.boilerplate is None]
    paragraphs = [rank for rank, i in enumerate(kept) if infos[i].prose and i not in skip]
    for here, following in zip(paragraphs, paragraphs[1:]):
        if following - here - 1 <= MAX_LINES_BETWEEN_PARAGRAPHS:
            return kept[here]
    return kept[paragraphs[0]] if paragraphs else len(infos)


def script_counts(text: str) -> tuple[int, int, int]:
    """(Hangul, Han, Latin) letters in `text`."""
    return len(HANGUL.findall(text)), len(HAN.findall(text)), len(LATIN.findall(text))


def foreign_to_page(line: str, page_script: str) -> bool:
    """A line with no letter of the page's main script but several of another: a Chinese footer on a Korean page,
    a Korean menu on a Chinese page, an English copyright line on either."""
    hangul, han, latin = script_counts(line)
    if page_script == "Hang":
        return hangul == 0 and han + latin >= 4
    if page_script == "Han":
        return han == 0 and hangul + latin >= 4
    return False


def page_script(lines: list[str]) -> str:
    hangul, han, latin = script_counts("".join(lines))
    if hangul >= max(han, latin) * 0.5 and hangul > 0:
        return "Hang"
    return "Han" if han >= latin else "Latn"


def squash(text: str) -> str:
    """Letters and digits only, for comparing lines that differ in punctuation or spacing."""
    return "".join(re.findall(r"[^\W_]", text)).lower()
