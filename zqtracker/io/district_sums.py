"""A district's sums over its rows, for io/plan_groups.py: a row naming a district alone (端州区 in the
name and in the district column, nothing else said) whose figures are the sums of every row of that
district is the district's subtotal — a summary by district under the top 合计, before the projects
(probe28b M4) — never a project named 端州区."""

from __future__ import annotations


class DistrictSums:
    """Each district's sum of each money column over the rows whose district column names it, leaving
    out ``skip`` (the subtotals themselves); worked out once, when first asked."""

    def __init__(self, money: list[list], districts: list, skip: set[int]) -> None:
        self.money, self.districts, self.skip = money, districts, skip
        self.sums: dict[str, list[int]] | None = None

    def adds_up(self, k: int, district: str) -> bool:
        """Row ``k``'s every figure is the sum of ``district``'s rows (at least one figure)."""
        if self.sums is None:
            self.sums = {}
            width = len(self.money)
            for c, d in enumerate(self.districts):
                if d is None or c in self.skip:
                    continue
                sums = self.sums.setdefault(d, [0] * width)
                for m, col in enumerate(self.money):
                    sums[m] += col[c] or 0
        own = self.sums.get(district)
        given = [m for m, col in enumerate(self.money) if col[k]]
        return own is not None and bool(given) and all(self.money[m][k] == own[m] for m in given)
