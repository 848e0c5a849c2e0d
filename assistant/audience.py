"""Who wrote the message: a creator asking about their own account, or a rep asking how a process works."""
from __future__ import annotations

import re

from assistant.warnings import speaks_to_assistant

# A colleague saying who they are; the cues in STAFF_RE only sound like one, and give way to a writer who
# says they are a creator ("UK creator here - ... do we have PPS in the UK too?").
LABELS = r"(?:rep q|rep here|trainee here|trainee q|new hire|as a rep|i'?m a rep)"
REP_LABEL = re.compile(rf"(?i)\b{LABELS}\b")
LABEL_FIRST = re.compile(rf"(?i)^\W*(?:(?:hi|hey|hello|hiya)\W+)?{LABELS}\b")
STAFF_RE = re.compile(
    r"(?i)\b(our (team|(\w+ ){0,2}creators?|agency|reps?)|a creator (says|asked|is|wants)|"
    r"creator (asked|asks|wants|says|told|is asking)|crm|(do|should|must) we|"
    r"in the crm|log (this|it|a|the)|who owns|which team|onboarding checklist|(?:send|use|paste|copy|is there|which|our)(?: the| a| an)? canned repl(?:y|ies)|first[- ]response|tone guide|"
    r"on our side|macro|\bP[1-4]\b|our (sla|target|process)|"
    r"style guide|escalation matrix|before we|do i escalate|should i escalate|how do i (log|escalate|handle|triage)|"
    # a rep's shorthand opens a sentence with a bare "creator": "creator got a free sample and says ..."
    r"(?:^|(?<=[.!?]\s))creator (?:got|has|had|received|dm'?d|dmed|just|keeps|messaged|sent|wrote))\b"
)
# A colleague labels themselves before the question: "rep in Austin here -", "rep (KL hub) -", "(internal) ...".
# A creator writes "my rep"; one who opens "Rep at X told me" names a verb, which the label never has.
OPENS_AS_REP = re.compile(
    r"(?i)^\W*(?:(?:hi|hey|hello|hiya)\W+)?(?:[(\[]\s*internal\s*[)\]]|internal\s*[:\-\u2013\u2014]|"
    r"rep\b(?:\s+(?:in|from|at|on)\s+(?!(?:\w+\s+)?(?:told|said|says|asked|is|was|has|keeps|won't|never)\b)\w+(?:\s+\w+)?)?"
    r"\s*(?:here\b|\(|[:,\-\u2013\u2014]|[\U0001F44B\U0001F64B]))")
# Creators as other people: "a creator messaged", "the creator's appeal", "my replies to creators".
# A creator writes about themselves ("I'm a creator", "as a creator") or other creators, not "the creator".
# A compound word ("the creator-safe filter", "the creator-facing page") names a thing, not a person.
THIRD_PERSON_RE = re.compile(
    r"(?i)\b(?:(?P<det>the|this|that|our) creator(?!-\w)(?!\s+(?:center|centre|marketplace|fund|academy|account|badge|level|tier|"
    r"code|program|programme|tools?|portal|studio|hub|rewards|profile|dashboard|type|rates?|commission|fees?|terms|agreement))|"
    # "a creator asked" is a person; "a creator badge" is a thing
    r"(?P<one>a|one|each|every) creator (?:who|that|message|asked|asks|wants|says|said|sent|messaged|wrote|is|was|has|had|needs|told|"
    r"called|emailed|replied|just|keeps|can't|cannot|doesn't|didn't)|"
    r"creator's|creators'|creator (?:who|that|sent|messaged|wrote|emailed|called|replied)|(?:to|with|tell|answer(?:ing)?|repl(?:y|ies|ying) to|message|messaging) creators|"
    r"(?P<pron>she|he) (?:asked|asks|wants|said|says|told|is asking) (?:me|us))\b"
)
# "she asked me" is a creator speaking of someone else when that someone was named first: "a follower bought ...".
OTHER_PERSON_RE = re.compile(r"(?i)\b(?:followers?|buyers?|customers?|viewers?|fans?|friends?|sister|brother|mom|mum|"
                             r"dad|cousin|aunt|wife|husband|girlfriend|boyfriend)\b")
# "do you work with creators in Indonesia?" asks the agency about itself: a creator (or a would-be one) asking.
ASKS_AGENCY_RE = re.compile(r"(?i)\b(?:you|u|y'?all|your (?:team|agency))\s+(?:guys\s+)?(?:work|partner|sign|onboard|take)\w*\s+"
                            r"(?:on\s+)?with\s+creators\b")
SELF_RE = re.compile(r"(?i)\b(?:i'?m|i am|am|as|be|become|becoming|being)\s+(?:a|the|one)\s+creator$")


def opens_as_rep(text: str) -> bool:
    """Whether the message opens with a colleague's label ("rep here 🙋 creator pasted this: ..."), which holds
    whatever the rest quotes."""
    return bool(OPENS_AS_REP.search(text) or LABEL_FIRST.search(text))


def instructs_the_desk(message: str) -> bool:
    """Whether the writer tells the assistant what to do or say: a colleague has no need to, so such a message is
    never read as a colleague's. One that opens with a colleague's label may be quoting a creator's instruction."""
    return speaks_to_assistant(message) and not opens_as_rep(message)


# A writer outside the agency: from the other side of a collaboration ("Maria from the brand side", "we're the
# seller", "I'm with the shop"), or speaking of the agency as someone else's ("which team at your agency", "your reps").
OUTSIDE_PARTY = re.compile(r"(?i)\bfrom the (?:brand|seller|shop)(?:'s)? side\b|"
                           r"\b(?:i'?m|i am|we'?re|we are)\s+(?:the\s+|a\s+)?(?:brand|seller|shop owner|merchant)\b|"
                           r"\b(?:i'?m|i am|we'?re|we are|this is|it'?s)\s+(?:\w+\s+)?(?:from|with|at)\s+the\s+(?:brand|seller|shop)\b|"
                           r"\byour (?:agency|reps?|staff|team|support team|company|colleagues|employees)\b")


def looks_like_staff(text: str) -> bool:
    """A colleague's how-to question rather than a creator's message."""
    if REP_LABEL.search(text) or OPENS_AS_REP.search(text):
        return True
    if CALLS_SELF_CREATOR.search(text) or OUTSIDE_PARTY.search(text):
        return False
    if STAFF_RE.search(text):
        return True
    for match in THIRD_PERSON_RE.finditer(text):
        if match.group("pron") and OTHER_PERSON_RE.search(text[:match.start()]):
            continue
        if match.group(0).lower().startswith("with") and ASKS_AGENCY_RE.search(text[:match.end()]):
            continue
        det = match.group("det") or match.group("one")
        if not (det and SELF_RE.search(f"{text[max(0, match.start() - 12):match.start()]}{det} creator")):
            return True
    return False


# A creator's stake in their own account: "my commission", "from my video". A rep writes "my replies".
OWN_RE = re.compile(r"(?i)\b(?:my|mine)\s+(?:own\s+)?(?:tax\w*|commissions?|samples?|videos?|orders?|payouts?|balance|earnings|"
                    r"account|showcase|followers|links?|lives?|content|appeal|violations?|withdrawals?|money|shop)\b")


# A writer who calls themselves a creator: "I'm a senior creator", "as a creator", "VN creator here", or who opens
# with it as their label: "US creator, first payout coming up", "hello 👋 Malaysian creator, new on the roster". A rep's
# label names whose message it is ("fwd from creator:"), and a rep's shorthand runs on into a verb ("Thai creator asks").
NOT_A_LABEL = r"(?:fwd|fw|re|from|to|for|with|by|of|about|the|our|this|that|a|an|my|your|one|each|every)\b"
CALLS_SELF_CREATOR = re.compile(r"(?i)\b(?:i'?m|i am|as)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}creator\b|"
                                r"(?<!\ba )(?<!\bthe )(?<!\bone )\bcreator here\b|"
                                rf"^\W*(?:(?:hi+|hey+|hello|hiya|halo|hola|yo)\W+)*(?!{NOT_A_LABEL})[\w-]+"
                                rf"(?:\s+(?!{NOT_A_LABEL})[\w-]+)?\s+creator(?:\s+here)?(?:\s*[,:\-\u2013\u2014(]|\s+[^\w\s]|\s*$)")


def speaks_for_self(text: str) -> bool:
    """A creator asking about their own account, one who says they are a creator, or a brand or seller writing
    in: never read as a rep on search results alone, however closely an internal note matches. A message that
    asks for the internal escalation table "because I'm a senior creator" matches that table best, and must not
    be given it."""
    return bool(OWN_RE.search(text) or CALLS_SELF_CREATOR.search(text) or OUTSIDE_PARTY.search(text))
