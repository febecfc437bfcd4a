"""syndicate, syndicate status, syndicate enable."""

from __future__ import annotations

import sys

import click

from editorial.cli.app import Env, cli, format_option, pass_env
from editorial.printable import plural


@cli.group(invoke_without_command=True)
@click.option(
    "--partner",
    "partners",
    multiple=True,
    metavar="ID",
    help="Only this partner (repeatable; default: every partner).",
)
@click.option("--dry-run", is_flag=True, help="Print what would be delivered; send nothing.")
@pass_env
@click.pass_context
def syndicate(ctx: click.Context, env: Env, partners: tuple[str, ...], dry_run: bool) -> None:
    """Deliver new, corrected and retracted articles to partners.

    Each partner gets every published article that passes its filters once per version, in
    its format; a retraction reaches every partner that received the article. The ledger
    (syndication/ledger.jsonl) records what went where. Exit 1 when a delivery failed.
    """
    if ctx.invoked_subcommand is not None:
        return
    from editorial.syndicate.run import Result
    from editorial.syndicate.run import syndicate as run

    def show(result: Result) -> None:
        item = result.planned
        how = f"{item.partner.format}, {item.partner.delivery}"
        what = f"{item.partner_id}: {item.kind} {item.article} v{item.version} ({how})"
        if result.sent is None:
            click.echo(f"would deliver {what}")
        elif result.sent.outcome == "delivered":
            click.echo(f"delivered {what}: {result.sent.detail}")
        else:
            click.echo(f"FAILED {what}: {result.sent.detail}", err=True)

    report = run(env.newsroom(), partners, dry_run=dry_run, progress=show)
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    count = len(report.results)
    if dry_run:
        click.echo(f"{plural(count, 'delivery', 'deliveries')} planned; nothing was sent.")
        return
    done = count - len(report.failed)
    click.echo(f"{done} delivered, {len(report.failed)} failed.")
    if not report.ok:
        sys.exit(1)


@syndicate.command()
@click.option("--partner", "partners", multiple=True, metavar="ID", help="Only this partner.")
@click.option("--all", "show_all", is_flag=True, help="Every record, not only the newest of each.")
@format_option()
@pass_env
def status(env: Env, partners: tuple[str, ...], show_all: bool, fmt: str) -> None:
    """The delivery ledger: what went to which partner, when, which version."""
    from editorial.syndicate.ledger import Ledger, dump

    newsroom = env.newsroom()
    ledger = Ledger.open(newsroom.root)
    records = list(ledger.records if show_all else ledger.latest())
    if partners:
        records = [r for r in records if r.partner in partners]
    if fmt == "json":
        click.echo(dump(records))
        return
    for number in ledger.broken_lines:
        click.echo(f"warning: syndication/ledger.jsonl:{number}: unreadable line skipped", err=True)
    if not records:
        click.echo("Nothing has been syndicated yet.")
        return
    click.echo(f"{'when (UTC)':<17} {'partner':<14} {'article':<32} {'ver':>3} {'kind':<7} status")
    for r in records:
        when = r.at.strftime("%Y-%m-%d %H:%M")
        version = str(r.version) if r.version is not None else "-"
        detail = f" ({r.detail})" if r.detail and r.status != "attempt" else ""
        click.echo(
            f"{when:<17} {r.partner[:14]:<14} {(r.article or '-')[:32]:<32} {version:>3} "
            f"{(r.kind or '-'):<7} {r.status}{detail}"
        )


@syndicate.command()
@click.argument("partner")
@pass_env
def enable(env: Env, partner: str) -> None:
    """Turn PARTNER back on after it answered 410 Gone."""
    from editorial.syndicate.run import enable as turn_on

    if turn_on(env.newsroom(), partner):
        click.echo(f"Partner '{partner}' is enabled again; the next run delivers what it missed.")
    else:
        click.echo(f"Partner '{partner}' was not disabled; nothing changed.")
