"""The newsroom on disk: root, configuration, reading and writing files, locks."""

from editorial.newsroom.article import Article, load_article
from editorial.newsroom.config import find_root, load_config
from editorial.newsroom.document import Document, Problem, parse_document, read_document
from editorial.newsroom.newsroom import Newsroom
from editorial.newsroom.storage import atomic_move, atomic_write, newsroom_lock
from editorial.newsroom.text import LineIndex, Position

__all__ = [
    "Article",
    "Document",
    "LineIndex",
    "Newsroom",
    "Position",
    "Problem",
    "atomic_move",
    "atomic_write",
    "find_root",
    "load_article",
    "load_config",
    "newsroom_lock",
    "parse_document",
    "read_document",
]
