"""Wording of rows numbered 一、二 or （一）（二） that the import cannot tell for sections or projects, and of a
合计 over rows all read as sections (io/numeral_rows.py, io/empty_total.py) — English and 简体中文; messages.py
merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_NUMERAL_MESSAGES: dict[str, tuple[str, str]] = {
    "numeral_row_unclear": (
        "the row numbered {value} ({name}) has nothing under it and figures of its own, as a project has, while rows "
        "numbered like it ({sections}) are section rows over rows of their own: is it a project, or a section whose "
        "rows are missing? Number the projects under each section 1, 2, 3, or give every section row its count of "
        "projects after its name",
        "序号为 {value} 的行（{name}）下无其他行且有自己的金额，像是项目，而同级编号的行（{sections}）是其下另有项目的"
        "分类行：该行是项目，还是缺少项目的分类行？请将各分类下的项目编为 1、2、3，或在各分类行名称后写明项目个数",
    ),
    "numeral_row_unclear_split": (
        "the row numbered {value} ({name}) is plainly neither a section nor a project, and the rows numbered like it "
        "disagree: {sections} are section rows over rows of their own, {projects} have figures of their own and "
        "nothing under them: which is this row? Number the projects under each section 1, 2, 3, or give every "
        "section row its count of projects after its name",
        "序号为 {value} 的行（{name}）看不出是分类行还是项目，而同级编号的行互相不一致：{sections} 是其下另有项目的"
        "分类行，{projects} 有自己的金额且下无其他行：该行是哪一种？请将各分类下的项目编为 1、2、3，或在各分类行名称后"
        "写明项目个数",
    ),
    "numeral_row_unclear_sum": (
        "the row numbered {value} ({name}) has {count} rows under it, but its {header} {figure} is not their sum "
        "{sum}, and no row numbered like it tells: is it a section whose subtotal is rounded, or a project with its "
        "parts under it? Give the section row the exact sums of its rows (or no figures), or number the projects "
        "under each section 1, 2, 3",
        "序号为 {value} 的行（{name}）下有 {count} 行，但其{header} {figure} 不等于这些行之和 {sum}，同级编号的行也"
        "无法说明：该行是小计经过取整的分类行，还是下列分项的项目？请给分类行填写其下各行的准确合计（或不填金额），"
        "或将各分类下的项目编为 1、2、3",
    ),
    "numeral_row_unclear_empty": (
        "the row numbered {value} ({name}) has nothing under it and no figures of its own, and no row numbered like "
        "it tells: is it a project without figures, or a section without projects? Give the project its figures, "
        "or number the projects under each section 1, 2, 3",
        "序号为 {value} 的行（{name}）下无其他行，也没有自己的金额，同级编号的行也无法说明：该行是未填金额的项目，"
        "还是没有项目的分类行？请填写项目金额，或将各分类下的项目编为 1、2、3",
    ),
    "numeral_row_unclear_details": (
        "the row numbered {value} ({name}) has {count} rows under it and no figures, but gives its {header} "
        "({detail}) as a project does, and no row numbered like it tells: is it a section over those rows, or a "
        "project with its parts under it? Number the projects under each section 1, 2, 3, or give the section row "
        "the sums of its rows",
        "序号为 {value} 的行（{name}）下有 {count} 行且无金额，但像项目一样填写了{header}（{detail}），同级编号的行"
        "也无法说明：该行是其下各行的分类行，还是下列分项的项目？请将各分类下的项目编为 1、2、3，或给分类行填写其下"
        "各行的合计",
    ),
    "total_without_projects": (
        "the total row gives {declared}, but no project row was read: the rows above it were all taken as "
        "section rows ({names}). If they are projects, give their 序号 as 1, 2, 3; if they are sections, list "
        "their projects under them",
        "合计行为 {declared}，但未读到任何项目行：其上各行均被视为分类行（{names}）。如为项目，请将序号改为 1、2、3；"
        "如为分类行，请在其下列出项目",
    ),
}
NUMERAL_MESSAGES = Catalogue("numeral_messages", _NUMERAL_MESSAGES)
