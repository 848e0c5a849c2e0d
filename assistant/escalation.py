"""Who owns an unanswered question: the escalation matrix in the knowledge base, parsed from its table."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Chroma loads with the store; parsing the matrix needs neither
    from vectorstore.store import Store

MATRIX_DOC_ID = "escalation-matrix"


@dataclass
class Route:
    """One row of the escalation matrix."""

    topic: str
    keywords: list[str]
    team: str
    contact: str = ""
    first_response: str = "1 business day"
    resolution: str = ""


def parse_rows(text: str) -> list[Route]:
    """Rows of a Markdown table with Topic | Keywords | Owning team | Contact | First response | Resolution."""
    routes = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 6 or cells[0].lower() in ("topic", "") or set(cells[0]) <= set("-: "):
            continue
        keywords = [k.strip().lower() for k in cells[1].split(",") if k.strip()]
        routes.append(Route(cells[0], keywords, cells[2], cells[3], cells[4], cells[5]))
    return routes


class Matrix:
    """Routes a question to a team by its longest matching keyword."""

    def __init__(self, routes: list[Route], default_team: str):
        self.routes = routes
        fallback = next((r for r in routes if r.team == default_team), None)
        self.default = fallback or Route("Anything else", [], default_team)

    def route(self, text: str) -> Route:
        """The row whose keywords best match the text; the default team when none does."""
        lowered = f" {text.lower()} "
        best, best_key = self.default, (0, 0)
        for route in self.routes:
            hits = [k for k in route.keywords if re.search(rf"(?<![\w-]){re.escape(k)}s?(?![\w-])", lowered)]
            key = (max((len(k) for k in hits), default=0), len(hits))
            if key > best_key:
                best, best_key = route, key
        return best


def load_matrix(store: Store, default_team: str) -> Matrix:
    """The matrix from the indexed escalation-matrix document (empty when it is not indexed)."""
    hits = store.get_chunks({"doc_id": MATRIX_DOC_ID})
    return Matrix([r for hit in hits for r in parse_rows(hit.text)], default_team)
