"""PII redaction: local phone formats of every market we serve, cards in any grouping, addresses, postcodes."""
from __future__ import annotations

import pytest

from assistant.pii import redact, restore

PHONES = {
    "UK": "07911 123456", "MY": "012-345 6789", "SG": "9123 4567", "PH": "0917 123 4567",
    "ID": "0812-3456-7890", "TH": "081-234-5678", "VN": "0912 345 678", "US": "(415) 555-0134",
}


@pytest.mark.parametrize("market, phone", PHONES.items())
@pytest.mark.parametrize("creator_region", ["", "US", "UK", "TH"])
def test_local_phone_numbers_of_every_market_are_redacted(market: str, phone: str, creator_region: str) -> None:
    message = f"Hi, call me on {phone} about my samples."
    red = redact(message, creator_region)
    assert phone not in red.text and "[PHONE_1]" in red.text
    assert restore(red.text, red.mapping) == message


@pytest.mark.parametrize("card", ["4111.1111.1111.1111", "4111  1111  1111  1111", "4111/1111/1111/1111",
                                  "4111-1111-1111-1111", "4111111111111111", "5500 0000 0000 0004"])
def test_cards_are_redacted_whatever_the_separator(card: str) -> None:
    red = redact(f"My card {card} was charged twice.")
    assert card not in red.text and "[CARD_1]" in red.text


@pytest.mark.parametrize("address", ["221 baker street", "221B Baker Street", "10 Downing St", "Jl. Sudirman No. 5",
                                     "Jalan Ampang No. 12", "1600 Pennsylvania Avenue, Washington, DC 20500"])
def test_street_addresses_are_redacted(address: str) -> None:
    red = redact(f"Please send the sample to {address} before Friday.")
    assert address not in red.text and "[ADDRESS_1]" in red.text


@pytest.mark.parametrize("postcode", ["SW1A 1AA", "M1 1AE", "EC1A1BB", "sw1a 1aa"])
def test_uk_postcodes_are_redacted(postcode: str) -> None:
    red = redact(f"Flat 2, London {postcode}, United Kingdom", "UK")
    assert postcode not in red.text


@pytest.mark.parametrize("ordinary", [
    "I posted 3 videos on the road trip and 2 more close to the deadline.",
    "Can I get 5 samples per month? My GMV was $1,250.50 in 2025-11.",
    "US persons use Form W-9 and non-US persons the W-8BEN.",
    "Commission is 15% and settles 7 days after delivery, then 30 days on hold.",
])
def test_ordinary_creator_messages_are_left_alone(ordinary: str) -> None:
    assert redact(ordinary, "").text == ordinary
