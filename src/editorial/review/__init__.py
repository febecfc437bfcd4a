"""The review workflow: the board, states, policies and history."""

from editorial.review.board import BoardRow, board, describe_age

__all__ = ["BoardRow", "board", "describe_age"]
