"""A park named with no place in its name (高新园, 工业园, 经济开发区, 产业转移工业园, 高新技术产业开发区): every
county has one, so it names no district. In a district column (a 所属园区 column taken as the district) it
is never made a district of that name: the row's address column, the sheet's title, name or 填报单位 line,
or the user's --district gives its district (said in a note); otherwise the import asks. A park that names
its place (肇庆高新区, 肇庆新区, 怀集县产业园) is no bare park, and neither is a name the database holds, nor a
district-level zone written short in a city's county column (高新区, 新区: read as the one stored or written
zone of that kind, or kept as written — services/import_views.py).
"""

from __future__ import annotations

import re
import unicodedata

_LEVEL = r"(?:国家级|省级|市级|县级)?"
_KIND = r"(?:产业转移|高新技术|经济技术|高新|经济|科技|工业|产业|物流|农业|现代|生态|先进制造业?|循环经济)*"
_PARK = r"(?:产业开发区|高新区|开发区|新区|产业园区|工业园区|产业园|工业园|科技园|园区|工业区|集聚区|园)"
_BARE_PARK_RE = re.compile(f"^{_LEVEL}{_KIND}{_PARK}$")
_ZONES_SHORT = ("高新区", "新区")  # a city list's district-level zone written short: kept as it was read


def is_bare_park(text: str) -> bool:
    """高新园, 工业园, 经济开发区, 产业转移工业园, 省级高新区: a park's kind alone, no place named."""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return len(key) >= 2 and key not in _ZONES_SHORT and _BARE_PARK_RE.match(key) is not None
