"""Syndication end to end: real HTTP deliveries on 127.0.0.1, signatures verified with the
standardwebhooks package, payloads validated against the ninjs and JSON Feed schemas."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource
from standardwebhooks import Webhook

from editorial import Newsroom
from editorial.syndicate import Ledger, syndicate
from editorial.syndicate.ledger import LEDGER, Record
from tests.conftest import Room
from tests.publish.conftest import ROOT
from tests.syndicate.conftest import SECRET, Inbox, partners, publish

SCHEMAS = ROOT.parent / "shared" / "schemas"
NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


def ninjs_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / "ninjs-schema_3.1.json").read_text())
    geojson = json.loads((SCHEMAS / "GeoJSON-schema.json").read_text())
    registry = Registry().with_resource(geojson["$id"], Resource.from_contents(geojson))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def jsonfeed_schema() -> dict:
    return json.loads((SCHEMAS / "jsonfeed-schema-v1.1.json").read_text())


def webhook_partner(
    room: Room, inbox: Inbox, pid: str = "coast", fmt: str = "jsonfeed", extra: str = ""
) -> None:
    partners(
        room,
        f"""[partners.{pid}]
name = "Partner {pid}"
format = "{fmt}"
delivery = "webhook"
url = "{inbox.url("/" + pid)}"
secret_env = "TEST_SECRET"
retry_base_seconds = 0
timeout_seconds = 2
{extra}
""",
    )


def directory_partner(room: Room, pid: str = "river", fmt: str = "ninjs", extra: str = "") -> None:
    partners(
        room,
        f"""[partners.{pid}]
name = "Partner {pid}"
format = "{fmt}"
delivery = "directory"
path = "syndication/{pid}"
{extra}
""",
    )


@pytest.fixture(autouse=True)
def _secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_SECRET", SECRET)


def run(room: Room, *names: str, now: dt.datetime = NOW, dry_run: bool = False):
    waits: list[float] = []
    report = syndicate(
        Newsroom.open(room.root), names, now=now, dry_run=dry_run, sleep=waits.append
    )
    report.waits = waits  # type: ignore[attr-defined]
    return report


def test_ninjs_to_a_directory_validates_and_is_delivered_once(room: Room) -> None:
    publish(room, "treaty")
    directory_partner(room, extra='licence = "Republish unchanged, with credit."')
    report = run(room)
    assert report.ok and len(report.results) == 1
    files = sorted((room.root / "syndication" / "river").iterdir())
    assert [f.name for f in files] == ["treaty-v1.json"]
    data = json.loads(files[0].read_text())
    ninjs_validator().validate(data)
    assert data["pubStatus"] == "usable"
    assert data["headlines"][0]["value"] == "Story treaty"
    assert data["by"] == "Ana Ruiz"
    assert data["version"] == "1"
    assert data["usageTerms"] == "Republish unchanged, with credit."
    assert data["altIds"] == [{"role": "canonical", "value": "https://example.org/treaty/"}]
    assert "First published by Delta Review at" in data["bodies"][0]["value"]
    again = run(room)
    assert again.results == [] and again.ok


def test_webhook_is_signed_and_the_json_feed_validates(room: Room, inbox: Inbox) -> None:
    publish(room, "treaty")
    webhook_partner(room, inbox)
    report = run(room)
    assert report.ok, report.problems
    [got] = inbox.at("/coast")
    payload = Webhook(SECRET).verify(got.body, got.headers)
    jsonschema.validate(payload, jsonfeed_schema())
    assert got.headers["webhook-id"].startswith("msg_")
    assert got.headers["content-type"].startswith("application/feed+json")
    item = payload["items"][0]
    assert item["url"] == "https://example.org/treaty/"
    assert "We will share the river" in item["content_html"]
    assert (
        'First published by Delta Review at <a href="https://example.org/treaty/">'
        in item["content_html"]
    )
    tampered = dict(got.headers, **{"webhook-id": "msg_other"})
    with pytest.raises(Exception, match="signature"):
        Webhook(SECRET).verify(got.body, tampered)


def test_503_then_success_is_retried_in_the_run(room: Room, inbox: Inbox) -> None:
    publish(room, "treaty")
    webhook_partner(room, inbox)
    inbox.answer(503, {"Retry-After": "7"})
    report = run(room)
    assert report.ok
    [result] = report.results
    assert result.sent.outcome == "delivered" and result.sent.attempts == 2
    assert report.waits == [7.0]  # Retry-After honoured
    sent = inbox.at("/coast")
    assert len(sent) == 2 and sent[0].headers["webhook-id"] == sent[1].headers["webhook-id"]
    statuses = [r.status for r in Ledger.open(room.root).records]
    assert statuses == ["attempt", "delivered"]


def test_410_disables_the_partner_and_the_others_go_on(room: Room, inbox: Inbox) -> None:
    publish(room, "treaty")
    publish(room, "budget", published_at="2025-05-02T08:00:00Z")
    webhook_partner(room, inbox, "gone")
    directory_partner(room, "river")
    inbox.answer(410)
    report = run(room)
    assert not report.ok
    assert any("410 Gone" in p and "disabled" in p for p in report.problems)
    assert len(inbox.at("/gone")) == 1  # the second article was not even tried
    assert len(list((room.root / "syndication" / "river").iterdir())) == 2
    again = run(room)
    assert any("is disabled since" in p for p in again.problems)
    assert len(inbox.at("/gone")) == 1
    room_cli = room.run("syndicate", "enable", "gone")
    assert room_cli.exit_code == 0 and "enabled again" in room_cli.output
    final = run(room)
    assert final.ok and len(final.results) == 2


def test_timeout_fails_and_the_next_run_sends_again_with_the_same_id(
    room: Room, inbox: Inbox
) -> None:
    publish(room, "treaty")
    webhook_partner(room, inbox, extra="max_attempts = 2")
    config = room.root / "editorial.toml"
    config.write_text(config.read_text().replace("timeout_seconds = 2", "timeout_seconds = 0.3"))
    inbox.answer(200, delay=1.0)
    inbox.answer(200, delay=1.0)
    report = run(room)
    [result] = report.results
    assert result.sent.outcome == "failed" and "timed out" in result.sent.detail
    assert result.sent.attempts == 2
    assert not report.ok
    again = run(room)
    assert again.ok and len(again.results) == 1
    ids = {r.headers["webhook-id"] for r in inbox.at("/coast")}
    assert len(ids) == 1  # the partner can drop the duplicates


def test_other_4xx_is_not_retried_and_redirects_are_not_followed(room: Room, inbox: Inbox) -> None:
    publish(room, "treaty")
    webhook_partner(room, inbox)
    inbox.answer(400)
    report = run(room)
    assert report.results[0].sent.attempts == 1 and "HTTP 400" in report.results[0].sent.detail
    inbox.answer(302, {"Location": inbox.url("/elsewhere")})
    report = run(room)
    assert "not followed" in report.results[0].sent.detail
    assert inbox.at("/elsewhere") == []


def test_embargoed_article_waits_for_its_time(room: Room) -> None:
    publish(room, "treaty", extra="publish_at: 2025-07-01T09:00:00Z\n")
    directory_partner(room)
    assert run(room).results == []
    assert not (room.root / "syndication" / "river").exists()
    later = run(room, now=dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC))
    assert len(later.results) == 1
    data = json.loads((room.root / "syndication" / "river" / "treaty-v1.json").read_text())
    assert data["embargoedUntil"] == "2025-07-01T09:00:00+00:00"


def test_delay_minutes_holds_back(room: Room) -> None:
    publish(room, "treaty", published_at="2025-06-01T11:30:00Z")
    directory_partner(room, extra="delay_minutes = 60")
    assert run(room).results == []
    assert len(run(room, now=NOW + dt.timedelta(minutes=30)).results) == 1


def test_section_and_tag_filters(room: Room) -> None:
    publish(room, "treaty", section="events", tags="water")
    publish(room, "budget", section="politics", tags="money")
    directory_partner(room, "events", extra='sections = ["Events"]')
    directory_partner(room, "money", fmt="markdown", extra='tags = ["money"]')
    run(room)
    assert [p.name for p in (room.root / "syndication" / "events").iterdir()] == ["treaty-v1.json"]
    assert [p.name for p in (room.root / "syndication" / "money").iterdir()] == ["budget-v1.md"]


def test_correction_delivers_the_new_version_once(room: Room, inbox: Inbox) -> None:
    publish(room, "treaty")
    webhook_partner(room, inbox, fmt="ninjs")
    run(room)
    publish(room, "treaty", title="Story treaty (corrected)", version=2)
    report = run(room)
    assert [(r.planned.kind, r.planned.version) for r in report.results] == [("update", 2)]
    assert run(room).results == []
    bodies = [Webhook(SECRET).verify(r.body, r.headers) for r in inbox.at("/coast")]
    assert [b["version"] for b in bodies] == ["1", "2"]
    for body in bodies:
        ninjs_validator().validate(body)


def test_retraction_reaches_every_partner_that_received_it_and_no_other(
    room: Room, inbox: Inbox
) -> None:
    publish(room, "treaty")
    webhook_partner(room, inbox, "coast", fmt="ninjs")
    directory_partner(room, "feed", fmt="rss")
    run(room)
    directory_partner(room, "late", fmt="atom")  # joined after: never received it
    publish(room, "treaty", state="retracted", extra='retraction: "The quotation was invented."\n')
    report = run(room)
    got = sorted((r.planned.partner_id, r.planned.kind) for r in report.results)
    assert got == [("coast", "cancel"), ("feed", "cancel")]
    cancel = Webhook(SECRET).verify(inbox.at("/coast")[-1].body, inbox.at("/coast")[-1].headers)
    ninjs_validator().validate(cancel)
    assert cancel["pubStatus"] == "canceled"
    assert "The quotation was invented." in cancel["bodies"][0]["value"]
    feed = (room.root / "syndication" / "feed" / "treaty-v1-canceled.xml").read_text()
    assert "<title>Retracted: Story treaty</title>" in feed
    assert not (room.root / "syndication" / "late").exists()
    assert run(room).results == []


def test_a_run_killed_after_its_attempt_record_is_completed_without_duplicates(
    room: Room, inbox: Inbox
) -> None:
    publish(room, "treaty")
    webhook_partner(room, inbox)
    plan = run(room, dry_run=True).results[0].planned
    ledger = Ledger.open(room.root)
    ledger.append(
        Record(
            at=NOW,
            partner="coast",
            status="attempt",
            article="treaty",
            version=1,
            kind="publish",
            delivery_id=plan.delivery_id,
        )
    )
    with (room.root / LEDGER).open("a") as handle:
        handle.write('{"at": "2025-06-01T12:00:00Z", "partner": "coa')  # cut off by the kill
    report = run(room)
    assert report.ok and len(report.results) == 1
    assert inbox.at("/coast")[0].headers["webhook-id"] == plan.delivery_id
    assert run(room).results == []
    assert Ledger.open(room.root).broken_lines == [2]


def _run_in_process(root: str, queue: multiprocessing.Queue) -> None:
    from editorial import Newsroom as N
    from editorial.syndicate import syndicate as s

    report = s(N.open(root), now=NOW, sleep=lambda _: None)
    queue.put(len(report.results))


def test_two_runs_at_once_deliver_each_item_once(room: Room, inbox: Inbox) -> None:
    for day in range(1, 6):
        publish(room, f"story-{day}", published_at=f"2025-05-0{day}T08:00:00Z")
    webhook_partner(room, inbox)
    for _ in range(5):
        inbox.answer(200, delay=0.05)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    runs = [context.Process(target=_run_in_process, args=(str(room.root), queue)) for _ in range(2)]
    for process in runs:
        process.start()
    for process in runs:
        process.join(60)
    assert sorted(queue.get(timeout=5) for _ in runs) == [0, 5]
    ids = [r.headers["webhook-id"] for r in inbox.at("/coast")]
    assert len(ids) == 5 == len(set(ids))


def test_missing_secret_stops_that_partner_only(
    room: Room, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEST_SECRET")
    publish(room, "treaty")
    webhook_partner(room, inbox)
    directory_partner(room)
    result = room.run("syndicate")
    assert result.exit_code == 1
    assert "$TEST_SECRET is not set" in result.output
    assert "1 delivered, 0 failed." in result.output
    assert inbox.received == []


def test_html_snippet_and_markdown_carry_credit_canonical_and_noindex(room: Room) -> None:
    publish(room, "treaty")
    directory_partner(
        room,
        "snippet",
        fmt="html",
        extra='noindex = true\ncredit = "Originally in {newsroom}: {url}"',
    )
    directory_partner(room, "md", fmt="markdown", extra="canonical = false")
    run(room)
    html = (room.root / "syndication" / "snippet" / "treaty-v1.html").read_text()
    assert html.startswith(
        '<link rel="canonical" href="https://example.org/treaty/">\n<meta name="robots" content="noindex">'
    )
    assert '<p class="byline">By Ana Ruiz</p>' in html
    assert 'Originally in Delta Review: <a href="https://example.org/treaty/">' in html
    md = (room.root / "syndication" / "md" / "treaty-v1.md").read_text()
    assert "canonical_url" not in md
    assert "The minister spoke on Tuesday [1]." in md
    assert "1. The report, The ministry <https://example.org/report>" in md
    assert md.rstrip().endswith("*First published by Delta Review at https://example.org/treaty/.*")


def test_cli_dry_run_and_status(room: Room) -> None:
    publish(room, "treaty")
    directory_partner(room)
    dry = room.run("syndicate", "--dry-run")
    assert dry.exit_code == 0
    assert "would deliver river: publish treaty v1 (ninjs, directory)" in dry.output
    assert not (room.root / LEDGER).exists()
    done = room.run("syndicate")
    assert done.exit_code == 0 and "1 delivered, 0 failed." in done.output
    status = room.run("syndicate", "status")
    assert "river" in status.output and "treaty" in status.output and "delivered" in status.output
    data = json.loads(room.run("syndicate", "status", "--format", "json").output)
    assert data[0]["status"] == "delivered" and data[0]["version"] == 1
    unknown = room.run("syndicate", "--partner", "nope")
    assert unknown.exit_code == 2 and "no partner 'nope'" in unknown.output


def test_partner_config_is_checked(room: Room) -> None:
    partners(room, '[partners.bad]\nname = "Bad"\nformat = "ninjs"\ndelivery = "webhook"\n')
    result = room.run("syndicate", "--dry-run")
    assert result.exit_code == 2
    assert "editorial.toml" in result.output and "needs 'url'" in result.output


def test_unknown_format_is_a_clear_problem(room: Room) -> None:
    publish(room, "treaty")
    directory_partner(room, "odd", fmt="telex")
    directory_partner(room, "river")
    report = run(room)
    assert any("unknown format 'telex'" in p for p in report.problems)
    assert len(report.results) == 1


def test_ledger_is_text_under_version_control(room: Room) -> None:
    publish(room, "treaty")
    directory_partner(room)
    run(room)
    lines = (room.root / LEDGER).read_text().splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["attempt", "delivered"]
    assert Path(room.root / LEDGER).parent.name == "syndication"
