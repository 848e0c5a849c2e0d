"""Table cells in PDF text: pypdf runs a row's cells together, so rows are found by where their text starts."""
from __future__ import annotations

# Text that starts this far right of the piece before it on the same line may begin a new column ...
COLUMN_GAP_PT = 20.0
# ... and does when every such start on its line lines up with those of the line above or below: table
# columns start at the same x in every row, while words placed one by one in prose do not.
ALIGN_PT = 1.0

Line = list[tuple[float, int]]  # (x where a piece of text starts, its index among the shown pieces)


class CellTracker:
    """Collects where each visible piece of a page's text starts, line by line."""

    def __init__(self) -> None:
        self.lines: list[Line] = [[]]

    def newline(self) -> None:
        """pypdf started a new line."""
        self.lines.append([])

    def piece(self, x: float, index: int) -> None:
        """A visible piece of text starting at x."""
        self.lines[-1].append((x, index))

    def cell_starts(self) -> set[int]:
        """Indices of the pieces that begin a table cell other than a row's first."""
        lines = [line for line in self.lines if line]
        jumps = [[(x, i) for (before, _), (x, i) in zip(line, line[1:]) if x > before + COLUMN_GAP_PT] for line in lines]
        starts: set[int] = set()
        for n, own in enumerate(jumps):
            if own and any(aligned(own, jumps[m]) for m in (n - 1, n + 1) if 0 <= m < len(jumps)):
                starts |= {i for _, i in own}
        return starts


def aligned(own: Line, other: Line) -> bool:
    """Whether every column start of one line is also one of the other's."""
    return bool(other) and all(any(abs(x - y) <= ALIGN_PT for y, _ in other) for x, _ in own)


def with_cells(shown: list[str], starts: set[int]) -> str:
    """The page text with ' | ' before each cell that starts a new column."""
    return "".join(f" | {text.lstrip()}" if i in starts else text for i, text in enumerate(shown))
