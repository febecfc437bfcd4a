"""Syndication: payload formats, delivery (folders and signed webhooks) and the ledger."""

from editorial.syndicate.formats import Item, Payload, all_formats
from editorial.syndicate.ledger import LEDGER, Ledger, Record, delivery_id
from editorial.syndicate.run import Planned, Result, SyndicationReport, enable, syndicate

__all__ = [
    "LEDGER",
    "Item",
    "Ledger",
    "Payload",
    "Planned",
    "Record",
    "Result",
    "SyndicationReport",
    "all_formats",
    "delivery_id",
    "enable",
    "syndicate",
]
