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

_LAZY = {  # publishing and syndication load their libraries only when they are used
    "BuildReport": "editorial.publish.site",
    "build_site": "editorial.publish.site",
    "SyndicationReport": "editorial.syndicate.run",
    "syndicate": "editorial.syndicate.run",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'editorial' has no attribute {name!r}")


__all__ = [
    "Actor",
    "Article",
    "ArticleMeta",
    "Author",
    "BoardRow",
    "BuildReport",
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
    "SyndicationReport",
    "UsageError",
    "__version__",
    "all_rules",
    "board",
    "build_site",
    "get_rule",
    "identify",
    "init_newsroom",
    "load_article",
    "new_article",
    "publish_due",
    "quote_sheet",
    "run_lint",
    "syndicate",
    "transition",
]
