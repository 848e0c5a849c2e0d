"""Choosing the answerability threshold: false escalations held on each dev set, not on their pool."""
from __future__ import annotations

import pytest

from eval.calibrate import choose, escalates


def rows(answerable: list[float], unanswerable: list[float]) -> list[dict]:
    return ([{"kind": "answerable", "status": "answered", "answerability": a} for a in answerable]
            + [{"kind": "unanswerable", "status": "answered", "answerability": u} for u in unanswerable])


def test_each_set_holds_its_own_false_escalations() -> None:
    """A large set that tolerates a high threshold cannot buy it with a small set's false escalations."""
    large = rows([0.9] * 196 + [0.15] * 4, [0.1] * 20)  # 2 % below 0.9
    small = rows([0.9] * 18 + [0.12, 0.2], [0.1] * 10)  # 5 % below 0.2, 10 % above it
    alone = choose([large], used=0.0)
    both = choose([large, small], used=0.0)
    pooled = choose([large + small], used=0.0)
    assert alone["threshold"] == pytest.approx(0.9)
    assert both["threshold"] == pytest.approx(0.2)
    assert pooled["threshold"] == pytest.approx(0.9)  # what pooling allowed: small's answers escalated at 10 %
    assert both["false_escalations"] <= 0.05 and both["unanswerable_escalated"] == pytest.approx(1.0)


def test_escalations_from_other_rules_stay() -> None:
    """A row escalated for another reason (its answerability met the threshold it ran at) stays escalated."""
    forced = {"kind": "answerable", "status": "escalate", "answerability": 0.5}
    assert escalates(forced, 0.0, used=0.1)
    assert not escalates({**forced, "status": "answered"}, 0.3, used=0.1)
    assert choose([rows([0.0] * 10, [])], used=0.0) == {"threshold": 0.0, "false_escalations": 0.0,
                                                       "unanswerable_escalated": 0.0, "left_out": []}
    unread = {"kind": "answerable", "status": "escalate", "answerability": 0.0}  # a language it cannot read
    assert escalates(unread, 0.0, used=0.1)


def test_messages_the_reader_never_read_leave_the_cap() -> None:
    """Messages escalated unread (a language the offline drafter cannot read) escalate at every threshold: they
    count in neither rate, so they cannot drive the threshold down, nor vote for it."""
    unread = [{"kind": "answerable", "status": "escalate", "answerability": 0.0}] * 6
    unread_unanswerable = [{"kind": "unanswerable", "status": "escalate", "answerability": 0.0}] * 30
    plain = rows([0.9] * 96 + [0.15] * 4, [0.1] * 10)  # 4 % below 0.2
    chosen = choose([plain + unread + unread_unanswerable], used=0.06)
    assert chosen == choose([plain], used=0.06)
    assert chosen["threshold"] == pytest.approx(0.9) and chosen["left_out"] == []
    assert chosen["false_escalations"] == pytest.approx(0.04) and chosen["unanswerable_escalated"] == pytest.approx(1.0)


def test_a_set_that_other_rules_keep_above_the_cap_is_left_out() -> None:
    """No threshold holds a set whose escalations by rules applied after reading (a market with no rules) alone
    pass the cap: it is named and left out, and the other set chooses, instead of every set being driven to a
    threshold of zero."""
    market = [{"kind": "answerable", "status": "escalate", "answerability": 0.5}] * 6  # 6 % escalated by design
    over = rows([0.9] * 90 + [0.15] * 4, [0.1] * 10) + market
    held = rows([0.9] * 96 + [0.15] * 4, [0.1] * 10)  # 4 % below 0.2
    chosen = choose([over, held], used=0.06)
    assert chosen["left_out"] == [0]
    assert chosen["threshold"] == pytest.approx(0.9) and chosen["false_escalations"] <= 0.05
    assert choose([over], used=0.06)["left_out"] == [0]
