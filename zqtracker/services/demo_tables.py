"""What the demo data set is made of: Zhaoqing's industrial chains, sectors and districts with
their weights, invented brands and products, the status mix of each signing year, the negotiating
leads, and the published totals (2023, January–September) it is shaped like.

Every name is invented; every project carries :data:`DEMO_NOTE`.
"""

from __future__ import annotations

from datetime import date

from zqtracker.domain.status import Status

DEMO_NOTE = "演示数据 Demo data"
AS_OF = date(2023, 9, 30)
SIGNED_2023_TARGET = 68_900_000_000  # yuan, for the default 310 projects signed in 2023
DEFAULT_PROJECTS = 560  # 310 signed in 2023 + 250 carried over from 2020–2022

CHAINS: dict[str, list[str]] = {
    "新能源": ["新型储能", "光伏", "氢能"],
    "汽车": ["新能源汽车整车", "汽车零部件"],
    "电子信息": ["电子元器件", "半导体及集成电路"],
    "先进装备制造": ["高端装备", "智能装备"],
    "新材料": ["金属新材料", "化工新材料"],
    "生物医药": ["生物医药"],
    "能源": ["能源"],
    "食品饮料": ["绿色食品"],
}
SECTOR_WEIGHTS = {
    "新型储能": 14, "光伏": 5, "氢能": 2, "新能源汽车整车": 3, "汽车零部件": 14, "电子元器件": 10,
    "半导体及集成电路": 4, "高端装备": 9, "智能装备": 7, "金属新材料": 10, "化工新材料": 6,
    "生物医药": 6, "能源": 4, "绿色食品": 6,
}  # fmt: skip
DISTRICTS = {
    "肇庆新区": 14, "肇庆高新区": 16, "端州区": 5, "鼎湖区": 9, "高要区": 14, "四会市": 12,
    "广宁县": 6, "德庆县": 6, "封开县": 6, "怀集县": 7, "粤桂合作特别试验区": 5,
}  # fmt: skip
BRANDS = (
    "粤星", "鼎盛", "宏宇", "瑞能", "恒通", "创联", "海纳", "鑫源", "嘉禾", "天润", "东盛", "华泰", "远航",
    "星辰", "中科", "鹏程", "博锐", "金鹰", "南岭", "西江", "端砚", "七星", "宝月", "广利", "德润", "晶达",
    "振华", "联创", "永安", "泰和",
)  # fmt: skip
PRODUCTS = {
    "新型储能": ("储能电池", "储能系统集成", "电池材料", "储能变流器"),
    "光伏": ("光伏组件", "光伏玻璃", "逆变器"),
    "氢能": ("氢燃料电池", "制氢装备"),
    "新能源汽车整车": ("新能源汽车整车", "电动商用车"),
    "汽车零部件": ("汽车零部件", "汽车电子", "动力总成", "汽车内饰件", "底盘系统"),
    "电子元器件": ("电子元器件", "电路板", "电子材料", "精密连接器"),
    "半导体及集成电路": ("半导体封测", "功率器件", "芯片材料"),
    "高端装备": ("高端装备", "精密机床", "工程机械"),
    "智能装备": ("智能装备", "工业机器人", "智能产线"),
    "金属新材料": ("铝型材", "金属新材料", "不锈钢深加工"),
    "化工新材料": ("化工新材料", "新型涂料", "高分子材料"),
    "生物医药": ("生物医药", "医疗器械", "中药现代化"),
    "能源": ("燃气发电", "抽水蓄能", "综合能源站"),
    "绿色食品": ("食品加工", "饮料生产", "预制菜"),
}
SUFFIXES = ("生产基地项目", "产业园项目", "扩产项目", "制造基地项目", "研发及生产项目")
OFFICERS = ("张伟", "李娜", "王芳", "陈静", "刘洋", "黄磊", "梁敏", "何俊", "罗婷", "冯志强", "邓丽", "苏明")
STATUS_2023 = {
    Status.SIGNED: 18, Status.PREPARING: 22, Status.UNDER_CONSTRUCTION: 38, Status.COMMISSIONING: 5,
    Status.TRIAL_PRODUCTION: 5, Status.IN_PRODUCTION: 6, Status.ON_HOLD: 4, Status.LEAD: 0, Status.CANCELLED: 2,
}  # fmt: skip
STATUS_EARLIER = {
    Status.SIGNED: 3, Status.PREPARING: 7, Status.UNDER_CONSTRUCTION: 35, Status.COMMISSIONING: 8,
    Status.TRIAL_PRODUCTION: 10, Status.IN_PRODUCTION: 27, Status.ON_HOLD: 6, Status.LEAD: 0, Status.CANCELLED: 4,
}  # fmt: skip

# Negotiating leads: (name, sector, district, planned yuan, enterprise, contact, progress, first contact).
# None is "not known yet"; every amount stays below one billion (the billion-yuan count is unchanged).
LEADS: tuple[tuple[str, str | None, str | None, int | None, str | None, str | None, str, date], ...] = (
    ("力恒储能电池Pack生产线项目", "新型储能", None, 800_000_000, "深圳力恒储能科技有限公司", "陈总 13922001234",
     "8月来肇考察，意向落户肇庆新区或高要区，待比选用地。", date(2023, 8, 16)),
    ("汽车线束及精密连接器项目", "汽车零部件", "四会市", None, "东莞汇联电子有限公司", "刘经理 0758-3612345",
     "已洽谈两轮，企业正在测算投资规模。", date(2023, 7, 24)),
    ("功率半导体封装测试项目", None, "肇庆高新区", None, None, "周博士 13600135678",
     "企业提交项目建议书，产品方向（封测或材料）待定。", date(2023, 9, 5)),
    ("预制菜中央厨房及冷链项目", "绿色食品", None, 150_000_000, "广州禾丰食品集团有限公司", None,
     "对接德庆县、封开县两地用地条件。", date(2023, 9, 12)),
    ("光伏支架及跟踪系统项目", "光伏", None, None, None, "黄先生 18820012345",
     "经商会介绍初步接洽，待企业来访。", date(2023, 9, 20)),
    ("氢能装备产业园项目", None, None, None, None, "招商二科 0758-2288000",
     "北京招商推介会收集线索，待联系企业核实。", date(2023, 9, 26)),
    ("高端数控机床制造项目", "高端装备", "鼎湖区", None, "佛山精锐机床有限公司", "林总 13702345678",
     "已实地考察鼎湖区标准厂房，待报价。", date(2023, 8, 30)),
    ("生物可降解材料项目", None, "德庆县", 300_000_000, "广东绿源新材料有限公司", "吴经理 13510987654",
     "投资意向书已签，行业归类待定（化工新材料或生物基材料）。", date(2023, 7, 10)),
)  # fmt: skip
