"""Topics the knowledge base has nothing on, judged from what it mentions: other selling platforms, app
faults, account security, tax advice, legal questions, reach, other TikTok programmes, buyers' orders and
selling. Similar passages answer such questions with the wrong thing ("commission settles after the return
window" for "is amazon better?"), so the similarity threshold alone does not catch them."""
from __future__ import annotations

import re
from typing import Callable

PLATFORM, FAULT, SECURITY = "another selling platform", "an app or device fault", "account security"
# Each pattern is counted in the knowledge base as it stands: a knowledge owner who adds a page on app
# faults or on Amazon turns that rule off, with no code change.
OUTSIDE: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Lower-case brand names slip past the capitalised-name check; these are the ones creators compare with.
    (PLATFORM, (r"amazon", r"shopee", r"lazada", r"etsy", r"ebay", r"shopify", r"temu", r"shein",
                r"walmart", r"aliexpress", r"poshmark", r"depop", r"mercado ?libre", r"flipkart",
                r"meesho", r"rakuten", r"whatnot", r"youtube shopping", r"instagram shop(?:ping)?",
                r"facebook marketplace", r"ltk", r"liketoknowit")),
    # Device and app failures: "the showcase is a white screen" needs TikTok's support, not a policy.
    (FAULT, (r"crash(?:es|ed|ing)?(?! course)", r"(?:white|blank|black) screen", r"reinstall(?:ed|ing)?",
             r"(?:won'?t|doesn'?t|does not|will not|isn'?t|is not|not) (?:load|loading)",
             r"error code", r"(?:since|after) (?:the|an?) (?:last |latest |recent )?(?:app|ios|android|iphone) update")),
    # The rest are what creators ask an affiliate agency that an affiliate policy base does not answer.
    # Narrow on purpose: "a cleaning hack video", "a diamond ring", "a subscription box" and a sample's
    # tracking number are questions the knowledge base may well answer.
    (SECURITY, (r"hacked", r"hackers?", r"compromised", r"(?:someone|somebody) (?:logged|got) into",
                r"(?:someone|somebody|they|hackers?) changed my (?:email|password|phone number)")),
    # The knowledge base names US tax forms and says it gives no tax advice: a return, VAT or another
    # country's tax office is advice ("which form?" is not, and has no word here).
    ("tax advice", (r"vat", r"gst", r"hst", r"hmrc", r"self[- ]assessment", r"abn", r"tax returns?", r"write[- ]?offs?",
                    r"estimated tax(?:es)?", r"quarterly tax(?:es)?", r"tax bracket")),
    ("a legal question", (r"sue[ds]?", r"lawsuit", r"lawyer", r"attorney", r"liab(?:le|ility)", r"insurance",
                          r"legal action")),
    ("reach and the algorithm", (r"algorithm", r"shadow ?bann?(?:ed)?", r"fyp", r"time of day",
                                 r"best time to post")),
    ("another TikTok programme", (r"creator rewards", r"creativity program(?:me)?", r"creator fund",
                                  r"(?:live|tiktok) subscriptions?", r"coins", r"(?:gift|live) diamonds?",
                                  r"diamonds? (?:worth|to cash|into cash)", r"cash out (?:my )?diamonds", r"tiktok series")),
    ("a buyer's order", (r"(?:her|his|their|buyer'?s|customer'?s|follower'?s) (?:order|package|parcel) (?:hasn'?t|has not|still|says|never)",
                         r"(?:get|give|send) (?:her|him|them|the buyer|the customer|my follower) (?:the |a )?tracking",
                         # how a buyer returns an order is the shop's and TikTok's process, not the creator's
                         r"how (?:do|does|can|should)? ?(?:she|he|they|the buyer|a buyer|the customer|my follower) "
                         r"(?:starts?|makes?|requests?|opens?|gets?) (?:a |the |her |his |their )?(?:return|refund)")),
    ("selling on TikTok Shop", (r"(?:register|sign up|apply) as a seller", r"become a seller",
                                r"(?:open|start|set up) (?:my|a) (?:own )?(?:tiktok )?(?:shop|store)",
                                r"seller (?:registration|onboarding|application)")),
)
# Sending buyers to another platform ("can I tell people to buy it on amazon?") is off-platform traffic,
# which the knowledge base does cover; the platform's own programme or rates are not.
REDIRECT = re.compile(r"(?i)\b(?:buy|purchase|order|shop)\w* (?:it |them |this |that )?(?:on|from|at|there|via)\b|"
                      r"\b(?:send|sending|redirect\w*|direct|point)\b [\w\s]{0,25}\b(?:to|there)\b")
TOLD_BEFORE = {FAULT, SECURITY}  # told as a story before the question
# A topic named in fewer current passages than this is not covered (one passing mention is no guidance).
MIN_TOPIC_CHUNKS = 2


def unknown_topic(question: str, mentions: Callable[[str], int], story: str = "") -> str:
    """Why the question is about something the knowledge base does not cover, or '' when it is not.
    `story` is the rest of the message, read for faults and break-ins only: "the app updated and now
    the Add link button is gone. how do I get it back?" tells the fault before the question, while
    "I also sell on amazon. how long do I have to post?" asks nothing about Amazon."""
    for label, patterns in OUTSIDE:
        if label == PLATFORM and REDIRECT.search(question):
            continue
        text = f"{story} {question}" if label in TOLD_BEFORE else question
        for pattern in patterns:
            found = re.search(rf"(?i)\b{pattern}\b", text)
            if found and mentions(rf"\b{pattern}\b") < MIN_TOPIC_CHUNKS:
                return f"The knowledge base has nothing on {found.group(0)!r} ({label})."
    return ""
