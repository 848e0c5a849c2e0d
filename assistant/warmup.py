"""Loading everything the first draft needs before a rep asks for it (the app's background warm-up)."""
from __future__ import annotations

from assistant.language import detect
from assistant.service import Assistant

PRIMER = "Hi, when do my affiliate commissions get paid out, and is there a minimum?"
SENTENCES = ["Commissions are paid out once the order is settled and the return window has closed.",
             "The minimum withdrawal is set per market in the seller centre."]


def warm_up(assistant: Assistant) -> None:
    """Load the embedder, the reader, the keyword index, the language detector and the escalation matrix."""
    # Several texts at once, as a draft sends them: the first pass at a batch's sizes is slower than later ones.
    assistant.embedder.embed([PRIMER, *SENTENCES])
    assistant.reader.score(PRIMER, SENTENCES * 4)
    assistant.searcher.refresh()
    assistant.matrix()  # read from the store
    detect(PRIMER)  # py3langid loads its model on first use
    # No sample draft: it would cost a whole draft's compute, and a rep who drafts as soon as the page
    # appears would wait for it; nor does anything here call an LLM (a hosted one bills every call).
