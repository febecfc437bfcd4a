"""editorial: lint, review, publish and syndicate reporting.

Quotations are checked against event transcripts and figures against the newsroom's
register of checked facts. Everything the command line does is one call here::

    import editorial

    newsroom = editorial.Newsroom.open("path/to/newsroom")
    report = editorial.run_lint(newsroom)
    for finding in report.findings:
        print(finding.path, finding.line, finding.code, finding.message)
"""

from typing import TYPE_CHECKING

from editorial._lazy import lazy_names
from editorial._version import __version__
from editorial.errors import (
    ConfigError,
    DeliveryError,
    EditorialError,
    InputError,
    LockedError,
    NotFoundError,
    PluginError,
    RefusedError,
    UsageError,
)

# The rest loads on first use, so that `import editorial` (and the command line's start-up)
# stays light: each name -> the module that defines it.
_LAZY = {
    "Example": "editorial.lint",
    "Finding": "editorial.lint",
    "LintContext": "editorial.lint",
    "LintReport": "editorial.lint",
    "NewsroomContext": "editorial.lint.rule",
    "Rule": "editorial.lint",
    "Severity": "editorial.lint",
    "Violation": "editorial.lint",
    "example": "editorial.lint",
    "all_rules": "editorial.lint",
    "get_rule": "editorial.lint",
    "run_lint": "editorial.lint",
    "QuoteRow": "editorial.lint.quotes.sheet",
    "QuoteSheet": "editorial.lint.quotes.sheet",
    "quote_sheet": "editorial.lint.quotes.sheet",
    "ArticleMeta": "editorial.model",
    "Author": "editorial.model",
    "Citation": "editorial.model",
    "Config": "editorial.model",
    "Correction": "editorial.model",
    "Fact": "editorial.model",
    "HistoryEntry": "editorial.model",
    "Person": "editorial.model",
    "Role": "editorial.model",
    "State": "editorial.model",
    "Article": "editorial.newsroom",
    "Newsroom": "editorial.newsroom",
    "load_article": "editorial.newsroom",
    "init_newsroom": "editorial.newsroom.create",
    "new_article": "editorial.newsroom.create",
    "Actor": "editorial.review",
    "BoardRow": "editorial.review",
    "Outcome": "editorial.review",
    "board": "editorial.review",
    "identify": "editorial.review",
    "publish_due": "editorial.review",
    "transition": "editorial.review",
    "BuildReport": "editorial.publish.site",
    "build_site": "editorial.publish.site",
    "SyndicationReport": "editorial.syndicate.run",
    "syndicate": "editorial.syndicate.run",
}

if TYPE_CHECKING:
    from editorial.lint import (
        Example,
        Finding,
        LintContext,
        LintReport,
        Rule,
        Severity,
        Violation,
        all_rules,
        example,
        get_rule,
        run_lint,
    )
    from editorial.lint.quotes.sheet import QuoteRow, QuoteSheet, quote_sheet
    from editorial.lint.rule import NewsroomContext
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
    from editorial.publish.site import BuildReport, build_site
    from editorial.review import Actor, BoardRow, Outcome, identify, publish_due, transition
    from editorial.review.board import board
    from editorial.syndicate.run import SyndicationReport, syndicate


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

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
    "Example",
    "Fact",
    "Finding",
    "HistoryEntry",
    "InputError",
    "LintContext",
    "LintReport",
    "LockedError",
    "Newsroom",
    "NewsroomContext",
    "NotFoundError",
    "Outcome",
    "Person",
    "PluginError",
    "QuoteRow",
    "QuoteSheet",
    "RefusedError",
    "Role",
    "Rule",
    "Severity",
    "State",
    "SyndicationReport",
    "UsageError",
    "Violation",
    "__version__",
    "all_rules",
    "board",
    "build_site",
    "example",
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
