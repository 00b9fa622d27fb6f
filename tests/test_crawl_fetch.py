"""Fast unit tests of the fetch layer: settings, address checks, decoding, robots rules, and the retry /
redirect logic through ``httpx.MockTransport`` (the hostile-server suite uses real sockets)."""

from __future__ import annotations

import asyncio
import gzip
import ssl
import time
import unicodedata
import zlib
from collections.abc import Callable
from email.utils import formatdate
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.crawl.addresses import blocked_reason
from auditor.crawl.decoding import CHUNK, DecodeError, Inflater, decode_text, encode_cp1258, media_type
from auditor.crawl.fetch import Fetcher, FetchRecord, FetchResult, fetch_sync, retry_after_seconds
from auditor.crawl.robots import rules_from_answer
from auditor.crawl.settings import FetchSettings, settings_table
from auditor.errors import BlockedAddress, ConfigError, FetchError, RobotsDisallowed

DOCS = Path(__file__).resolve().parents[1] / "docs" / "crawl-fetch.md"

# -- settings ------------------------------------------------------------------------------------------------


def test_defaults_are_polite() -> None:
    s = FetchSettings()
    assert s.host_delay_s == 1.0 and s.max_redirects == 5 and 429 in s.retry_statuses
    assert "GenderMediaAuditor" in s.user_agent and s.robots_token in s.user_agent


def test_settings_from_mapping_checks_keys_and_types() -> None:
    s = FetchSettings.from_mapping({"host_delay_s": 2, "retry_statuses": [500, 503]}, max_bytes=1000)
    assert s.host_delay_s == 2.0 and s.retry_statuses == (500, 503) and s.max_bytes == 1000
    with pytest.raises(ConfigError, match="field 'host_delay'"):
        FetchSettings.from_mapping({"host_delay": 2})
    with pytest.raises(ConfigError, match="field 'max_bytes'.*an integer"):
        FetchSettings.from_mapping({"max_bytes": "5MB"})
    with pytest.raises(ConfigError, match="field 'retry_statuses'"):
        FetchSettings.from_mapping({"retry_statuses": "500"})
    with pytest.raises(ConfigError, match="field 'host_delay_s'.*negative"):
        FetchSettings(host_delay_s=-1)
    with pytest.raises(ConfigError, match="field 'total_timeout_s'"):
        FetchSettings.from_mapping({"total_timeout_s": 0})
    assert FetchSettings().replace(retries=0).retries == 0


def test_every_setting_is_documented_with_the_generated_table() -> None:
    assert settings_table() in DOCS.read_text(encoding="utf-8"), (
        "docs/crawl-fetch.md is stale: paste auditor.crawl.settings.settings_table() into it"
    )


# -- addresses ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
        ("10.0.0.5", "private"), ("192.168.1.1", "private"), ("172.16.0.1", "private"),
        ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"), ("100.64.0.1", "non-public"),
        ("93.184.216.34", None), ("2606:4700:4700::1111", None),
    ],
)
def test_blocked_reason(address: str, reason: str | None) -> None:
    assert blocked_reason(address) == reason


# -- decoding -----------------------------------------------------------------------------------------------


def test_inflater_bounds_each_piece_of_a_gzip_bomb() -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(compressor.compress(b"\0" * (1 << 20)) for _ in range(256)) + compressor.flush()
    inflater = Inflater("gzip")
    produced = 0
    for piece in inflater.feed(bomb):  # 256 KB in, 256 MB out if we let it: stop at 2 MB
        assert len(piece) <= CHUNK
        produced += len(piece)
        if produced > 2 << 20:
            break
    assert 2 << 20 < produced <= (2 << 20) + CHUNK


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=30))
def test_inflater_output_does_not_depend_on_how_the_stream_is_cut(cuts: list[int]) -> None:
    text = ("Phụ nữ tham gia lãnh đạo, quản lý. " * 2000).encode()
    body = gzip.compress(text) + gzip.compress(b"!")  # two members, as some servers send
    pieces, start = [], 0
    for size in cuts + [len(body)]:
        pieces.append(body[start:start + size])
        start += size
    inflater = Inflater("gzip")
    out = b"".join(chunk for piece in pieces for chunk in inflater.feed(piece)) + inflater.flush()
    assert out == text + b"!"


def test_inflater_handles_deflate_both_ways_and_refuses_unknown() -> None:
    text = "Bình đẳng giới".encode() * 50
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    for body in (zlib.compress(text), raw.compress(text) + raw.flush()):
        inflater = Inflater("deflate")
        assert b"".join(inflater.feed(body)) + inflater.flush() == text
    two_members = gzip.compress(b"ab") + gzip.compress(b"cd")
    assert b"".join(Inflater("gzip").feed(two_members)) == b"abcd"
    with pytest.raises(DecodeError, match="unsupported Content-Encoding 'br'"):
        Inflater("br")


def test_decode_text_and_media_type() -> None:
    assert media_type("Text/HTML; charset=UTF-8") == "text/html" and media_type(None) is None
    assert decode_text("\ufeffPhụ nữ".encode(), None) == ("Phụ nữ", "utf-8-sig")
    assert decode_text("Phụ nữ".encode("utf-16"), None)[0] == "Phụ nữ"
    assert decode_text(b"plain ascii", "text/plain; charset=iso-8859-1") == ("plain ascii", "cp1252")
    # Real windows-1252 text keeps its label: "ì" after a consonant is no Vietnamese tone mark.
    assert decode_text("così".encode("cp1252"), "text/html; charset=iso-8859-1") == ("così", "cp1252")
    # The documented trade-off: Portuguese "São" under a Latin-1 label reads as Vietnamese "Săo".
    assert decode_text("São Tomé".encode("cp1252"), "text/html; charset=iso-8859-1")[1] == "cp1258"
    assert decode_text("Ðòrìs".encode("cp1252"), "text/html; charset=iso-8859-1")[1] == "cp1252"
    # windows-1258 writes the tone as a combining mark: "ụ" arrives as "u" + U+0323; text is NFC.
    text, codec = decode_text(b"Ph\x75\xf2 n\xf7", "text/html; charset=windows-1258")
    assert codec == "cp1258" and text == "Phụ n\u00f7"


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
VIETNAMESE += VIETNAMESE.upper() + " .,"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE, min_size=20, max_size=300))
def test_vietnamese_round_trips_through_both_encodings(text: str) -> None:
    for body, label in [(encode_cp1258(text), "text/html; charset=windows-1258"),
                        (encode_cp1258(text), "text/html; charset=iso-8859-1"), (encode_cp1258(text), None),
                        (text.encode(), "text/html; charset=iso-8859-1"), (text.encode(), None)]:
        decoded, _ = decode_text(body, label)
        assert decoded == unicodedata.normalize("NFC", text)


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("120") == 120.0
    assert 58 <= retry_after_seconds(formatdate(time.time() + 60, usegmt=True)) <= 60
    assert retry_after_seconds(formatdate(time.time() - 60, usegmt=True)) == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_robots_answers() -> None:
    token = "gender-media-auditor"
    assert rules_from_answer("http://a", 404, "").allowed("http://a/x", token)
    assert rules_from_answer("http://a", 403, "").allowed("http://a/x", token)
    down = rules_from_answer("http://a", 500, "")
    assert not down.allowed("http://a/x", token) and "500" in down.reason
    rules = rules_from_answer("http://a", 200, "User-agent: *\nDisallow: /private\nRequest-rate: 1/4s\n")
    assert not rules.allowed("http://a/private/1", token) and rules.allowed("http://a/tin", token)
    assert rules.delay(token) == 4.0


# -- fetch logic over MockTransport ----------------------------------------------------------------------


async def public(host: str, port: int) -> list[str]:
    return ["93.184.216.34"]


def quick(**changes: object) -> FetchSettings:
    base = dict(host_delay_s=0.0, retries=2, backoff_base_s=0.01, backoff_jitter=0.0, max_bytes=1 << 20)
    return FetchSettings.from_mapping(base, **changes)


def run_fetch(handler, url: str = "http://bao.example/tin", st: FetchSettings | None = None,
              log: list[FetchRecord] | None = None, **kwargs: object) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(st or quick(), transport=httpx.MockTransport(handler), resolver=public,
                           on_request=(log.append if log is not None else None)) as fetcher:
            return await fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(go())


def scripted(*answers: object):
    """A handler replaying answers for the page (robots.txt is 404); the last one repeats."""
    calls: list[httpx.Request] = []
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        calls.append(request)
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(answer, Exception):
            raise answer
        return answer()  # type: ignore[operator]

    return handler, calls


def html(status: int = 200, body: str = "<p>Phụ nữ</p>", **headers: str) -> Callable[[], httpx.Response]:
    """A factory of fresh responses (a response's stream can be read only once)."""
    return lambda: httpx.Response(status, headers={"content-type": "text/html; charset=utf-8", **headers},
                                  content=body.encode())


def test_retries_then_success() -> None:
    handler, calls = scripted(html(503), html(502), html(200))
    assert run_fetch(handler).text == "<p>Phụ nữ</p>"
    assert len(calls) == 3


def test_no_retry_when_retries_is_zero() -> None:
    handler, calls = scripted(html(500))
    with pytest.raises(FetchError) as err:
        run_fetch(handler, st=quick(retries=0))
    assert err.value.status == 500 and len(calls) == 1


def test_httpx_errors_never_leak() -> None:
    request = httpx.Request("GET", "http://bao.example/tin")
    for exc, words in [(httpx.ConnectError("refused", request=request), "connection failed"),
                       (httpx.ReadTimeout("slow", request=request), "read timeout"),
                       (httpx.RemoteProtocolError("bad", request=request), "malformed")]:
        handler, calls = scripted(exc)
        with pytest.raises(FetchError) as err:
            run_fetch(handler)
        assert words in str(err.value) and "gave up after 3 attempts" in str(err.value)
        assert not isinstance(err.value.__cause__, httpx.HTTPError) and len(calls) == 3


def test_certificate_failure_is_not_retried() -> None:
    request = httpx.Request("GET", "https://bao.example/tin")
    failure = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", request=request)
    failure.__cause__ = ssl.SSLCertVerificationError("certificate verify failed")
    handler, calls = scripted(failure)
    with pytest.raises(FetchError, match="TLS handshake failed") as err:
        run_fetch(handler, url="https://bao.example/tin")
    assert "gave up" not in str(err.value) and len(calls) == 1


def test_retry_after_overrides_the_backoff() -> None:
    # Backoff would wait 30 s; Retry-After: 0 says go now.
    handler, calls = scripted(html(429, **{"retry-after": "0"}), html(200))
    began = time.monotonic()
    assert run_fetch(handler, st=quick(backoff_base_s=30.0)).status == 200
    assert time.monotonic() - began < 5 and len(calls) == 2


def test_redirect_to_a_private_address_by_ip_literal() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})

    async def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"] if host == "bao.example" else [host]

    async def go() -> None:
        async with Fetcher(quick(), transport=httpx.MockTransport(handler), resolver=resolver) as fetcher:
            with pytest.raises(BlockedAddress, match="link-local"):
                await fetcher.fetch("http://bao.example/tin")

    asyncio.run(go())


def test_robots_read_once_under_concurrency() -> None:
    robots_calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal robots_calls
        if request.url.path == "/robots.txt":
            robots_calls += 1
            return httpx.Response(200, text="User-agent: *\nDisallow: /rieng/\n")
        return html()()

    async def go() -> list[object]:
        async with Fetcher(quick(), transport=httpx.MockTransport(handler), resolver=public) as fetcher:
            urls = [f"http://bao.example/tin/{i}" for i in range(5)] + ["http://bao.example/rieng/1"]
            return await asyncio.gather(*(fetcher.fetch(u) for u in urls), return_exceptions=True)

    results = asyncio.run(go())
    assert robots_calls == 1
    assert all(isinstance(r, FetchResult) for r in results[:5]) and isinstance(results[5], RobotsDisallowed)


@pytest.mark.parametrize("url", ["http://", "ftp://bao.example/x", "bao.example/tin", "http:///x",
                                 "javascript:alert(1)"])
def test_bad_urls_are_fetch_errors(url: str) -> None:
    handler, _ = scripted(html())
    with pytest.raises(FetchError):
        run_fetch(handler, url=url)


def test_failing_callback_does_not_fail_the_fetch() -> None:
    handler, _ = scripted(html())

    def broken(record: FetchRecord) -> None:
        raise RuntimeError("disk full")

    async def go() -> FetchResult:
        async with Fetcher(quick(), transport=httpx.MockTransport(handler), resolver=public,
                           on_request=broken) as fetcher:
            return await fetcher.fetch("http://bao.example/tin")

    assert asyncio.run(go()).status == 200


def test_fetcher_needs_its_context() -> None:
    with pytest.raises(RuntimeError, match="async with"):
        asyncio.run(Fetcher().fetch("http://bao.example/"))


def test_fetch_sync() -> None:
    handler, _ = scripted(html(body="<p>Nữ doanh nhân</p>"))
    result = fetch_sync("http://bao.example/tin", quick(), transport=httpx.MockTransport(handler),
                        allow_private=True)
    assert result.text == "<p>Nữ doanh nhân</p>"
