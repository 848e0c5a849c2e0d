"""The phrase bank of the generated benchmark corpus: TikTok Shop creator-support vocabulary and templates."""
from __future__ import annotations

# Vocabulary of TikTok Shop creator support. Sentences are built from templates with seeded
# fills, so every chunk is different while the term distribution stays policy-like (BM25 and
# the embedding see the same kind of text as in the real knowledge base).

TOPICS: dict[str, dict[str, list[str]]] = {
    "samples": {
        "titles": ["Free samples: requests and approval", "Refundable samples and the sales goal",
                   "Sample posting obligations", "Sample request limits by GMV tier", "Samples for new creators"],
        "terms": ["free sample", "refundable sample", "sample request", "posting obligation",
                  "sample fulfilment rate", "sales goal", "refundable sample deadline", "Free Sample filter",
                  "sample shipment", "Collab Invites"],
        "h2": ["Who can request samples", "Request limits", "After the sample arrives",
               "Refund of refundable samples", "When a sample is not posted", "Sample deadlines"],
        "facts": ["A creator must post a shoppable video or LIVE featuring the sample within {days} days of delivery.",
                  "The refundable sample deadline is {days} days after delivery; the refund is paid once the content reaches {n} attributed orders.",
                  "Sellers can reject a sample request when the creator's sample fulfilment rate is below {pct}.",
                  "Creators with GMV under {amount} a month can keep up to {n} sample requests open at once.",
                  "After a rejection, expiry or cancellation the creator waits {days} days before requesting the same sample again.",
                  "Refundable samples are bought at full price and refunded to the original payment method, not to the balance."],
    },
    "commission": {
        "titles": ["Commission settlement and Frozen commission", "Open and targeted collaboration rates",
                   "Commission adjustments after refunds", "How estimated commission becomes settled"],
        "terms": ["Frozen commission", "estimated commission", "settled commission", "commission rate",
                  "open collaboration", "targeted collaboration", "settlement cycle", "commission clawback",
                  "Shop Ads commission", "commission statement"],
        "h2": ["How commission is calculated", "When Frozen commission is released", "Settlement timeline",
               "Rates in targeted collaborations", "Why commission goes down", "Reading the commission statement"],
        "facts": ["Frozen commission is released {days} days after the order is marked delivered, unless a return is opened.",
                  "Commission stays frozen while the order is under review for {reason}.",
                  "The rate shown on the product card is the rate in force when the video was posted.",
                  "Estimated commission excludes shipping fees, taxes and seller-funded discounts.",
                  "A targeted collaboration rate overrides the open collaboration rate of {pct} for invited creators only.",
                  "Settled commission moves to the available balance on the next settlement cycle, usually every {days} days."],
    },
    "payouts": {
        "titles": ["Withdrawals and payouts", "Payout account verification", "Tax information for creators",
                   "Minimum withdrawal amounts by market"],
        "terms": ["withdrawal", "payout account", "available balance", "minimum withdrawal", "bank verification",
                  "tax form", "W-9", "payout hold", "withholding tax", "withdrawal fee"],
        "h2": ["Withdrawing the balance", "Verifying a payout account", "Payout holds", "Tax forms and withholding",
               "Failed withdrawals", "Fees and limits"],
        "facts": ["The minimum withdrawal is {amount}, and creators can withdraw up to {n} times a day.",
                  "A failed withdrawal returns to the available balance within {days} business days.",
                  "US creators must submit a W-9 before the first withdrawal; without it {pct} backup withholding applies.",
                  "A payout hold is placed when bank verification fails or the account name does not match the ID.",
                  "Changing the payout account triggers a security review of up to {hours} hours."],
    },
    "violations": {
        "titles": ["Violations, enforcement and appeals", "Account health rating", "Partner Performance Score (PPS)",
                   "Strikes and feature restrictions"],
        "terms": ["violation point", "strike", "appeal", "account health rating", "PPS", "Partner Performance Score",
                  "feature restriction", "permanent ban", "warning", "enforcement notice"],
        "h2": ["How violations are counted", "Appealing a violation", "What a low PPS means", "Restrictions by points",
               "Permanent bans", "Recovering account health"],
        "facts": ["A PPS below {score} removes access to {feature} until the score recovers above {score}.",
                  "Creators can appeal a violation within {days} days from the Account Health page.",
                  "Violation points expire {days} days after the violation was confirmed.",
                  "At {n} violation points the account loses {feature} for {days} days.",
                  "An appeal is reviewed within {hours} hours; a second appeal on the same violation is not accepted.",
                  "Severe violations such as counterfeit goods lead to a permanent ban without prior warning."],
    },
    "live": {
        "titles": ["LIVE selling rules", "LIVE eligibility and follower thresholds", "Pinned products and LIVE flash sales"],
        "terms": ["LIVE", "LIVE shopping bag", "pinned product", "flash sale", "LIVE replay", "co-host",
                  "LIVE eligibility", "LIVE subscription"],
        "h2": ["Who can sell on LIVE", "Pinning products", "Flash sales during LIVE", "LIVE replays",
               "Co-hosting with sellers", "LIVE restrictions"],
        "facts": ["Creators need {followers} followers and to be at least 18 to sell on LIVE.",
                  "Up to {n} products can sit in the LIVE shopping bag, and one product can be pinned at a time.",
                  "A flash sale must run for at least {n} minutes and cannot exceed the seller's stock.",
                  "LIVE replays keep their product links for {days} days.",
                  "A co-host earns commission only on orders placed through their own LIVE shopping bag."],
    },
    "content": {
        "titles": ["Shoppable content policy", "Paid partnership disclosure", "Beauty and skincare claims",
                   "Health supplement claims"],
        "terms": ["shoppable video", "paid partnership label", "disclosure", "prohibited claim",
                  "before-and-after image", "medical claim", "misleading price", "product link", "content review"],
        "h2": ["What shoppable content must show", "Disclosing paid partnerships", "Claims creators cannot make",
               "Before-and-after content", "Prices and discounts in videos", "Content review outcomes"],
        "facts": ["Videos with a product link must show the product in use for at least {n} seconds.",
                  "Paid partnerships need the paid partnership label; a hashtag alone is not enough.",
                  "Skincare videos cannot claim to cure acne, eczema or any medical condition.",
                  "Supplement content cannot promise weight loss of a set amount in {days} days.",
                  "Quoting a discount of {pct} requires the original price to have been live for {days} days."],
    },
    "agencies": {
        "titles": ["TikTok Shop Partners and agencies", "Creator agency binding and unbinding", "Agency commission splits"],
        "terms": ["creator agency", "TikTok Shop Partner", "TSP", "agency binding", "unbinding request",
                  "agency commission split", "managed creator", "agency contract"],
        "h2": ["What an agency can do", "Binding to an agency", "Leaving an agency", "Commission splits",
               "Disputes with an agency", "Agency permissions"],
        "facts": ["A creator can be bound to only one creator agency per market at a time.",
                  "An unbinding request takes effect after {days} days unless the agency approves it sooner.",
                  "The agency commission split is set in the agency contract, typically {pct} of settled commission.",
                  "Agencies cannot change a managed creator's payout account.",
                  "A TSP must hold a valid partner certification to manage more than {n} creators."],
    },
    "returns": {
        "titles": ["Returns, refunds and commission", "Return windows by category", "Refunds after delivery"],
        "terms": ["return request", "refund", "return window", "partial refund", "commission deduction",
                  "return shipping label", "refund only"],
        "h2": ["Return windows", "How refunds affect commission", "Partial refunds", "Refund-only requests",
               "Disputed returns", "Return shipping"],
        "facts": ["Buyers can request a return within {days} days of delivery for most categories.",
                  "A full refund removes the whole commission for that order, even if the creator was already shown it as estimated.",
                  "A partial refund reduces the commission in proportion to the refunded amount.",
                  "{Product} items have a shorter return window of {days} days.",
                  "Commission deducted after settlement is taken from the next settlement, not from the bank account."],
    },
    "eligibility": {
        "titles": ["Creator eligibility", "Affiliate program requirements", "Age and follower requirements"],
        "terms": ["affiliate program", "follower threshold", "age requirement", "eligible market",
                  "Creator Marketplace", "business account", "creator onboarding"],
        "h2": ["Joining the affiliate program", "Follower thresholds", "Age and identity", "Eligible markets",
               "Business accounts", "Losing eligibility"],
        "facts": ["Creators need {followers} followers to join the affiliate program in {region}.",
                  "Creators must be at least 18 and pass identity verification before onboarding.",
                  "Business accounts can join, but their commission is paid to a company payout account.",
                  "Eligibility is re-checked every {days} days; falling below the threshold pauses new collaborations."],
    },
    "showcase": {
        "titles": ["Showcase and product links", "Adding products to Showcase", "Product link rules in videos"],
        "terms": ["Showcase", "product link", "yellow basket", "product card", "anchor link", "out-of-stock product"],
        "h2": ["Adding products", "Product links in videos", "Out-of-stock products", "Showcase limits",
               "Removing products", "Link errors"],
        "facts": ["A Showcase can hold up to {n} products; the oldest out-of-stock ones should be removed first.",
                  "Only one product link can be added to a video, shown as the yellow basket.",
                  "Out-of-stock products stay in the Showcase but cannot be bought until restocked.",
                  "A product link is removed automatically when the seller leaves the affiliate program."],
    },
}

GENERIC = [
    "{Actors} must {obligation} within {days} days.",
    "If the {term} is not visible in {place}, ask the creator to refresh the app and check again after {hours} hours.",
    "As of {date}, the {term} rules in {region} changed and {actors} now need {followers} followers.",
    "Support agents should confirm the {term} in {place} before promising a date.",
    "Do not promise a {term} outcome; the {team} team makes the final decision.",
    "Escalate to {team} when the {term} has been pending for more than {days} days.",
    "The {term} does not apply to {product} listings, which follow the category rules instead.",
    "For {product} products, sellers can set a {term} of up to {pct}.",
    "A creator who disputes the {term} can open a ticket with {team} and attach screenshots from {place}.",
    "The {term} and the {term2} are shown separately in {place}.",
    "In {region}, {actors} see the {term} in local currency, and amounts below {amount} are rounded.",
    "Creators often confuse the {term} with the {term2}; explain that only the {term} affects payouts.",
    "{Actors} who breach the {term} rules more than {n} times in {days} days lose access to {feature}.",
    "The {term} is recalculated daily at {clock} UTC from orders that were not cancelled or returned.",
    "When a creator asks why the {term} changed, check the history in {place} first.",
    "Until the {term} is confirmed, the order counts toward the {term2} but not toward payouts.",
    "Older guidance said the {term} took {days2} days; the current rule is {days} days.",
    "Sellers set the {term} per product, and it cannot be changed while the {term2} is active.",
    "{Actors} in {region} must complete tax and identity checks before the first {term}.",
    "The {team} team reviews every {term} flagged by automated checks within {hours} hours.",
    "Keep the reply short: state the {term} rule, the date it applies from and where to check it.",
    "Any {term} made through an agency follows the same rules as one made directly.",
]
BULLETS = [
    "{Term}: {days} days from delivery.", "Minimum {term}: {amount}.", "Not available for {product} products.",
    "Check {place} for the current {term}.", "Escalate to {team} if the {term} is missing after {days} days.",
    "Up to {n} requests for creators with GMV over {amount}.", "{Term} below {score} triggers a warning.",
    "{Actors} in {region}: {followers} followers.", "Screenshots of {place} are required for an appeal.",
    "The {term} resets on the 1st of each month.", "{Term} changes are shown in the in-app Inbox.",
]
STEPS = [
    "Open {place}.", "Select the {term} tab.", "Check the status and the date shown next to the {term}.",
    "Tap Appeal or Contact support if the {term} looks wrong.", "Attach screenshots and the order ID.",
    "Wait {hours} hours for the {team} team to reply.",
]
SUBHEADINGS = ["Exceptions", "Examples", "What support can do", "In {region}", "Common questions",
               "Deadlines", "What changed", "Escalation"]

PLACES = ["TikTok Shop Creator Center", "the Affiliate Center", "Seller Center", "the Account Health page",
          "the Orders tab", "the Finance > Withdrawals page", "the Samples tab", "the LIVE dashboard",
          "Creator Marketplace", "the Showcase settings", "the Commission details page", "the in-app Inbox"]
TEAMS = ["Creator Support", "Trust & Safety", "Payments Operations", "Affiliate Partnerships", "Seller Support",
         "Tax Operations", "Policy & Knowledge"]
PRODUCTS = ["skincare", "supplement", "electronics", "apparel", "home and kitchen", "toys", "jewellery",
            "food and beverage", "pet supplies", "beauty device", "fragrance", "phone accessories"]
FEATURES = ["free samples", "LIVE selling", "product links", "the Showcase", "commission payouts",
            "targeted collaborations", "flash sales", "Creator Marketplace listing"]
ACTORS = ["creators", "sellers", "agencies", "new creators", "creators with a pending appeal", "affiliate creators",
          "TikTok Shop Partners", "managed creators", "creator managers"]
OBLIGATIONS = ["post the promised content", "reply to the seller's message", "submit the appeal form",
               "verify the payout account", "add the product link", "disclose the paid partnership",
               "return the sample", "upload the tax form"]
REASONS = ["suspected fake orders", "a buyer dispute", "a policy violation", "a payment chargeback"]
REGIONS = {"US": "the US", "UK": "the UK", "global": "all markets", "SEA": "Southeast Asia", "TH": "Thailand",
           "VN": "Vietnam", "ID": "Indonesia", "MY": "Malaysia", "PH": "the Philippines", "SG": "Singapore"}
REGION_WEIGHTS = [35, 10, 25, 8, 4, 4, 4, 4, 3, 3]
OWNERS = ["Policy & Knowledge", "Creator Support Ops", "Trust & Safety", "Payments Operations",
          "Affiliate Partnerships", "Seller Success"]
DAYS = [2, 3, 5, 7, 10, 14, 15, 21, 30, 45, 60, 90, 120, 180]
PCTS = ["5%", "8%", "10%", "15%", "20%", "25%", "30%", "50%"]
AMOUNTS = ["$1", "$5", "$10", "$25", "$50", "$100", "$500", "$5K", "$150K", "£10", "RM50", "₱500", "฿300"]
SCORES = ["2.5", "3.0", "3.5", "4.0", "4.5"]
FOLLOWERS = ["1,000", "5,000", "10,000", "50,000"]
