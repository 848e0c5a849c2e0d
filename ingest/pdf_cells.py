"""Table cells in PDF text: pypdf runs a row's cells together, so rows are found by where their text starts."""
from __future__ import annotations

# Text that starts this far right of the piece before it on the same line may begin a new column ...
COLUMN_GAP_PT = 20.0
# ... and does when its starts line up with those of the nearest row above or below: table columns start at
# the same x in every row, while words placed one by one in prose do not.
ALIGN_PT = 1.0

Line = list[tuple[float, int]]  # (x where a piece of text starts, its index among the shown pieces)


class CellTracker:
    """Collects where each visible piece of a page's text starts, line by line."""

    def __init__(self) -> None:
        self.lines: list[Line] = [[]]
        self.breaks: list[int] = [-1]  # the shown piece that ended the line before, for joining a wrapped cell

    def newline(self, index: int = -1) -> None:
        """pypdf started a new line at shown piece `index` (a bare line break)."""
        self.lines.append([])
        self.breaks.append(index)

    def piece(self, x: float, index: int) -> None:
        """A visible piece of text starting at x."""
        self.lines[-1].append((x, index))

    def layout(self) -> tuple[set[int], dict[int, str]]:
        """The indices of the pieces that begin a table cell other than a row's first, and the line breaks inside
        a row whose cell wrapped onto lines of its own, with what replaces each: ' | ' where the wrapped text
        starts a later column, a space where it goes on in the last."""
        kept = [(line, brk) for line, brk in zip(self.lines, self.breaks) if line]
        lines = [line for line, _ in kept]
        jumps = [[(x, i) for (before, _), (x, i) in zip(line, line[1:]) if x > before + COLUMN_GAP_PT] for line in lines]
        starts: set[int] = set()
        rows: dict[int, set[float]] = {}  # row line -> the x of its table's columns seen so far
        for n, own in enumerate(jumps):
            found = [m for m in (neighbour(lines, jumps, n, -1), neighbour(lines, jumps, n, 1))
                     if m is not None and aligned(own, jumps[m])]
            if own and found:
                starts |= {i for _, i in own}
                rows[n] = {x for m in [n, *found] for x, _ in jumps[m]}
        return starts, wrapped_cells(lines, jumps, rows, [brk for _, brk in kept])


def neighbour(lines: list[Line], jumps: list[Line], n: int, step: int) -> int | None:
    """The nearest line above or below with column starts of its own, past lines that only carry on a
    wrapped cell (indented to a column, with no starts of their own)."""
    m = n + step
    while 0 <= m < len(lines) and not jumps[m] and lines[m][0][0] > lines[n][0][0] + COLUMN_GAP_PT:
        m += step
    return m if 0 <= m < len(lines) and jumps[m] else None


def aligned(own: Line, other: Line) -> bool:
    """Whether one line's column starts are all among the other's (a row may leave its last cells empty)."""
    def within(a: Line, b: Line) -> bool:
        return all(any(abs(x - y) <= ALIGN_PT for y, _ in b) for x, _ in a)
    return bool(own) and bool(other) and (within(own, other) or within(other, own))


def wrapped_cells(lines: list[Line], jumps: list[Line], rows: dict[int, set[float]], breaks: list[int]) -> dict[int, str]:
    """The line breaks to join: each line right after a row (or its wrapped text) that starts at one of the
    table's columns, at or past the column the row's text ended in."""
    joins: dict[int, str] = {}
    columns: set[float] = set()
    last = left = 0.0
    for n, line in enumerate(lines):
        follows = n > 0 and (n - 1 in rows or breaks[n - 1] in joins)  # the line before is in a table's row
        if n in rows:
            columns = rows[n] | (columns if follows else set())
            last, left = max(x for x, _ in jumps[n]), line[0][0]
            continue
        x = line[0][0]
        if follows and not jumps[n] and breaks[n] >= 0 and x > left + COLUMN_GAP_PT:
            if abs(x - last) <= ALIGN_PT:
                joins[breaks[n]] = " "
                continue
            if x > last and any(abs(x - c) <= ALIGN_PT for c in columns):
                joins[breaks[n]], last = " | ", x
                continue
        columns = set()
    return joins


def with_cells(shown: list[str], starts: set[int], joins: dict[int, str] | None = None) -> str:
    """The page text with ' | ' before each cell that starts a new column, and wrapped cells joined to their row."""
    joins = joins or {}
    return "".join(joins[i] if i in joins and not text.strip() else f" | {text.lstrip()}" if i in starts else text
                   for i, text in enumerate(shown))
