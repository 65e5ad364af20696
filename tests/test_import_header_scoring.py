"""Header scoring by property: any set of the columns real lists carry, in any order, under any of
their usual headers (written with full-width brackets, stray spaces or line breaks), maps each
column to its field — the values beneath agreeing with the header."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from zqtracker.io.layout import detect_layout
from zqtracker.io.reader import RawSheet

NAMES = ["华南新能源电池项目", "西江芯片材料产业园", "鼎盛动力总成产业园项目", "恒通光伏组件扩产项目",
         "海纳储能系统集成", "创联医疗器械扩产项目", "南岭底盘系统产业园", "肇庆小鹏汽车零部件",
         "宏旺金属新材料项目", "星湖生物发酵基地"]  # fmt: skip
COLUMNS: dict[str, tuple[list[str], object]] = {
    "name": (
        ["项目名称", "项目", "Project Name", "projectName", "PROJECT_NAME", "名称", "项目名称\n（全称）"],
        lambda i: NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else f"（{i // len(NAMES) + 1}期）"),
    ),
    "district": (
        ["所在区域", "县（市、区）", "落户地", "District", "所在地", "所属区", "所在区", "所属区县"],
        lambda i: ["高要区", "四会市", "鼎湖区", "端州区", "肇庆新区"][i % 5],
    ),
    "sector": (
        ["所属行业", "行业", "Sector", "产业类别", "所属产业"],
        lambda i: ["新型储能", "汽车零部件", "生物医药", "半导体及集成电路", "金属新材料"][i % 5],
    ),
    "planned_investment": (
        [
            "计划总投资（万元）",
            "总投资（亿元）",
            "投资总额（万元）",
            "Total investment (10k yuan)",
            "计划总投资\n（万元）",
        ],
        lambda i: 1000.0 * (i + 1),
    ),
    "status": (
        ["项目状态", "状态", "Status", "建设状态", "项目阶段"],
        lambda i: ["在建", "签约", "投产", "前期", "洽谈"][i % 5],
    ),
    "enterprise": (
        ["投资主体", "建设单位", "企业名称", "Company", "投资方"],
        lambda i: f"肇庆{NAMES[i % len(NAMES)][:2]}科技有限公司",
    ),
    "signed_on": (
        ["签约时间", "签约日期", "Signing date"],
        lambda i: (date(2023, 1 + i % 12, 1 + i % 28).toordinal(),),
    ),
    "land_area_mu": (["用地面积（亩）", "用地（亩）", "Land area (mu)"], lambda i: 10.5 * (i + 1)),
    "contact": (["联系人", "联系方式"], lambda i: f"王{'一二三四五六七八九十'[i % 10]} 1380000{i:04d}"),
    "notes": (["备注", "Remarks"], lambda i: ["", "已签约", "用地已落实", "设备进场"][i % 4]),
    "project_type": (["建设性质", "项目类型"], lambda i: ["新建", "扩建", "技改"][i % 3]),
}


def _spelled(text: str, how: int) -> str:
    if how == 1:
        return text.replace("（", "(").replace("）", ")")
    if how == 2:
        return " ".join(text) if len(text) <= 6 and not text.isascii() else text
    if how == 3:  # "PROJECT NAME"; a camelCase name in capitals would be one word ("PROJECTNAME")
        return text.upper() if text.isascii() and not text.isalpha() else text + " "
    return text


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_shuffled_or_renamed_column_set_maps_the_same(data: st.DataObject) -> None:
    others = [f for f in COLUMNS if f != "name"]
    fields = ["name", *data.draw(st.lists(st.sampled_from(others), unique=True, max_size=len(others)))]
    order = data.draw(st.permutations(fields))
    headers = [_spelled(data.draw(st.sampled_from(COLUMNS[f][0])), data.draw(st.integers(0, 3))) for f in order]
    n = data.draw(st.integers(6, 24))
    rows: list[list] = [["2023年肇庆市招商引资项目清单"], headers]
    for i in range(n):
        rows.append([COLUMNS[f][1](i) for f in order])  # type: ignore[operator]
    layout = detect_layout(RawSheet("清单", rows=rows))
    got = {c.index: c.field for c in layout.mapped()}
    assert layout.header_row == 1, headers
    assert got == dict(enumerate(order)), (headers, got)
