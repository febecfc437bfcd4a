"""The review workflow: the board, states, policies and history."""

from editorial.review.board import BoardRow, board, describe_age
from editorial.review.identity import Actor, identify
from editorial.review.workflow import TRANSITIONS, Outcome, due, publish_due, transition

__all__ = [
    "TRANSITIONS",
    "Actor",
    "BoardRow",
    "Outcome",
    "board",
    "describe_age",
    "due",
    "identify",
    "publish_due",
    "transition",
]
