"""What schemathesis cannot read from the document alone: how a valid UPN's check letter is made, and dates.

The document declares UPNs with `format: upn` beside their pattern; this teaches the generator the format, so
positive tests send UPNs the API accepts (domain/identifiers.ts, same algorithm).
"""
from datetime import date

import schemathesis
from hypothesis import strategies as st

LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def check_letter(body: str) -> str:
    total = sum((int(c) if c.isdigit() else LETTERS.index(c)) * (i + 2) for i, c in enumerate(body))
    return LETTERS[total % 23]


upns = st.from_regex(r"\A[0-9]{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]\Z").map(lambda body: check_letter(body) + body)
schemathesis.openapi.format("upn", upns)

# The API keeps dates from 1900 to 2199 (domain/field-schemas.ts: `format: date` and a year pattern). Generating
# within that range, rather than any year and filtering by the pattern, keeps the generator from giving up.
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)).map(date.isoformat)
schemathesis.openapi.format("date", dates)
