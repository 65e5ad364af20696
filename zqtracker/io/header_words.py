"""The words real lists put in their headers, by field: what io/headers.py scores a header on.

Three strengths of evidence. An **exact** header is the whole header (folded, unit removed):
"计划总投资（万元）" is exactly 计划总投资. A **contained** word names its field inside a longer
header ("项目名称及建设内容" → name) — weaker, and ruled out by the **exclusion** words of its field
("完成投资占年计划%" holds 完成投资 but is a percentage; "项目个数" holds 项目 but is a count).
English headers are compared as word sequences after camelCase and snake_case are split
("projectName", "PROJECT_NAME" → "project name"), with a trailing year or number allowed
("Status 2024", "Sector 1").

Some headers are ambiguous by nature (项目类型 holds the sector in one district's list, the stage in
another's, 新建/扩建 in a third): they name several candidate fields and the values beneath decide
(io/evidence.py).
"""

from __future__ import annotations

# field → whole headers that name it (either language; compared folded)
EXACT: dict[str, tuple[str, ...]] = {
    "code": ("code", "project code", "project no.", "project no", "project number", "project id", "project ref",
             "reference number", "ref no", "项目编号", "项目代码", "编号", "项目编码", "统一项目代码", "项目统一代码",
             "项目库编号", "备案代码", "备案编号", "项目备案代码"),
    "name": ("name", "project", "project name", "project title", "project names", "名称", "项目名称", "项目", "项目名",
             "项目全称", "项目名字", "项目(名称)", "签约项目", "招商项目", "项目简称"),
    "enterprise": ("enterprise", "company", "investor", "investing enterprise", "proponent", "owner", "developer",
                   "sponsor", "company name", "investor name", "enterprise name", "project owner", "promoter",
                   "投资主体", "企业名称", "投资方", "建设单位", "投资企业", "项目业主", "业主单位", "投资商",
                   "投资商名称", "项目投资单位", "投资单位", "项目单位", "项目建设单位", "项目法人", "项目法人单位",
                   "公司名称", "企业", "签约企业", "投资企业名称", "项目业主单位", "建设主体", "实施主体",
                   "项目实施单位", "申报单位", "投资方名称", "投资人", "新公司名称", "客商名称", "外商名称", "客商",
                   "投资客商", "签约客商", "外商投资企业", "投资方/客商名称", "单位名称"),
    "sector": ("sector", "industry", "industry sector", "sector name", "industry name", "industry type", "所属行业",
               "行业", "产业", "产业类别", "行业类别", "所属产业", "行业分类", "产业分类", "产业类型", "行业类型",
               "所属领域", "领域", "产业方向", "所属产业类别", "行业门类", "行业大类", "产业领域", "细分行业",
               "所属行业类别"),
    "district": ("district", "area", "location", "park", "county", "city", "country", "municipality", "region",
                 "province", "place", "site", "county name", "city name", "region name", "district name",
                 "所在区域", "区域", "县(市、区)", "县市区", "所在地", "园区", "所在县(市、区)", "属地", "落户地",
                 "落户地点", "落地地点", "建设地点", "项目地点", "项目所在地", "所属区域", "所属县区", "地区", "区县",
                 "县区", "所在园区", "所属园区", "镇街", "地市", "城市", "市县", "所在县区", "所在地区", "所属地区",
                 "项目建设地点", "拟落户地", "拟落地地点", "拟选址", "选址", "实施地点", "责任单位", "所属县(市、区)",
                 "县(市)区", "市(县、区)", "区(县)", "所在镇街", "承接地", "落户区域", "所属区", "所在区", "所属县",
                 "所在县", "所属区县", "所在区县", "所属县(区)", "县(区)", "所属县市区", "所在县市区", "所属市县",
                 "区(县、市)", "地点", "拟落户区域", "拟落户地点"),
    "status": ("status", "stage", "project status", "current status", "phase", "project stage", "project phase",
               "stage of project", "状态", "项目状态", "建设状态", "项目阶段", "建设阶段", "所处阶段", "当前状态",
               "项目建设状态", "进展阶段", "项目所处阶段", "目前状态", "推进阶段", "项目进展阶段", "进展状态",
               "开工状态", "开工情况", "阶段"),
    "planned_investment": ("planned investment", "total investment", "investment", "planned total investment",
                           "estimated cost", "current project cost", "project cost", "total cost", "total project cost",
                           "cost", "investment amount", "total investment amount", "estimated investment",
                           "capital cost", "estimated project cost", "计划总投资", "总投资", "投资额", "计划投资",
                           "项目总投资", "投资总额", "总投资额", "估算总投资", "预计总投资", "拟投资", "拟投资额",
                           "协议投资额", "协议投资", "签约投资额", "合同投资额", "投资规模", "计划投资额", "项目投资额",
                           "总投资规模", "协议总投资", "签约总投资", "预计投资", "预计投资额", "拟投资总额",
                           "项目投资总额", "投资金额", "项目投资", "签约金额", "签约额", "协议金额", "合同金额",
                           "投资"),
    "land_area_mu": ("land area", "land (mu)", "land area (mu)", "land", "site area", "用地面积", "用地(亩)",
                     "用地面积(亩)", "用地", "占地面积", "用地规模", "占地", "用地需求", "供地面积", "土地面积",
                     "拟用地面积", "项目用地", "需求用地", "用地需求面积", "规划用地面积"),
    "expected_annual_output": ("expected annual output", "annual output", "output", "预计年产值", "达产年产值",
                               "年产值", "达产后年产值", "预计产值", "达产产值", "预计达产产值", "达产后产值"),
    "expected_annual_tax": ("expected annual tax", "annual tax", "tax", "annual tax revenue", "预计年税收",
                            "达产年税收", "年税收", "年纳税", "年纳税额", "年纳税总额", "达产后年税收", "预计税收",
                            "达产税收", "预计年纳税", "达产后税收"),
    "signed_on": ("signed", "signed on", "signing date", "date signed", "signature date", "board approval date",
                  "approval date", "签约时间", "签约日期", "签约", "签订时间", "合同签订时间", "签约年月",
                  "签约时间(年月)", "协议签订时间", "签订日期"),
    "construction_start_on": ("start", "construction start", "started", "start date", "construction start date",
                              "construction started", "commencement date", "start year", "开工时间", "开工日期", "开工",
                              "计划开工时间", "实际开工时间", "开工年月", "开工年份", "开工时间(年月)", "预计开工时间"),
    "production_on": ("production", "production date", "in production", "completion date", "operation date",
                      "commissioning date", "completion", "end date", "end year", "投产时间", "投产日期", "投产",
                      "竣工投产时间", "竣工时间", "计划竣工时间", "建成时间", "完工时间", "预计投产时间",
                      "计划投产时间", "竣工日期", "投产年月", "预计竣工时间", "建成投产时间"),
    "is_key_project": ("key project", "key", "priority project", "是否重点项目", "重点项目", "是否重点", "重点",
                       "是否市重点", "是否省重点", "是否为重点项目", "是否列入重点项目"),
    "project_type": ("project type", "type", "nature", "construction type", "type of construction", "项目类型",
                     "建设性质", "项目性质", "建设类型", "建设方式", "新建/扩建", "新建或扩建"),
    "investor_origin": ("investor origin", "origin", "origin of investment", "投资来源", "内外资", "内资/外资",
                        "投资方来源", "外资/内资", "投资方所属国家/地区", "投资方所属国家或地区", "所属国家/地区",
                        "国别", "国别/地区", "国家/地区", "国家或地区", "投资方国别", "投资来源地", "投资方来源地",
                        "外商国别", "外资来源地", "country", "country of origin", "investor country", "投资方所属地",
                        "投资方所在地", "客商所属地", "客商所在地", "客商来源地", "外商所属地", "投资方所属区域",
                        "投资方所在国家/地区", "客商所属国家/地区"),
    "officer": ("officer", "service officer", "account manager", "服务专员", "责任人", "跟踪服务人员", "项目专员",
                "招商专员", "服务人员", "项目负责人", "跟踪人", "对接人", "对接人及电话", "对接人及联系方式",
                "对接人员"),
    "contact": ("contact", "contact person", "contact info", "contact details", "phone", "telephone", "联系人",
                "联系方式", "联系电话", "项目联系人", "项目联系方式", "企业联系人", "联系人及电话", "联系人及联系方式",
                "电话", "手机", "手机号码", "联系人电话"),
    "progress_note": ("progress", "progress notes", "latest progress", "current progress", "progress update",
                      "进展情况", "项目进展", "项目进度", "对接情况", "项目对接及进展情况", "推进情况", "目前进展",
                      "最新进展", "工作进展", "形象进度", "进度情况", "进展", "项目进展情况", "洽谈进展", "对接进展",
                      "项目推进情况", "当前进展", "进度", "工程进度", "项目对接情况", "跟进情况"),
    "notes": ("notes", "remarks", "note", "comments", "remark", "备注", "说明", "备注说明", "其他说明", "其他"),
    "construction_period": ("建设年限", "建设起止年限", "建设周期", "起止年限", "construction period", "建设期限",
                            "建设起止时间", "起止年份", "建设起止年份", "建设起止年月", "起止时间"),
    "chain": ("industry chain", "chain", "value chain", "产业链", "所属产业链", "产业链条", "产业链名称", "重点产业链"),
    "annual_plan": ("annual plan", "annual planned investment", "plan for the year", "年度计划投资", "年度计划",
                    "本年计划投资", "年度投资计划", "当年计划投资", "年计划投资", "本年度计划投资", "全年计划",
                    "全年计划投资", "全年投资计划", "本年计划", "本年度计划", "当年计划"),
    "month": ("month", "period", "月份", "月", "期间", "统计期", "统计月份", "报告期"),
    # the enterprise's 18-character code (domain/credit_code.py), never the project's code (项目代码)
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "企业信用代码", "企业统一社会信用代码",
                    "统一社会信用代码(企业)", "建设单位统一社会信用代码", "投资主体统一社会信用代码",
                    "unified social credit code", "social credit code", "credit code", "uscc"),
    "amount": ("completed investment", "amount", "investment completed", "completed", "完成投资", "当月完成投资",
               "本月完成", "完成额", "本月完成投资", "月度完成投资", "当月完成", "本月完成额", "当月完成额",
               "完成投资额", "实际完成投资", "实际完成投资额", "当月完成投资额", "本月完成投资额"),
}  # fmt: skip

# Ambiguous headers: the values decide among these fields (io/evidence.py).
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "项目类型": ("sector", "project_type", "status"), "项目类别": ("sector", "project_type", "status"),
    "项目性质": ("project_type", "sector", "status"), "类型": ("project_type", "sector", "status"),
    "类别": ("sector", "project_type", "status"), "项目分类": ("sector", "project_type", "status"),
    "分类": ("sector", "project_type", "status"), "type": ("project_type", "sector", "status"),
    "category": ("sector", "project_type", "status"), "project category": ("sector", "project_type", "status"),
    "project type": ("project_type", "sector", "status"), "建设性质": ("project_type", "status"),
    "进展情况": ("progress_note", "status"), "项目进展": ("progress_note", "status"),
    "项目进度": ("progress_note", "status"), "进度": ("progress_note", "status"), "进展": ("progress_note", "status"),
    "progress": ("progress_note", "status"), "项目进展情况": ("progress_note", "status"),
    "目前进展": ("progress_note", "status"), "当前进展": ("progress_note", "status"),
    "last stage reached": ("status",), "资金来源": ("investor_origin",), "资本来源": ("investor_origin",),
    "责任单位": ("district",), "location": ("district",), "site": ("district",),
}  # fmt: skip

# Chinese words that name a field inside a longer header, and the words that rule it out there.
CONTAINED: dict[str, tuple[str, ...]] = {
    "code": ("项目编号", "项目代码", "编号", "项目编码"),
    "name": ("项目名称", "项目名"),
    "enterprise": (
        "投资主体",
        "企业名称",
        "投资方",
        "建设单位",
        "业主单位",
        "投资商",
        "投资单位",
        "项目单位",
        "公司名称",
        "项目业主",
        "投资企业",
        "实施主体",
    ),
    "sector": ("所属行业", "行业", "产业类别", "所属产业", "产业领域"),
    "district": ("所在区域", "所在地", "落户地", "建设地点", "县(市、区)", "所属区域", "属地"),
    "status": ("项目状态", "建设状态", "所处阶段", "项目阶段"),
    "planned_investment": ("计划总投资", "总投资", "投资总额", "投资额", "投资规模"),
    "land_area_mu": ("用地面积", "占地面积", "用地规模", "用地需求", "用地"),
    "expected_annual_output": ("年产值", "达产产值", "预计产值"),
    "expected_annual_tax": ("年税收", "年纳税", "达产税收", "预计税收"),
    "signed_on": ("签约时间", "签约日期", "签订时间"),
    "construction_start_on": ("开工时间", "开工日期", "开工年"),
    "production_on": ("投产时间", "投产日期", "竣工时间", "建成时间"),
    "is_key_project": ("是否重点",),
    "contact": ("联系人", "联系方式", "联系电话"),
    "progress_note": (
        "进展情况",
        "对接情况",
        "推进情况",
        "最新进展",
        "目前进展",
        "项目进展",
        "形象进度",
        "进度",
        "进展",
    ),
    "notes": ("备注",),
    "officer": ("服务专员", "责任人", "项目专员"),
    "chain": ("产业链",),
    "credit_code": ("信用代码", "统一代码"),
}

# Words that rule a field out of a header that contains one of its words (never an exact header).
_MONEY_OUT = (
    "%",
    "占",
    "比例",
    "比重",
    "率",
    "个数",
    "项数",
    "数量",
    "完成",
    "累计",
    "到位",
    "资金来源",
    "来源",
    "外资",
    "注册资本",
    "资本金",
    "面积",
    "用地",
    "增长",
    "增速",
    "同比",
    "贷款",
    "债券",
    "债",
    "补助",
    "奖励",
)
EXCLUDED: dict[str, tuple[str, ...]] = {
    "name": ("个数", "项数", "数量", "类型", "类别", "性质", "编号", "代码", "单位", "企业", "公司"),
    "code": ("信用", "社会", "组织机构", "统一代码", "邮编", "邮政", "个数"),
    "enterprise": ("简介", "介绍", "性质", "类型", "联系", "电话", "信用代码", "个数", "数量", "来源", "资本", "国别",
                   "地址", "所属地", "所在地", "所属国", "所属区域"),
    "sector": ("个数", "数量", "占比", "%", "产值", "税收", "投资"),
    "district": ("个数", "数量", "面积", "%", "地址", "详细"),
    "status": ("安排", "节点", "诉求", "措施", "说明", "计划", "问题", "困难", "对接", "形象", "时间", "日期", "下步",
               "下一步"),
    "planned_investment": (*_MONEY_OUT, "年度", "本年", "当年", "月"),
    "expected_annual_output": _MONEY_OUT,
    "expected_annual_tax": _MONEY_OUT,
    "land_area_mu": ("%", "率", "个数", "建筑", "厂房", "厂库房", "办公"),
    "progress_note": ("安排", "计划", "节点", "下步", "下一步"),
    "contact": ("填报", "填表"),
    "officer": ("填报", "填表"),
    # 开工、竣工投产时间、内容及新增生产能力 (龙岩): sentences about the project, no date of its own
    "signed_on": ("内容", "能力", "规模", "情况"),
    "construction_start_on": ("内容", "能力", "规模", "情况"),
    "production_on": ("内容", "能力", "规模", "情况"),
}  # fmt: skip

# Headers recognised and deliberately not stored (said as "not imported (…)" rather than "unknown").
IGNORED: dict[str, tuple[str, ...]] = {
    "months_covered": ("所含月份", "months covered"),  # an export's monthly sheet: its 月份 cell says the span
    "investment_kind": ("投资类型", "投资性质", "政府投资/社会投资", "investment type", "financing type",
                        "lending instrument", "投资方式", "资金性质"),
    "content": ("建设内容", "主要建设内容", "建设规模及内容", "建设规模及主要建设内容", "建设规模", "项目简介",
                "项目内容", "项目概况", "企业简介", "投资方简介", "企业情况", "投资方情况", "project description",
                "description", "scope", "project development objective", "objective", "summary", "项目基本情况",
                "主要内容"),
    "cumulative": ("截至上年底累计完成投资", "开工至上年底累计完成投资", "开工至上一年度底累计完成投资",
                   "至上年底累计完成投资", "上年累计完成投资"),
    # last year's same period, no group saying which: the month's own amount, or the year to date?
    "same_period": ("上年同期完成投资", "上年同期", "去年同期完成投资", "去年同期", "上年同期完成", "去年同期完成"),
    "ten_days": ("上旬", "中旬", "下旬"),
    "foreign_capital": ("合同外资", "实际外资", "实际利用外资", "合同利用外资", "利用外资", "外资金额", "到位外资",
                        "实际到资", "到资金额", "外资到位", "fdi", "foreign capital", "contracted foreign capital"),
    "schedule": ("进度安排", "后五个月进度安排", "计划安排", "时间节点", "节点", "工作计划", "下步计划", "下一步工作",
                 "下步工作", "下一步计划", "推进计划", "工作安排", "next steps"),
    "issues": ("存在问题", "困难问题", "需协调解决的问题", "诉求", "问题及诉求", "措施", "解决措施", "存在困难",
               "问题", "困难和问题", "需要解决的问题", "企业诉求"),
    "reporter": ("填报人", "填报单位", "上报部门", "填表人", "报送单位", "填报部门", "审核人"),
    "url": ("project url", "url", "link", "website", "网址", "链接"),
    "count": ("项目个数", "个数", "项数", "项目数", "项目数量", "number of projects", "count"),
    "percent": ("完成率", "占比", "比例", "比重", "增速", "增长", "同比", "完成投资占年计划", "完成年度计划",
                "占年计划", "percent", "share"),
    "leader": ("挂点领导", "责任领导", "包联领导", "挂钩领导", "分管领导", "联系领导", "包挂领导"),
    "credit_code": ("组织机构代码",),  # the nine-character code of before 2015: not the 18 stored
}  # fmt: skip

# Part of a header that says "this is a share, a rate, a count": the header is ignored as such.
PERCENT_MARKS = ("%", "％", "占比", "比例", "比重", "完成率", "增长率", "增速", "同比")
COUNT_MARKS = ("个数", "项数", "项目数")

# Among location columns, the one a bureau means by "district" (higher wins; then more distinct values).
DISTRICT_RANK: dict[str, int] = {
    "所在区域": 9, "区域": 9, "县(市、区)": 9, "所在县(市、区)": 9, "县市区": 9, "所属县区": 9, "所在县区": 9,
    "所属县(市、区)": 9, "县(市)区": 9, "区(县)": 9, "district": 9, "district name": 9, "落户地": 8, "落户地点": 8,
    "拟落户地": 8, "落户区域": 8, "所在地": 7, "属地": 7, "所属区域": 7, "园区": 7, "所在园区": 7, "所属园区": 7,
    "地区": 6, "区县": 8, "县区": 8, "city": 7, "city name": 7, "地市": 7, "城市": 7, "市县": 7, "country": 6,
    "county": 5, "county name": 5, "municipality": 6, "area": 5, "park": 6, "location": 4, "place": 4, "site": 3,
    "建设地点": 5, "项目地点": 5, "项目所在地": 6, "项目建设地点": 5, "落地地点": 6, "拟落地地点": 6, "拟选址": 4,
    "选址": 4, "实施地点": 4, "region": 3, "region name": 3, "province": 1, "镇街": 3, "所在镇街": 3, "承接地": 6,
    "责任单位": 2, "所属区": 9, "所在区": 9, "所属县": 9, "所在县": 9, "所属区县": 9, "所在区县": 9, "所属县(区)": 9,
    "县(区)": 9, "所属县市区": 9, "所在县市区": 9, "所属市县": 8, "区(县、市)": 9,
    "地点": 3, "拟落户区域": 8, "拟落户地点": 8,
}  # fmt: skip

# Among amount columns of one field, the header that most surely holds it (default 5).
FIELD_RANK: dict[str, int] = {
    "cost": 3, "project cost": 3, "total cost": 3, "capital cost": 3, "estimated cost": 4, "current project cost": 4,
    "investment": 4, "投资": 3, "投资额": 4, "投资金额": 4, "项目投资": 4, "拟投资": 4,
    # what was signed or agreed, beside 计划总投资: the plan is the figure tracked (签约 may be a first phase)
    "签约投资额": 4, "签约投资": 4, "签约金额": 4, "签约额": 4, "协议投资额": 4, "协议投资": 4, "协议金额": 4,
    "合同投资额": 4, "合同投资": 4, "合同金额": 4, "意向投资额": 4, "拟投资额": 4,
    "其他": 1, "说明": 3, "进度": 3, "进展": 3, "电话": 3, "手机": 3,
}  # fmt: skip
