"""editorial: lint, review, publish and syndicate reporting.

Quotations are checked against event transcripts and figures against the newsroom's
register of checked facts. Everything the command line does is one call here::

    import editorial

    newsroom = editorial.Newsroom.open("path/to/newsroom")
    report = editorial.run_lint(newsroom)
    for finding in report.findings:
        print(finding.path, finding.line, finding.code, finding.message)
"""

from editorial._version import __version__
from editorial.errors import (
    ConfigError,
    DeliveryError,
    EditorialError,
    InputError,
    LockedError,
    NotFoundError,
    RefusedError,
    UsageError,
)
from editorial.lint import Finding, LintReport, Rule, all_rules, get_rule, run_lint
from editorial.lint.quotes.sheet import QuoteRow, QuoteSheet, quote_sheet
from editorial.model import (
    ArticleMeta,
    Author,
    Citation,
    Config,
    Correction,
    Fact,
    HistoryEntry,
    Person,
    Role,
    State,
)
from editorial.newsroom import Article, Newsroom, load_article
from editorial.newsroom.create import init_newsroom, new_article
from editorial.review import Actor, BoardRow, Outcome, board, identify, publish_due, transition

__all__ = [
    "Actor",
    "Article",
    "ArticleMeta",
    "Author",
    "BoardRow",
    "Citation",
    "Config",
    "ConfigError",
    "Correction",
    "DeliveryError",
    "EditorialError",
    "Fact",
    "Finding",
    "HistoryEntry",
    "InputError",
    "LintReport",
    "LockedError",
    "Newsroom",
    "NotFoundError",
    "Outcome",
    "Person",
    "QuoteRow",
    "QuoteSheet",
    "RefusedError",
    "Role",
    "Rule",
    "State",
    "UsageError",
    "__version__",
    "all_rules",
    "board",
    "get_rule",
    "identify",
    "init_newsroom",
    "load_article",
    "new_article",
    "publish_due",
    "quote_sheet",
    "run_lint",
    "transition",
]
