"""What schemathesis cannot read from the document alone: how a valid UPN's check letter is made.

The document declares UPNs with `format: upn` beside their pattern; this teaches the generator the format, so
positive tests send UPNs the API accepts (domain/identifiers.ts, same algorithm).
"""
import schemathesis
from hypothesis import strategies as st

LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def check_letter(body: str) -> str:
    total = sum((int(c) if c.isdigit() else LETTERS.index(c)) * (i + 2) for i, c in enumerate(body))
    return LETTERS[total % 23]


upns = st.from_regex(r"\A\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]\Z").map(lambda body: check_letter(body) + body)
schemathesis.openapi.format("upn", upns)
