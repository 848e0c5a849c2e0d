"""Creator queries the search benchmarks time: exact policy terms and vague questions as creators ask them."""
from __future__ import annotations

EXACT_QUERIES = [
    "Frozen commission", "PPS below 3.5", "refundable sample deadline", "minimum withdrawal", "W-9",
    "paid partnership label", "unbinding request", "agency commission split", "LIVE shopping bag limit",
    "yellow basket", "sample fulfilment rate", "Free Sample filter", "Collab Invites", "settlement cycle",
    "commission clawback", "violation points expire", "account health rating", "appeal window",
    "return window skincare", "partial refund commission", "payout hold", "backup withholding",
    "targeted collaboration rate", "open collaboration", "flash sale minimum minutes", "co-host commission",
    "LIVE replay product links", "before-and-after image", "medical claim skincare", "Showcase product limit",
    "out-of-stock product", "TikTok Shop Partner certification", "TSP", "bank verification failed",
    "withdrawal fee", "Shop Ads commission", "estimated commission", "settled commission",
    "sample request limit GMV $5K", "30 days sample rejection", "1,000 followers LIVE", "5,000 followers samples",
    "Creator Marketplace", "business account commission", "age requirement 18", "refund only",
    "return shipping label", "enforcement notice", "permanent ban counterfeit", "feature restriction",
    "Finance > Withdrawals", "Account Health page", "commission statement", "affiliate program requirements",
    "W-9 before first withdrawal", "RM50 minimum withdrawal Malaysia", "Thailand sample policy",
    "Vietnam Indonesia samples", "SEA agency binding", "anchor link",
]
VAGUE_QUERIES = [
    "why did my commission go down", "when do I get paid", "my money is stuck", "can I get free stuff to review",
    "I got a warning what does it mean", "how long do I have to post after getting a sample",
    "seller rejected my request why", "the product link disappeared from my video", "can I leave my agency",
    "how do I fix my score", "is it ok to say this cream cures acne", "do I need to say it's an ad",
    "why can't I go live and sell", "buyer returned the item, do I lose my cut", "how do I change my bank",
    "what happens if I don't post the sample video", "money taken back after it was settled",
    "how many products can I pin", "can my agency see my payout details", "tax stuff for US creators",
    "I moved countries can I still sell", "my appeal was rejected what now", "how are rates decided",
    "withdrawal failed twice", "what counts as misleading price", "who decides if my video breaks rules",
    "new creator how to start earning", "I have 800 followers can I join", "why is my balance lower than shown",
    "when does the sample refund arrive", "how to report a seller who didn't pay",
    "difference between estimated and settled", "my account got banned without warning",
    "can two creators host one live together", "products I promote went out of stock",
    "do supplement videos have extra rules", "can I show before and after photos",
    "I'm in the Philippines what is the minimum payout", "the rate changed after I posted",
    "how long is the review of my payout account",
]
ALL_QUERIES = EXACT_QUERIES + VAGUE_QUERIES
