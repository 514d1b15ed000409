from builder.textnorm import normalize_line, strip_pinyin_glosses


def test_whitespace_runs_become_one_space():
    assert normalize_line("조글로미디어(ZOGLO) 2023년12월6일 11시46분\u00a0\u00a0\u00a0조회:3390") == \
        "조글로미디어(ZOGLO) 2023년12월6일 11시46분 조회:3390"
    assert normalize_line("许可证编号:23120170002 \u2002\u2002黑网公安备\u3000x\t") == "许可证编号:23120170002 黑网公安备 x"


def test_pinyin_glosses_are_stripped():
    lines = ["金壯龍在上海調(diào)研時強調(diào):加快產(chǎn)業(yè)鏈創(chuàng)新發(fā)展"]
    assert strip_pinyin_glosses(lines) == ["金壯龍在上海調研時強調:加快產業鏈創新發展"]


def test_real_parentheses_survive():
    lines = ["훈춘 백만톤 청정에너지(LPG) 심층 가공", "할빈림공(临空)경제구 흑룡강 곤곤(昆昆)국제경제무역회사",
             "調(diào)研 發(fā)展 產(chǎn)業(yè)"]
    out = strip_pinyin_glosses(lines)
    assert out[:2] == lines[:2]
    assert out[2] == "調研 發展 產業"


def test_toneless_parentheses_stay_without_toned_glosses_on_the_page():
    assert strip_pinyin_glosses(["我的(de)书"]) == ["我的(de)书"]
