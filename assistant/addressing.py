"""A sentence written about creators, put to a creator: instructions to staff and flagged hearsay stay
out, and "the creator" becomes "you"."""
from __future__ import annotations

import re

from assistant.text import STOP

# Lines for the rep inside creator-safe prose: "Reps must not promise this", "Explain that commission ...".
TO_REPS = re.compile(r"(?i)^(?:our )?reps? (?:must|should|can|may|need to|do not|don't|never)\b")
# A duty of staff anywhere in the sentence ("…, UK figures are 'to be confirmed' and reps must not quote a number"):
# only obligations, since "Our reps cannot grant extensions" and "reps never ask for your password" inform creators.
STAFF_DUTY = re.compile(r"(?i)\b(?:reps?|agents?|staff) (?:must|should|need to|have to|are to)\b")
# A prohibition on what staff say to creators: "Do not tell creators the label hurts reach", "Do not promise a
# creator either outcome". A creator is not the one who tells creators things.
DONT_TELL = re.compile(r"(?i)^(?:do not|don't|never) (?:tell|promise|quote to|share with|give|offer) "
                       r"(?:a |the |any |our )?creators?\b|"
                       # what not to use with creators: "Do not use the 48-point figure with creators any more"
                       r"^(?:do not|don't|never) (?:use|mention|cite|raise)\b[^.;]{0,60}\b(?:with|to) "
                       r"(?:a |the |any |our )?creators?\b|"
                       # quoting a figure is what the one answering does: "Do not quote a window for organic content"
                       r"^(?:do not|don't|never) (?:quote|cite)\b(?![^.;]*\byour?\b)")
# A note on when a fact comes in handy, for whoever answers creators: "This context helps when a creator asks why".
USEFUL_WHEN = re.compile(r"(?i)^(?:this|that|it|these)\b[^.:]{0,40}\b(?:helps?|useful|handy)\b[^.:]{0,20}\b(?:when|if) "
                         r"(?:a|the) creators?\b[^:]*$")
# The same duty in a closing clause: what comes before it is for the creator ("We have not seen the official
# text, so reps should check the live page" tells the creator what is not known).
# So is a closing instruction about quoting figures or quoting to creators ("…, so do not quote a number") or
# about creators in the third person ("…; use it only to explain what a creator may have seen"). "This is
# unverified; do not quote these timings as TikTok policy" may be advice to the creator too, so it stays.
STAFF_CLAUSE = re.compile(r"(?i)(?:,?\s+(?:so|and|but|which means)\s+|;\s*)(?:"
                          r"(?:our |the )?(?:reps?|agents?|staff) (?:must|should|need to|have to|are to)\b|"
                          r"(?:do not|don't|never) (?:quote|cite)\b[^.;]*\b(?:numbers?|figures?|creators?)\b|"
                          r"(?:use|explain|tell|ask|remind|reassure|point)\b[^.;]*\b(?:a|the) creators?\b|"
                          r"(?:use|explain|tell|ask|remind|reassure|point)\b[^.;]*\bcreators\b|"
                          # handing a case on, or what to do when a creator does something ("; escalate those cases",
                          # ", so if a creator disputes the rate, confirm on the live page")
                          r"escalate (?:those|these|such|it|them)\b|"
                          r"(?:if|when) (?:a|the) creator\b[^.;,]{0,80},\s*(?:confirm|check|escalate|ask|tell|log|collect)\b).*$")
TELL_THEM = re.compile(r"(?i)^(?:explain|tell (?:them|the creator)|remind (?:them|the creator)|reassure (?:them|the creator)) that ")
# An instruction to staff: an imperative (after an optional "If/When …," clause) that speaks of the
# creator in the third person or hands the case on ("If the creator sees a deduction, collect the order ID").
IMPERATIVE = re.compile(r"(?i)^(?:(?:if|when|once|before|after|where)\b[^,]{0,120},\s*)?(?:ask|tell|collect|escalate|"
                        r"check|confirm|log|remind|explain|send|reply|forward|tag|note|record|raise|flag|direct|"
                        r"advise|offer|route|assign|open a (?:ticket|case)|do not (?:tell|promise|quote|share))\b")
ABOUT_CREATOR = re.compile(r"(?i)\bthe creator\b|\bthe creator's\b|\bescalat\w*|\bticket\b|\bcase\b|\bCRM\b")
# A claim reported from elsewhere ("Some creators say ...", "A third-party blog says ..."), and a document's
# verdict on one ("This is unverified", "Third-party guides only"). A claim reaches a creator only with its
# verdict, so that it is never stated as fact and a creator asking "is that true?" hears what the document says.
CLAIM = re.compile(r"(?i)\b(?:rumou?rs?|hearsay|unofficial|"
                   r"third[- ]party (?:claims?|(?:web)?sites?|blogs?|guides?|sources?|posts?|pages?|articles?|videos?|forums?)|"
                   r"(?:some|other) (?:creators|guides|sites|blogs|people|posts) (?:say|claim|report|suggest)|"
                   # one unnamed source ("One site quotes ...", "One seller-side guide says ..."); a named one
                   # ("The US seller guide says", "TikTok's guide says") is the document's own source
                   r"(?:a|an|one|another|some) (?:[\w-]+ )?(?:(?:web)?sites?|blogs?|guides?|articles?|forums?|sources?|videos?) "
                   r"(?:says?|claims?|quotes?|reports?|suggests?|states?|estimates?)|"
                   r"according to (?:a |some )?(?:blog|forum|reddit|creator))")
VERDICT = re.compile(r"(?i)\b(?:unverified|unconfirmed|not (?:been )?(?:confirmed|verified)|(?:no|not an?) official\b|contradicts?\b|unofficial\)|(?:as|is|are) unofficial\b|"
                     r"(?:is|are|was|were) (?:false|wrong|incorrect|inaccurate|out of date|outdated|a myth)\b|"
                     r"third[- ]party \w+ only\b|"
                     # what the claim is not ("These are not official TikTok figures", "None of these are ...")
                     r"(?:is|are|was|were) not (?:an? )?(?:[\w']+ ){0,2}(?:figures|numbers|policy|policies|rules|rates)\b|"
                     r"none of (?:these|them|those) (?:is|are)\b)")
# Conjunctions and prepositions that may follow "the creator" as an object ("rate the creator once it is
# posted"), beyond the stop words.
LINKS = frozenset("""once after before because since unless whether though although instead again yet via
without within per across against during toward towards upon like even whatever whoever""".split())
# Verb forms a subject may take that no suffix gives away: modals and common irregular pasts.
VERB_FORMS = frozenset("""must may might shall cannot won't shouldn't couldn't wouldn't mustn't can't didn't
went made sent took gave left lost kept paid sold bought said told saw found put chose began brought
thought wrote knew felt held""".split())
IRREGULAR = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
             "hasn't": "haven't", "doesn't": "don't"}
# Adverbs may stand between the subject and its verb: "the creator then has 24 hours" -> "you then have",
# "the creator only ever gets one rate" -> "you only ever get".
SUBJECT = re.compile(r"\b([Tt])he creator\b(?!'s)(\s+(?:(?:then|also|still|only|ever|now|usually|always|never|first|"
                     r"already|just|often|normally|automatically)\s+){0,2})(\w+n't|\w+)?")
# Nouns ending in -s that "creator" qualifies rather than a verb it governs: "the creator rates", "the creator
# accounts". Other words that qualify it are told by their shape (`names_a_thing`).
COMPOUNDS = {"rates", "accounts", "programs", "tiers", "levels", "types", "terms", "rewards", "tools", "guidelines",
             "policies", "settings", "profiles", "fees", "earnings", "payouts"}
# "A creator can ask again" states a rule for any creator, so for this one; "A creator who ..." and
# "A creator account" do not start with the rule's verb and stay as they are.
ANY_CREATOR = re.compile(r"^A creator(\s+)(can(?:not|'t)?|must|may|might|will|won't|should(?:n't)?|could|"
                         r"is|isn't|has|hasn't|does|doesn't|needs|gets|earns|receives|keeps|loses|pays)\b")


def without_staff_clause(sentence: str) -> str:
    """The sentence up to a closing clause that tells staff what to do, when what is left says something."""
    found = STAFF_CLAUSE.search(sentence)
    if not found or found.start() == 0:
        return sentence
    head = sentence[:found.start()].rstrip(" ,;:-")
    return head + "." if len(head.split()) >= 4 else sentence


def for_staff_only(sentence: str) -> bool:
    """Whether the sentence instructs a rep rather than informs a creator."""
    if TO_REPS.search(sentence) or STAFF_DUTY.search(sentence) or DONT_TELL.search(sentence) or USEFUL_WHEN.search(sentence):
        return True
    return bool(IMPERATIVE.search(sentence) and ABOUT_CREATOR.search(sentence))


def flagged_hearsay(sentence: str) -> bool:
    """Whether the sentence reports a claim from elsewhere without the document's verdict on it."""
    return reports_claim(sentence) and not gives_verdict(sentence)


def reports_claim(sentence: str) -> bool:
    """Whether the sentence reports what someone other than the document says ("Some creators say ...")."""
    return bool(CLAIM.search(sentence))


def gives_verdict(sentence: str) -> bool:
    """Whether the sentence says a claim is unconfirmed, out of date or unofficial."""
    return bool(VERDICT.search(sentence))


def second_person(sentence: str) -> str:
    """'The creator has 30 days' becomes 'You have 30 days'; 'the creator's' and 'a creator's' become 'your'."""
    sentence = ANY_CREATOR.sub(lambda found: f"You{found.group(1)}{agree(found.group(2))}", sentence)
    # "a creator's" states a rule for any creator's balance or rating, so for this one's
    sentence = re.sub(r"\b(?:The|A) creator's\b", "Your", sentence)
    sentence = re.sub(r"\b(?:the|a) creator's\b", "your", sentence)

    def swap(found: re.Match) -> str:
        verb = found.group(3) or ""
        if names_a_thing(verb) and not found.group(2).strip():
            return found.group(0)  # "the creator policy quizzes" names a thing; "you policy quizzes" would not
        you = "You" if found.group(1) == "T" else "you"
        return f"{you}{found.group(2)}{agree(verb)}"

    return SUBJECT.sub(swap, sentence)


def names_a_thing(word: str) -> bool:
    """Whether the word after "the creator" makes it part of a name ("the creator rate", "the creator policy
    quizzes"), not a subject or object: it is not a function word, an adverb, nor shaped like a verb (-s, -ed,
    an irregular form or a modal). A base-form verb ("makes the creator retaliate") stays third person too,
    which reads correctly; "you policy" would not."""
    low = word.lower()
    if not low or low.endswith(("ly", "ed", "n't")):
        return False
    if any(low in words for words in (STOP, LINKS, VERB_FORMS, IRREGULAR)):
        return False
    return low in COMPOUNDS or not low.endswith("s") or low.endswith("ss")


def agree(verb: str) -> str:
    """The verb after 'the creator' as it reads after 'you': has -> have, needs -> need, applies -> apply."""
    low = verb.lower()
    if low in IRREGULAR:
        return IRREGULAR[low]
    if not low.endswith("s") or low.endswith("ss") or len(low) < 4 or not low.isalpha():
        return verb  # "the creator must", "the creator account": nothing to agree
    if low.endswith("ies"):
        return verb[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "oes")):
        return verb[:-2]
    return verb[:-1]


def for_the_creator(sentence: str, address: bool = True) -> str:
    """A sentence a creator may read, or '' when it is for staff or flagged hearsay; with `address`, "the
    creator" it speaks of is the reader, "you"."""
    sentence = without_staff_clause(sentence)
    if for_staff_only(sentence) or flagged_hearsay(sentence):
        return ""
    told = TELL_THEM.match(sentence)
    if told:
        sentence = sentence[told.end():][:1].upper() + sentence[told.end() + 1:]
    return second_person(sentence) if address else sentence
