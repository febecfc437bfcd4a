"""Sending a payload: into a partner's folder, or as a signed webhook.

Webhooks follow the Standard Webhooks specification (``webhook-id``, ``webhook-timestamp``,
``webhook-signature``), signed with the ``standardwebhooks`` package. A failed send is
retried within the run with exponential backoff and full jitter, honouring ``Retry-After``;
redirects are never followed; a 410 means the partner is gone.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Literal

from standardwebhooks import Webhook

from editorial._version import __version__
from editorial.model.config import Partner
from editorial.newsroom.storage import atomic_write_bytes
from editorial.syndicate.formats import Payload

MAX_WAIT = 60.0  # seconds: a Retry-After beyond this waits for the next run
RETRYABLE = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Sent:
    """The outcome of one delivery: ``delivered``, ``failed`` (retried next run) or
    ``gone`` (410: the partner is disabled)."""

    outcome: Literal["delivered", "failed", "gone"]
    attempts: int
    detail: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the 3xx response is returned as an error, not followed


_OPENER = urllib.request.build_opener(_NoRedirect)


def to_directory(root: Path, partner: Partner, name: str, payload: Payload) -> Sent:
    """Write the payload as ``<path>/<name>.<ext>`` (atomically)."""
    assert partner.path is not None
    folder = Path(partner.path)
    folder = folder if folder.is_absolute() else root / folder
    target = folder / f"{name}.{payload.extension}"
    try:
        atomic_write_bytes(target, payload.body)
    except OSError as exc:
        return Sent("failed", 1, f"cannot write {target}: {exc.strerror or exc}")
    return Sent("delivered", 1, f"wrote {target}")


def secret_for(partner: Partner) -> str | None:
    """The partner's signing secret, from the environment variable ``secret_env``."""
    return os.environ.get(partner.secret_env) if partner.secret_env else None


def to_webhook(
    partner: Partner,
    message_id: str,
    payload: Payload,
    secret: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> Sent:
    """POST the payload to the partner's URL, signed, with retries; never raises."""
    assert partner.url is not None
    try:
        signer = Webhook(secret)
    except Exception as exc:  # the package raises its own error types for a bad secret
        return Sent("failed", 0, f"the secret in ${partner.secret_env} is not usable: {exc}")
    detail = ""
    for attempt in range(1, partner.max_attempts + 1):
        stamp = now()
        body = payload.body.decode("utf-8")
        headers = {
            "content-type": f"{payload.media_type}; charset=utf-8",
            "user-agent": f"editorial/{__version__}",
            "webhook-id": message_id,
            "webhook-timestamp": str(int(stamp.timestamp())),
            "webhook-signature": signer.sign(message_id, stamp, body),
        }
        request = urllib.request.Request(partner.url, payload.body, headers, method="POST")
        wait: float | None = None
        try:
            with _OPENER.open(request, timeout=partner.timeout_seconds) as response:
                return Sent("delivered", attempt, f"HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            code = exc.code
            exc.close()
            if code == 410:
                return Sent("gone", attempt, "HTTP 410 Gone")
            detail = f"HTTP {code}"
            if 300 <= code < 400:
                return Sent(
                    "failed",
                    attempt,
                    f"{detail}: redirect to {exc.headers.get('location')} not followed",
                )
            if code not in RETRYABLE:
                return Sent("failed", attempt, detail)
            wait = retry_after(exc.headers, stamp)
        except TimeoutError:
            detail = f"timed out after {partner.timeout_seconds:g}s"
        except urllib.error.URLError as exc:
            reason = exc.reason
            detail = (
                "timed out" if isinstance(reason, TimeoutError) else f"cannot connect: {reason}"
            )
        except (OSError, ValueError) as exc:
            detail = f"cannot connect: {exc}"
        if attempt == partner.max_attempts:
            break
        if wait is None:
            wait = backoff(partner.retry_base_seconds, attempt)
        if wait > MAX_WAIT:
            return Sent(
                "failed", attempt, f"{detail}; Retry-After {wait:.0f}s, left for the next run"
            )
        sleep(wait)
    return Sent("failed", partner.max_attempts, f"{detail} after {partner.max_attempts} attempts")


def backoff(base: float, attempt: int) -> float:
    """Exponential backoff with full jitter: a random wait up to ``base * 2**(attempt-1)``."""
    return random.uniform(0, base * 2 ** (attempt - 1))


def retry_after(headers: Message, now: dt.datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date), if any."""
    value = headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())
