"""The review workflow: one table of transitions, guards as small named functions, and
every change made under the newsroom lock with an atomic write.

    draft --submit--> in_review --approve--> approved --publish--> published --retract--> retracted
                      in_review --request-changes--> changes_requested --submit--> in_review
                      approved --publish --at future--> scheduled --publish --due--> published
                      scheduled --publish --at other time--> scheduled (rescheduled)
                      scheduled --publish--> published (now)   scheduled --unschedule--> approved
    published --correct--> published (a correction is appended; the version goes up)

A refused transition raises :class:`~editorial.errors.RefusedError` naming the rule that
refused it, and changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from editorial.errors import InputError, RefusedError, UsageError
from editorial.lint.engine import content_key, run_lint
from editorial.model.state import Role, State
from editorial.newsroom.article import Article, load_article
from editorial.newsroom.edit import edit_front_matter
from editorial.newsroom.newsroom import Newsroom
from editorial.newsroom.storage import atomic_move, atomic_write
from editorial.printable import plural
from editorial.review.gitsync import GitError, commit_transition
from editorial.review.identity import Actor


@dataclass
class Request:
    """One transition asked for: who, on what, with which note and options."""

    newsroom: Newsroom
    article: Article
    actor: Actor
    action: str
    note: str | None = None
    at: dt.datetime | None = None
    to_user: str | None = None
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))

    @property
    def state(self) -> State:
        assert self.article.meta is not None
        return self.article.meta.state

    @property
    def slug(self) -> str:
        return self.article.slug


Guard = Callable[[Request], str | None]  # a refusal reason, or None to allow


# -- guards ---------------------------------------------------------------------------


def is_author_or_editor(req: Request) -> str | None:
    """Submit: an author of the article, or an editor."""
    assert req.article.meta is not None
    if req.actor.has(Role.EDITOR) or (req.actor.author in req.article.meta.authors):
        return None
    return f"(author rule) {req.actor.user} is neither an author of '{req.slug}' nor an editor"


def is_editor(req: Request) -> str | None:
    if req.actor.has(Role.EDITOR):
        return None
    return f"(role rule) {req.action} needs the editor role; {req.actor.user} does not have it"


def is_publisher(req: Request) -> str | None:
    if req.actor.has(Role.PUBLISHER):
        return None
    return f"(role rule) {req.action} needs the publisher role; {req.actor.user} does not have it"


def not_an_author(req: Request) -> str | None:
    """The two-person rule: nobody approves an article with their own byline on it."""
    assert req.article.meta is not None
    if req.actor.author and req.actor.author in req.article.meta.authors:
        return (
            f"(two-person rule) {req.actor.user} is an author of '{req.slug}' and cannot approve it"
        )
    return None


def lint_clean(req: Request) -> str | None:
    """The lint gate: no finding of severity error, in exactly the bytes that were read."""
    report = run_lint(req.newsroom, [req.article.path])
    where = req.newsroom.relative(req.article.path)
    data = req.article.document.data
    if data is None or report.linted.get(where) != content_key(req.article.path, data):
        raise _Changed(f"refused (lint gate) {where} was saved again while it was being checked")
    errors = [f for f in report.findings if f.severity == "error"]
    if not errors:
        return None
    shown = ", ".join(f"{f.code} at {f.line}:{f.column}" for f in errors[:5])
    more = f" and {len(errors) - 5} more" if len(errors) > 5 else ""
    where = req.newsroom.relative(req.article.path)
    return (
        f"(lint gate) {where} has {plural(len(errors), 'lint error')} "
        f"({shown}{more}); run 'editorial lint {where}'"
    )


def has_note(req: Request) -> str | None:
    if req.note and req.note.strip():
        return None
    return f"(note rule) {req.action} needs a note (-m TEXT)"


def assignee_is_editor(req: Request) -> str | None:
    staff = req.newsroom.config.staff
    if req.to_user not in staff:
        return f"(assign rule) '{req.to_user}' is not in [staff]"
    if not staff[req.to_user].has(Role.EDITOR):
        return f"(assign rule) {req.to_user} does not have the editor role"
    return None


# Front matter the workflow writes: not part of what an editor approves.
WORKFLOW_KEYS = frozenset(
    {
        "state",
        "history",
        "assignee",
        "publish_at",
        "published_at",
        "version",
        "canonical_url",
        "updated_at",
        "corrections",
        "retraction",
    }
)


def content_digest(article: Article) -> str:
    """A digest of what an editor approves: the body and the front matter the workflow
    does not write (title, people, citations…)."""
    kept = {k: v for k, v in article.raw.items() if k not in WORKFLOW_KEYS}
    text = json.dumps(kept, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(f"{text}\0{article.body}".encode()).hexdigest()[:32]


def approved_as_is(req: Request) -> str | None:
    """Publish: the last approval in the history is by an editor who is not an author, of
    the content as it is now (``state:`` in the front matter is not taken on trust)."""
    assert req.article.meta is not None
    approval = next((h for h in reversed(req.article.meta.history) if h.action == "approve"), None)
    where = req.newsroom.relative(req.article.path)
    if approval is None:
        return f"(approval rule) {where} has no approval in its history; it needs review"
    member = req.newsroom.config.staff.get(approval.by)
    if member is None or not member.has(Role.EDITOR):
        return f"(approval rule) the approval of {where} is by {approval.by}, not an editor"
    if member.author and member.author in req.article.meta.authors:
        return f"(approval rule) the approval of {where} is by one of its authors"
    if approval.content != content_digest(req.article):
        return (
            f"(approval rule) {where} changed after {approval.by} approved it; send it back "
            f"to review with 'editorial submit {req.slug}'"
        )
    return None


def changed_since_published(req: Request) -> str | None:
    """Correct: the article differs from the version readers have (the content recorded
    when it was published or last corrected)."""
    assert req.article.meta is not None
    last = next(
        (h for h in reversed(req.article.meta.history) if h.action in ("publish", "correct")),
        None,
    )
    if last is None or last.content is None or last.content != content_digest(req.article):
        return None
    where = req.newsroom.relative(req.article.path)
    return (
        f"(correction rule) {where} is unchanged since it was {last.action}ed; edit the "
        "article first, then run correct with a note saying what was fixed"
    )


def is_due(req: Request) -> str | None:
    assert req.article.meta is not None
    when = req.article.meta.publish_at
    if when is None or when <= req.now:
        return None
    return f"(schedule rule) '{req.slug}' is scheduled for {when.isoformat()}, not yet due"


SLOW_GUARDS: frozenset[Guard] = frozenset({lint_clean})  # run before the lock is taken


# -- the table ------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    """An action: the states it starts from, the state it leads to, its guards."""

    action: str
    sources: frozenset[State]
    target: State | None  # None: the state does not change
    guards: tuple[Guard, ...]


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "submit",
            frozenset({State.DRAFT, State.CHANGES_REQUESTED, State.APPROVED}),
            State.IN_REVIEW,
            (is_author_or_editor, lint_clean),
        ),
        Transition(
            "assign",
            frozenset({State.DRAFT, State.IN_REVIEW, State.CHANGES_REQUESTED, State.APPROVED}),
            None,
            (is_editor, assignee_is_editor),
        ),
        Transition(
            "approve",
            frozenset({State.IN_REVIEW}),
            State.APPROVED,
            (is_editor, not_an_author, lint_clean),
        ),
        Transition(
            "request-changes",
            frozenset({State.IN_REVIEW}),
            State.CHANGES_REQUESTED,
            (is_editor, has_note),
        ),
        Transition(
            "publish",
            frozenset({State.APPROVED, State.SCHEDULED}),
            State.PUBLISHED,
            (is_publisher, approved_as_is, lint_clean),
        ),
        Transition("unschedule", frozenset({State.SCHEDULED}), State.APPROVED, (is_publisher,)),
        Transition(
            "publish-due",
            frozenset({State.SCHEDULED}),
            State.PUBLISHED,
            (is_publisher, is_due, approved_as_is, lint_clean),
        ),
        Transition(
            "correct",
            frozenset({State.PUBLISHED}),
            None,
            (is_publisher, has_note, changed_since_published, lint_clean),
        ),
        Transition(
            "retract", frozenset({State.PUBLISHED}), State.RETRACTED, (is_publisher, has_note)
        ),
    )
}


@dataclass(frozen=True)
class Outcome:
    """What a transition did (``warning``: the git commit that followed it failed)."""

    slug: str
    action: str
    before: State
    after: State
    path: Path
    warning: str | None = None


def transition(
    newsroom: Newsroom,
    slug: str,
    action: str,
    actor: Actor,
    *,
    note: str | None = None,
    at: dt.datetime | None = None,
    to_user: str | None = None,
    now: dt.datetime | None = None,
) -> Outcome:
    """Apply ``action`` to the article ``slug`` as ``actor``; ``RefusedError`` if not allowed."""
    if action not in TRANSITIONS:
        raise UsageError(f"unknown action '{action}'")
    rule = TRANSITIONS[action]

    def request() -> Request:
        req = Request(newsroom, newsroom.article(slug), actor, action, note, at, to_user)
        if now is not None:
            req.now = now
        if req.state not in rule.sources:
            allowed = " or ".join(sorted(s.value for s in rule.sources))
            verb = action.replace("-due", "")
            raise RefusedError(
                f"refused (state rule) cannot {verb} '{slug}': it is {req.state.value}, "
                f"not {allowed}; nothing was changed"
            )
        return req

    def check(req: Request, guards: tuple[Guard, ...]) -> None:
        for guard in guards:
            reason = guard(req)
            if reason is not None:
                raise RefusedError(f"refused {reason}; nothing was changed")

    # The lint gate runs before the newsroom lock is taken, so a slow article never holds
    # up the desk; under the lock the article is read again and must be byte for byte
    # what the gate checked (else, saved meanwhile: start again), and the quick guards run.
    slow = tuple(g for g in rule.guards if g in SLOW_GUARDS)
    quick = tuple(g for g in rule.guards if g not in SLOW_GUARDS)
    for _attempt in range(RETRIES):
        checked = request()
        try:
            check(checked, slow)
        except _Changed:
            continue
        with newsroom.lock():
            req = request()
            if req.article.document.data != checked.article.document.data:
                continue
            check(req, quick)
            outcome = _apply(req, rule)
            try:
                commit_transition(newsroom, outcome, actor, note)
            except GitError as exc:
                return replace(
                    outcome, warning=f"the transition was made, but git commit failed: {exc}"
                )
            return outcome
    where = newsroom.relative(newsroom.article_path(slug))
    raise RefusedError(
        f"refused (edit rule) {where} kept changing while it was being checked; nothing was "
        "changed: run the command again"
    )


class _Changed(RefusedError):
    """The article was saved again while the lint gate checked it."""


RETRIES = 3


def _unchanged_since_read(req: Request) -> None:
    """Refuse when the file was saved (by an editor, outside the lock) after this command
    read it: writing back what was read would lose that edit."""
    where = req.newsroom.relative(req.article.path)
    try:
        now = req.article.path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=where) from exc
    if now != req.article.document.data:
        raise RefusedError(
            f"refused (edit rule) {where} was saved after this command read it; nothing "
            "was changed, so the edit is kept: run the command again"
        )


def _apply(req: Request, rule: Transition) -> Outcome:
    article = req.article
    meta = article.meta
    assert meta is not None
    raw: dict[str, Any] = dict(article.raw)
    before = meta.state
    after = rule.target or before
    action = "publish" if rule.action == "publish-due" else rule.action
    newsroom = req.newsroom
    if rule.action == "publish":
        # a scheduled article published without --at goes out now; with --at it moves
        when = req.at or (meta.publish_at if before != State.SCHEDULED else None)
        if when is not None and when > req.now:
            after = State.SCHEDULED
            raw["publish_at"] = when
        else:
            raw.pop("publish_at", None)
    if rule.action == "unschedule":
        raw.pop("publish_at", None)
    if after == State.PUBLISHED and before != State.PUBLISHED:
        raw["published_at"] = req.now
        raw["version"] = 1
        raw["canonical_url"] = f"{newsroom.config.newsroom.base_url}/{meta.slug}/"
    if rule.action == "assign":
        raw["assignee"] = req.to_user
    if rule.action == "correct":
        corrections = list(raw.get("corrections") or [])
        corrections.append({"at": req.now, "by": req.actor.user, "text": (req.note or "").strip()})
        kept = newsroom.version_path(meta.slug, int(raw.get("version") or 1))
        if kept.is_file():  # what readers saw before this correction
            corrections[-1]["previous"] = newsroom.relative(kept)
        raw["corrections"] = corrections
        raw["version"] = int(raw.get("version") or 1) + 1
        raw["updated_at"] = req.now
    if rule.action == "retract":
        raw["retraction"] = (req.note or "").strip()
        raw["updated_at"] = req.now
    raw["state"] = after.value
    history = list(raw.get("history") or [])
    history.append(
        {
            "at": req.now,
            "by": req.actor.user,
            "action": action,
            "from": before.value,
            "to": after.value,
            "note": (req.note.strip() if req.note else None),
        }
    )
    if action in ("approve", "publish", "correct"):
        # what was approved, so that publish can check it still is; what readers were
        # given, so that a correction must change something
        history[-1]["content"] = content_digest(article)
    raw["history"] = history
    source = article.path
    text = edit_front_matter(article.document, raw)
    _unchanged_since_read(req)
    folder = newsroom.published_dir if after.folder == "published" else newsroom.drafts_dir
    target = folder / source.name
    where = newsroom.relative(source)
    if source.parent.resolve() == folder.resolve():
        _write(source, text, where)
        _keep_version(newsroom, meta.slug, raw, after, text)
        return Outcome(meta.slug, action, before, after, source)
    # Move first, then write: a failed move changes nothing, and an article interrupted
    # between the two is in its new folder with its old state, where the same command
    # can be run again to finish the transition.
    try:
        atomic_move(source, target)
    except OSError as exc:
        raise InputError(
            f"cannot move to {after.folder}/: {exc.strerror or exc}; nothing was changed",
            path=where,
        ) from exc
    try:
        _write(target, text, where)
    except BaseException:
        with contextlib.suppress(OSError):
            target.replace(source)  # roll back: the article is where it was, as it was
        raise
    _keep_version(newsroom, meta.slug, raw, after, text)
    return Outcome(meta.slug, action, before, after, target)


def _keep_version(
    newsroom: Newsroom, slug: str, raw: dict[str, Any], after: State, text: str
) -> None:
    """A published version as readers are given it, kept for good once the article is
    written (a correction then names the version it replaced)."""
    if after != State.PUBLISHED:
        return
    path = newsroom.version_path(slug, int(raw.get("version") or 1))
    if not path.exists():
        with contextlib.suppress(OSError):  # the article is out; a missing copy is no failure
            atomic_write(path, text)


def _write(path: Path, text: str, where: str) -> None:
    """Write the article atomically; a folder or file that refuses it is one clear line."""
    try:
        atomic_write(path, text)
    except OSError as exc:
        raise InputError(
            f"cannot write {path.parent.name}/{path.name}: {exc.strerror or exc}; "
            "nothing was changed",
            path=where,
        ) from exc


def due(newsroom: Newsroom, now: dt.datetime | None = None) -> list[str]:
    """Slugs of scheduled articles whose time has come."""
    now = now or dt.datetime.now(dt.UTC)
    found = []
    for path in newsroom.article_paths("drafts"):
        article = load_article(path, newsroom.root)
        meta = article.meta
        if (
            meta
            and meta.state == State.SCHEDULED
            and (meta.publish_at is None or meta.publish_at <= now)
        ):
            found.append(meta.slug)
    return found


def publish_due(newsroom: Newsroom, actor: Actor, now: dt.datetime | None = None) -> list[Outcome]:
    """Publish every scheduled article whose time has come (safe to run every minute)."""
    outcomes = []
    for slug in due(newsroom, now):
        try:
            outcomes.append(transition(newsroom, slug, "publish-due", actor, now=now))
        except RefusedError:
            continue  # published meanwhile by another run
    return outcomes
