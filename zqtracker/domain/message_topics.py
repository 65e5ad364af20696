"""The message topics added after domain/messages.py's own catalogue, each in its own module
(domain/<topic>_messages.py), in the order messages.py merges them:

- A monthly progress row whose month lies inside a figure of several months ending later
- An .xlsb record cut short where it would say which rows are struck through
- A list whose known columns name no project: which column holds the names
- A district's name typed alone on a row between projects numbered on
- A year to date labelled with the months it covers; the monthly 合计's one bracket
- The sheet's own 合计 row the rows read do not add up to: a question
- A first year to date reaching back before the project's construction start
- A row's code new while a stored project has its name and district: the code changed
- A negative land area (0: no new land) and a negative month's own amount, with the way in
- Damaged files in the user's words, never a parser's; a CSV cell too long by its place
- A CSV with more columns than a spreadsheet holds
- The report's period read from the file's name
- Stored projects whose rows show a later stage than their status, kept
- Values a merge keeps though the file's cell says otherwise: a blank, an 产业链
- Stored projects of the file's districts that its list leaves out, kept
- A list titled as one of key projects: its projects marked as key; dates without a year (3月15日)
- Two rows of one import on one stored project, neither linked
- Rows a group row leaves without a district among district groups
- Rows numbered 一、二 that are neither clearly sections nor projects
- Team use: who changed a project meanwhile, a district account's rows of other districts
- Two rows of one project that say different things
- A project's phase rows and cost breakdown under it; subtotals placed after their projects
- Re-import: an enterprise's legal form, the same name in another district, a district move's months
- A re-sent month that disagrees with the stored months; a group row's count
- An amount of part of a yuan; a refused import's notes
- A 自开工累计 above the project's planned investment
- A money cell naming its own currency (2000万美元); what a currency column's conversion keeps
- New enterprises of one file that differ only in their legal form
- A park named with no place (高新园) in a district column: the district the sheet or the address names
- A year to date below the one on record for the month before; a 当月 and 1–X月 after months never reported
- Sectors, districts and enterprises another user added while an import was on its way: used, not new
- A full disk: one sentence for an export, a report, a backup; a saved change its log keeps
- Amounts written with 万 in a column of 万元 that the column's other amounts settle
"""

from __future__ import annotations

from zqtracker.domain.absent_messages import ABSENT_MESSAGES
from zqtracker.domain.cell_currency_messages import CELL_CURRENCY_MESSAGES
from zqtracker.domain.code_change_messages import CODE_CHANGE_MESSAGES
from zqtracker.domain.contradict_messages import CONTRADICT_MESSAGES
from zqtracker.domain.damage_messages import DAMAGE_MESSAGES
from zqtracker.domain.enterprise_fold_messages import ENTERPRISE_FOLD_MESSAGES
from zqtracker.domain.file_period_messages import FILE_PERIOD_MESSAGES
from zqtracker.domain.file_read_messages import FILE_READ_MESSAGES
from zqtracker.domain.full_disk_messages import FULL_DISK_MESSAGES
from zqtracker.domain.group_messages import GROUP_MESSAGES
from zqtracker.domain.inside_span_messages import INSIDE_SPAN_MESSAGES
from zqtracker.domain.kept_messages import KEPT_MESSAGES
from zqtracker.domain.key_list_messages import KEY_LIST_MESSAGES
from zqtracker.domain.lone_place_messages import LONE_PLACE_MESSAGES
from zqtracker.domain.meanwhile_messages import MEANWHILE_MESSAGES
from zqtracker.domain.month_day_messages import MONTH_DAY_MESSAGES
from zqtracker.domain.name_column_messages import NAME_COLUMN_MESSAGES
from zqtracker.domain.numeral_messages import NUMERAL_MESSAGES
from zqtracker.domain.park_messages import PARK_MESSAGES
from zqtracker.domain.phase_messages import PHASE_MESSAGES
from zqtracker.domain.reimport_messages import REIMPORT_MESSAGES
from zqtracker.domain.resent_messages import RESENT_MESSAGES
from zqtracker.domain.since_above_messages import SINCE_ABOVE_MESSAGES
from zqtracker.domain.span_label_messages import SPAN_LABEL_MESSAGES
from zqtracker.domain.stage_behind_messages import STAGE_BEHIND_MESSAGES
from zqtracker.domain.start_month_messages import START_MONTH_MESSAGES
from zqtracker.domain.team_messages import TEAM_MESSAGES
from zqtracker.domain.tiny_money_messages import TINY_MONEY_MESSAGES
from zqtracker.domain.total_messages import TOTAL_MESSAGES
from zqtracker.domain.twice_messages import TWICE_MESSAGES
from zqtracker.domain.value_messages import VALUE_MESSAGES
from zqtracker.domain.wan_column_messages import WAN_COLUMN_MESSAGES
from zqtracker.domain.wide_messages import WIDE_MESSAGES
from zqtracker.domain.xlsb_messages import XLSB_MESSAGES
from zqtracker.domain.ytd_fall_messages import YTD_FALL_MESSAGES

TOPICS = (
    INSIDE_SPAN_MESSAGES,
    XLSB_MESSAGES,
    NAME_COLUMN_MESSAGES,
    LONE_PLACE_MESSAGES,
    SPAN_LABEL_MESSAGES,
    TOTAL_MESSAGES,
    START_MONTH_MESSAGES,
    CODE_CHANGE_MESSAGES,
    VALUE_MESSAGES,
    DAMAGE_MESSAGES,
    WIDE_MESSAGES,
    FILE_PERIOD_MESSAGES,
    STAGE_BEHIND_MESSAGES,
    KEPT_MESSAGES,
    KEY_LIST_MESSAGES,
    MONTH_DAY_MESSAGES,
    ABSENT_MESSAGES,
    TWICE_MESSAGES,
    GROUP_MESSAGES,
    NUMERAL_MESSAGES,
    TEAM_MESSAGES,
    CONTRADICT_MESSAGES,
    PHASE_MESSAGES,
    REIMPORT_MESSAGES,
    RESENT_MESSAGES,
    TINY_MONEY_MESSAGES,
    SINCE_ABOVE_MESSAGES,
    CELL_CURRENCY_MESSAGES,
    ENTERPRISE_FOLD_MESSAGES,
    PARK_MESSAGES,
    YTD_FALL_MESSAGES,
    MEANWHILE_MESSAGES,
    FILE_READ_MESSAGES,
    FULL_DISK_MESSAGES,
    WAN_COLUMN_MESSAGES,
)
