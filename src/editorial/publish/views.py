"""What a page shows, as pydantic models built from an article and the newsroom: the
templates, the feeds and the JSON-LD all read these, never the files themselves."""

from __future__ import annotations

import datetime as dt
import hashlib
from types import ModuleType

from pydantic import BaseModel, Field

from editorial.errors import InputError
from editorial.model.article import ArticleMeta
from editorial.model.slug import slugify
from editorial.model.state import State
from editorial.newsroom.article import Article
from editorial.newsroom.newsroom import Newsroom
from editorial.publish.sanitize import safe_url


class AuthorCard(BaseModel):
    """An author as a byline and the "About the authors" box show them."""

    slug: str
    name: str
    title: str | None = None
    affiliation: str | None = None
    bio_html: str = ""
    image: str | None = None
    links: list[tuple[str, str]] = Field(default_factory=list)  # label, url
    path: str  # site-relative: authors/<slug>/


class Reference(BaseModel):
    """One numbered entry of an article's bibliography."""

    number: int
    id: str
    anchor: str
    title: str
    publisher: str | None = None
    author: str | None = None
    date: dt.date | None = None
    url: str | None = None


class CorrectionNote(BaseModel):
    at: dt.datetime
    text: str
    html: str


class SourceMention(BaseModel):
    """Where one quotation of a person stands in a transcript."""

    timestamp: str | None
    line: int
    excerpt: str


class SourceSpeaker(BaseModel):
    name: str
    mentions: list[SourceMention]


class SourceFile(BaseModel):
    """A transcript behind the article, with each quoted person's places in it."""

    name: str
    speakers: list[SourceSpeaker]


class Term(BaseModel):
    """A section or a tag, with the site path of its listing."""

    name: str
    slug: str
    path: str


class ArticleSummary(BaseModel):
    """What listings, sitemaps and bylines show of an article: everything but its body,
    references, corrections and sources (kept in memory for every article of a build)."""

    slug: str
    path: str  # site-relative: <slug>/
    url: str  # absolute, canonical
    title: str
    summary: str | None
    description: str
    section: Term | None
    tags: list[Term]
    authors: list[AuthorCard]
    published_at: dt.datetime
    modified_at: dt.datetime
    embargoed_until: dt.datetime | None = None
    version: int
    retracted: bool
    language: str = "en"

    @property
    def byline(self) -> str:
        names = [a.name for a in self.authors]
        if len(names) <= 2:
            return " and ".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


class ArticleView(ArticleSummary):
    """Everything a published article's page, feed entries and JSON-LD show."""

    body_html: str
    references: list[Reference]
    corrections: list[CorrectionNote]
    retraction: str | None
    sources: list[SourceFile] | None = None

    def summary_json(self) -> str:
        """The JSON of its :class:`ArticleSummary`."""
        return self.model_dump_json(include=SUMMARY_FIELDS)


SUMMARY_FIELDS: set[str] = set(ArticleSummary.model_fields)


def term(kind: str, name: str) -> Term:
    """A section or tag named ``name``, with its listing path (``tags/<slug>/``); a name
    with no Latin letters or digits (``中国``, ``!!``) gets a short stable hash instead."""
    slug = slugify(name)
    if not slug:
        slug = "t-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return Term(name=name, slug=slug, path=f"{kind}/{slug}/")


def is_live(meta: ArticleMeta, now: dt.datetime) -> bool:
    """True when the article may appear anywhere public at ``now``: published or retracted,
    and neither embargoed (``publish_at``) nor dated (``published_at``) in the future."""
    if meta.state not in (State.PUBLISHED, State.RETRACTED):
        return False
    for when in (meta.publish_at, meta.published_at):
        if when is not None and when > now:
            return False
    return True


def author_card(newsroom: Newsroom, slug: str) -> AuthorCard:
    """The byline entry and bio of ``slug`` (its slug as name when there is no readable file)."""
    try:
        author = newsroom.author(slug)
    except InputError:
        author = None
    if author is None:
        return AuthorCard(slug=slug, name=slug.replace("-", " ").title(), path=f"authors/{slug}/")
    meta = author.meta
    links: list[tuple[str, str]] = []
    raw_links = meta.links.items() if isinstance(meta.links, dict) else meta.links
    for item in raw_links:
        label, url = item if isinstance(item, tuple) else (item, item)
        safe = safe_url(url)
        if safe:
            links.append((str(label), safe))
    return AuthorCard(
        slug=slug,
        name=meta.name,
        title=meta.title,
        affiliation=meta.affiliation,
        bio_html=_markdown().render_block(author.bio),
        image=safe_url(meta.image),
        links=links,
        path=f"authors/{slug}/",
    )


def _card(newsroom: Newsroom, slug: str, cards: dict[str, AuthorCard] | None) -> AuthorCard:
    if cards is None:
        return author_card(newsroom, slug)
    if slug not in cards:
        cards[slug] = author_card(newsroom, slug)
    return cards[slug]


def sources_box(newsroom: Newsroom, article: Article) -> list[SourceFile]:
    """Each transcript the article's quotations were checked against, and for each quoted
    person where their quotations stand in it: the same analysis lint uses."""
    from editorial.lint.quotes.analysis import analyze

    analysis = analyze(newsroom, article)
    if analysis.transcripts is None:
        return []
    files: dict[str, dict[str, list[SourceMention]]] = {}
    for name, _utterance in analysis.transcripts.utterances:
        files.setdefault(name, {})
    for check in analysis.checks:
        verdict = check.verdict
        if verdict is None or verdict.status != "verbatim" or check.speaker is None:
            continue
        passage = verdict.passage
        if passage is None:
            continue
        excerpt = check.text if len(check.text) <= 80 else check.text[:79].rstrip() + "…"
        speakers = files.setdefault(passage.transcript, {})
        speakers.setdefault(check.speaker.name, []).append(
            SourceMention(timestamp=passage.timestamp, line=passage.line, excerpt=excerpt)
        )
    return [
        SourceFile(
            name=name,
            speakers=[SourceSpeaker(name=who, mentions=m) for who, m in speakers.items()],
        )
        for name, speakers in files.items()
    ]


def article_view(
    newsroom: Newsroom,
    article: Article,
    *,
    show_sources: bool = False,
    cards: dict[str, AuthorCard] | None = None,
) -> ArticleView:
    """The view of a published (or retracted) article. ``cards``: author cards made
    for earlier articles (and kept there), for a caller making many views."""
    meta = article.meta
    if meta is None:
        problem = article.problems[0]
        raise InputError(problem.message, path=newsroom.relative(article.path), line=problem.line)
    info = newsroom.config.newsroom
    by_id = {c.id: c for c in meta.citations}
    md = _markdown()
    rendered = md.render(article.body, by_id)
    references = []
    for number, key in enumerate(rendered.cited, start=1):
        citation = by_id[key]
        references.append(
            Reference(
                number=number,
                id=key,
                anchor=md.key_id(key),
                title=citation.title or key,
                publisher=citation.publisher,
                author=citation.author,
                date=citation.date,
                url=safe_url(citation.url),
            )
        )
    published = published_time(meta)
    corrections = [
        CorrectionNote(at=c.at, text=c.text, html=md.render_inline(c.text))
        for c in meta.corrections
    ]
    changes = [published, *(c.at for c in meta.corrections)]
    if meta.updated_at is not None:
        changes.append(meta.updated_at)
    summary = meta.summary
    description = summary or md.plain_text(rendered.html)[:200]
    return ArticleView(
        slug=meta.slug,
        path=f"{meta.slug}/",
        url=f"{info.base_url}/{meta.slug}/",
        title=meta.title,
        summary=summary,
        description=description,
        section=term("sections", meta.section) if meta.section else None,
        tags=[term("tags", t) for t in meta.tags],
        authors=[_card(newsroom, slug, cards) for slug in meta.authors],
        published_at=published,
        modified_at=max(changes),
        embargoed_until=meta.publish_at,
        version=meta.version or 1,
        body_html=rendered.html,
        references=references,
        corrections=corrections,
        retraction=meta.retraction,
        retracted=meta.state == State.RETRACTED,
        sources=sources_box(newsroom, article) if show_sources else None,
        language=info.language,
    )


def published_time(meta: ArticleMeta) -> dt.datetime:
    """When the article was published: ``published_at``, else its first publish in history."""
    return meta.published_at or _first_history(meta, "publish") or _epoch()


def _first_history(meta: ArticleMeta, action: str) -> dt.datetime | None:
    return next((h.at for h in meta.history if h.action == action), None)


def _epoch() -> dt.datetime:
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _markdown() -> ModuleType:
    """The Markdown renderer, imported when a page is rendered (a build with nothing to
    render never loads mistune and nh3)."""
    import editorial.publish.markdown as markdown

    return markdown
