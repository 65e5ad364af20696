"""The names of a project's cost breakdown (土建工程 / 设备购置 / 安装工程 / 其他费用 / 预备费 …), for io/phase_rows.py.

    序号 | 项目名称           | 总投资（万元）
    1    | 端州宏达新材料项目 | 10000
         | 土建工程           | 5000      ← what the project's investment is spent on: 5000 + 3000 + 2000 = 10000
         | 设备购置           | 3000
         | 其他费用           | 2000

The name alone never decides: phase_rows.py reads such rows as parts only right under a numbered row, only
without a 序号 of their own, and only when their figures add up to the row's (else it asks). A name is matched
whole (folded), so a project of its own named 设备购置项目 or 四会设备购置及技改项目 is never one of these.
"""

from __future__ import annotations

import re

# (folded) a cost component, with 费 / 费用 or without: 土建工程, 建安工程费, 设备购置及安装, 工程建设其他费用
_ALONE = (
    "土建工程|建筑工程|安装工程|建安工程|建筑安装工程|设备购置|设备购置及安装|设备购置及安装工程|设备及安装工程"
    "|设备及工器具购置|设备工器具购置|工器具购置|建设期利息|铺底流动资金|征地拆迁|土地购置|土地征用"
)
# only with 费 / 费用: 其他费用, 预备费, 土建费 (其他, 设备 alone say too little)
_WITH_FEE = "土建|设备|设备购置及安装|其他|工程建设其他|预备|基本预备|涨价预备|工程|建安|安装"
_COST_PART_RE = re.compile(rf"^(?:(?:{_ALONE})(?:费用?)?|(?:{_WITH_FEE})费用?)$")


def named_as_cost_part(folded: str) -> bool:
    """``folded``: a name folded by io/values.fold (half-width, no spaces)."""
    return _COST_PART_RE.match(folded) is not None
