"""``editorial syndicate``: deliver each partner what it has not received yet.

For every partner, every live article that passes its filters and whose delay has passed is
delivered once per version; an article retracted after a partner received it is delivered
once more as a cancellation, to that partner only. The ledger says what was delivered, so a
second run delivers nothing new. Runs take the syndication lock, so two runs started at once
deliver each item once; a failure of one partner never stops the others.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from filelock import FileLock, Timeout

from editorial.errors import ConfigError, LockedError, UsageError
from editorial.model.article import ArticleMeta
from editorial.model.config import Partner
from editorial.model.state import State
from editorial.newsroom.article import Article, load_article
from editorial.newsroom.newsroom import PUBLISHED, Newsroom
from editorial.newsroom.storage import STATE_DIR
from editorial.printable import plural
from editorial.publish.views import ArticleView, article_view, is_live, published_time
from editorial.syndicate import delivery
from editorial.syndicate.formats import Item, get_format
from editorial.syndicate.ledger import Kind, Ledger, Record, delivery_id

LOCK_NAME = "syndicate.lock"


@dataclass
class Planned:
    """One delivery to make: an article version (or its cancellation) for one partner."""

    partner_id: str
    partner: Partner
    source: Article
    kind: Kind
    delivery_id: str

    @property
    def meta(self) -> ArticleMeta:
        assert self.source.meta is not None
        return self.source.meta

    @property
    def article(self) -> str:
        return self.meta.slug

    @property
    def version(self) -> int:
        return self.meta.version or 1

    @property
    def file_name(self) -> str:
        suffix = "-canceled" if self.kind == "cancel" else ""
        return f"{self.article}-v{self.version}{suffix}"


@dataclass
class Result:
    """A planned delivery and what came of it (``sent`` is None in a dry run)."""

    planned: Planned
    sent: delivery.Sent | None = None


@dataclass
class SyndicationReport:
    """What a run did, partner by partner, and the problems that stopped a partner."""

    results: list[Result] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each: partner and why
    dry_run: bool = False

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if r.sent is not None and r.sent.outcome != "delivered"]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.problems


def _live_articles(newsroom: Newsroom, now: dt.datetime) -> list[Article]:
    """Published and retracted articles that are due, oldest first (front matter only: an
    article is rendered when something is sent, not to find out whether to send it)."""
    found = []
    for path in newsroom.article_paths(PUBLISHED):
        article = load_article(path, newsroom.root)
        meta = article.meta
        if meta is None or meta.state not in (State.PUBLISHED, State.RETRACTED):
            continue
        if is_live(meta, now):
            found.append(article)
    found.sort(key=lambda a: (published_time(_meta(a)), _meta(a).slug))
    return found


def _meta(article: Article) -> ArticleMeta:
    assert article.meta is not None
    return article.meta


def _matches(partner: Partner, meta: ArticleMeta) -> bool:
    if partner.sections:
        wanted = {s.lower() for s in partner.sections}
        if meta.section is None or meta.section.lower() not in wanted:
            return False
    if partner.tags:
        wanted = {t.lower() for t in partner.tags}
        if not any(t.lower() in wanted for t in meta.tags):
            return False
    return True


def plan_partner(
    partner_id: str,
    partner: Partner,
    articles: Sequence[Article],
    ledger: Ledger,
    now: dt.datetime,
) -> list[Planned]:
    """What ``partner`` should receive now."""
    planned = []
    for article in articles:
        meta = _meta(article)
        slug, version = meta.slug, meta.version or 1
        received = ledger.delivered(partner_id, slug)
        if meta.state == State.RETRACTED:
            if received and not ledger.has_delivered(partner_id, slug, version, "cancel"):
                ident = delivery_id(partner_id, slug, version, "cancel")
                planned.append(Planned(partner_id, partner, article, "cancel", ident))
            continue
        if not _matches(partner, meta):
            continue
        if published_time(meta) + dt.timedelta(minutes=partner.delay_minutes) > now:
            continue
        kind: Kind = "update" if received else "publish"
        if ledger.has_delivered(partner_id, slug, version, kind):
            continue
        planned.append(
            Planned(
                partner_id, partner, article, kind, delivery_id(partner_id, slug, version, kind)
            )
        )
    return planned


def syndicate(
    newsroom: Newsroom,
    partners: Sequence[str] = (),
    *,
    dry_run: bool = False,
    now: dt.datetime | None = None,
    sleep: Callable[[float], None] = time.sleep,
    progress: Callable[[Result], None] | None = None,
    lock_timeout: float = 120.0,
) -> SyndicationReport:
    """Deliver to ``partners`` (default: every partner of ``editorial.toml``)."""
    configured = newsroom.config.partners
    for name in partners:
        if name not in configured:
            known = ", ".join(sorted(configured)) or "none"
            raise UsageError(f"no partner '{name}' in editorial.toml (partners: {known})")
    chosen = list(partners) or sorted(configured)
    moment = now or dt.datetime.now(dt.UTC)
    report = SyndicationReport(dry_run=dry_run)
    state = newsroom.root / STATE_DIR
    state.mkdir(exist_ok=True)
    try:
        with FileLock(str(state / LOCK_NAME), timeout=lock_timeout):
            ledger = Ledger.open(newsroom.root)  # read under the lock: a run before us counts
            articles = _live_articles(newsroom, moment)
            for partner_id in chosen:
                _run_partner(
                    newsroom,
                    partner_id,
                    configured[partner_id],
                    articles,
                    ledger,
                    moment,
                    report,
                    sleep,
                    progress,
                )
    except Timeout as exc:
        raise LockedError(
            f"another 'editorial syndicate' has been running for {lock_timeout:g}s; "
            "try again later",
            path=state / LOCK_NAME,
        ) from exc
    return report


def _run_partner(
    newsroom: Newsroom,
    partner_id: str,
    partner: Partner,
    articles: Sequence[Article],
    ledger: Ledger,
    now: dt.datetime,
    report: SyndicationReport,
    sleep: Callable[[float], None],
    progress: Callable[[Result], None] | None,
) -> None:
    disabled = ledger.disabled(partner_id)
    if disabled is not None:
        report.problems.append(
            f"partner '{partner_id}' is disabled since {disabled.at:%Y-%m-%d %H:%M} UTC "
            f"({disabled.detail}); run 'editorial syndicate enable {partner_id}' once it is back"
        )
        return
    try:
        fmt = get_format(partner_id, partner.format)
    except ConfigError as exc:
        report.problems.append(str(exc))
        return
    planned = plan_partner(partner_id, partner, articles, ledger, now)
    secret = delivery.secret_for(partner)
    if planned and partner.delivery == "webhook" and not secret and not report.dry_run:
        where = f"${partner.secret_env}" if partner.secret_env else "secret_env"
        report.problems.append(
            f"partner '{partner_id}': {where} is not set, so nothing can be signed; "
            f"{plural(len(planned), 'delivery', 'deliveries')} left for the next run"
        )
        return
    info = newsroom.config.newsroom
    views: dict[str, ArticleView] = {}
    for item in planned:
        result = Result(item)
        if not report.dry_run:
            view = views.get(item.article)
            if view is None:
                view = views[item.article] = article_view(newsroom, item.source)
            canceled = item.kind == "cancel"
            payload = fmt(Item(view, partner, info, canceled, item.source.body))
            base = Record(
                at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                partner=partner_id,
                status="attempt",
                article=item.article,
                version=item.version,
                kind=item.kind,
                delivery_id=item.delivery_id,
                format=partner.format,
            )
            ledger.append(base)  # before sending: a kill now is finished by the next run
            if partner.delivery == "directory":
                sent = delivery.to_directory(newsroom.root, partner, item.file_name, payload)
            else:
                assert secret is not None
                sent = delivery.to_webhook(partner, item.delivery_id, payload, secret, sleep=sleep)
            result.sent = sent
            status = "delivered" if sent.outcome == "delivered" else "failed"
            stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
            ledger.append(
                base.model_copy(
                    update={
                        "at": stamp,
                        "status": status,
                        "attempts": sent.attempts,
                        "detail": sent.detail,
                    }
                )
            )
            if sent.outcome == "gone":
                ledger.append(
                    Record(
                        at=stamp,
                        partner=partner_id,
                        status="disabled",
                        detail=f"{partner.url} answered 410 Gone",
                    )
                )
                report.results.append(result)
                if progress:
                    progress(result)
                report.problems.append(
                    f"partner '{partner_id}' answered 410 Gone at {partner.url}: it is disabled "
                    f"and gets nothing more until 'editorial syndicate enable {partner_id}'"
                )
                return
        report.results.append(result)
        if progress:
            progress(result)


def enable(newsroom: Newsroom, partner_id: str) -> bool:
    """Turn a partner disabled by a 410 back on; False when it was not disabled."""
    if partner_id not in newsroom.config.partners:
        raise UsageError(f"no partner '{partner_id}' in editorial.toml")
    state = newsroom.root / STATE_DIR
    state.mkdir(exist_ok=True)
    with FileLock(str(state / LOCK_NAME), timeout=120):
        ledger = Ledger.open(newsroom.root)
        if ledger.disabled(partner_id) is None:
            return False
        ledger.append(
            Record(
                at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                partner=partner_id,
                status="enabled",
            )
        )
    return True
