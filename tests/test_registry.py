from builder.registry import Registry, default_registry, registrable_domain
from conftest import seed


def test_registrable_domain_offline():
    assert registrable_domain("http://news.sina.com.hk/a/b.html") == "sina.com.hk"
    assert registrable_domain("www.iybrb.com") == "iybrb.com"
    assert registrable_domain("http://korean.people.com.cn/x") == "people.com.cn"
    assert registrable_domain("localhost") is None


def test_identify_by_signatures_in_real_footers():
    reg = default_registry()
    assert reg.identify("신고 및 련락 전화번호: 0433-2513100 | Email: webmaster@iybrb.com")[0].domain == "iybrb.com"
    assert reg.identify("版权所有黑龙江日报报业集团 黑ICP备11001326-2号")[0].domain == "hljxinwen.cn"
    outlet, points = reg.identify("오늘 날씨가 맑다.")
    assert outlet is None and points == 0


def test_a_name_alone_is_not_enough():
    outlet, points = default_registry().identify("길림신문")
    assert outlet is None and points == 1


def test_canonical_name_maps_chinese_credit_to_registry_name():
    reg = default_registry()
    assert reg.canonical_name("延边日报") == "연변일보"
    assert reg.canonical_name("어느신문") == "어느신문"


def test_user_registry_adds_an_outlet_without_code(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("outlets:\n  - domain: example-news.cn\n    name: 예시신문\n    names: [예시신문]\n"
                     "    signatures: ['example-news\\.cn']\n", encoding="utf-8")
    reg = Registry.load(extra)
    assert reg.identify("문의: desk@example-news.cn")[0].name == "예시신문"
    assert reg.by_domain("zoglo.net").name == "조글로미디어"  # the bundled entries stay


def test_every_seed_outlet_is_identified_from_its_page():
    reg = default_registry()
    assert reg.identify(seed("000"))[0].domain == "zoglo.net"
    assert reg.identify(seed("004"))[0].domain == "hljxinwen.cn"
