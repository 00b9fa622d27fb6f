"""The article store: URL normalisation, canonical choice, content hash, outcomes of an upsert."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.crawl.store import (
    ArticleRecord,
    classify,
    content_hash,
    normalize_url,
    pick_canonical,
    write_article,
)
from auditor.db import open_db


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "store.db")
    with database.conn:
        database["outlets"].insert({"id": "bao", "name": "Báo", "kind": "provincial_paper"})
    return database


def record(url: str, title: str = "Hội nghị bình đẳng giới", text: str = "Đoạn một.\n\nĐoạn hai.", **kw):
    return ArticleRecord(outlet_id="bao", url=url, canonical_url=url, title=title, text=text, **kw)


def test_normalize_url():
    assert normalize_url("HTTPS://BaoQuangNgai.vn:443/Xa-Hoi/bai.html?utm_source=fb&id=3&fbclid=x#binh-luan") == \
        "https://baoquangngai.vn/Xa-Hoi/bai.html?id=3"
    assert normalize_url("http://a.vn") == "http://a.vn/"
    assert normalize_url("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080/x"


@given(st.sampled_from(["http://a.vn/tin/1.html", "https://B.vn/x?utm_medium=rss&p=2#top", "http://c.vn:80/"]))
def test_normalize_url_is_idempotent(url):
    assert normalize_url(normalize_url(url)) == normalize_url(url)


def test_pick_canonical_ignores_a_home_page_canonical():
    assert pick_canonical("http://a.vn/tin/1.html?utm_source=x", "http://a.vn/") == "http://a.vn/tin/1.html"
    assert pick_canonical("http://m.a.vn/tin/1.html", "https://a.vn/tin/1.html") == "https://a.vn/tin/1.html"
    assert pick_canonical("http://a.vn/tin/1.html", None) == "http://a.vn/tin/1.html"
    assert pick_canonical("http://a.vn/tin/1.html", "javascript:void(0)") == "http://a.vn/tin/1.html"


def test_content_hash_ignores_tone_placement_and_spacing():
    assert content_hash("Hoà bình", "Phụ nữ  thuỷ sản.\n\nĐoạn hai") == content_hash("Hòa bình", "Phụ nữ thủy sản. Đoạn hai")
    assert content_hash("Hoà bình", "a") != content_hash("Hoà bình", "b")


def test_outcomes(db):
    with db.conn:
        first_id, outcome = write_article(db, record("http://a.vn/1.html"))
    assert outcome == "new"
    with db.conn:
        assert write_article(db, record("http://a.vn/1.html")) == (first_id, "unchanged")
        # the same text under another address: not stored again
        assert write_article(db, record("http://b.vn/copy.html")) == (first_id, "duplicate")
        # an edited article: new text, version 2
        assert write_article(db, record("http://a.vn/1.html", text="Đoạn một.\n\nĐoạn hai đã sửa.")) == \
            (first_id, "updated")
    assert db["articles"].count == 1
    assert db.execute("SELECT version, text FROM articles").fetchone() == (2, "Đoạn một.\n\nĐoạn hai đã sửa.")


def test_a_changed_lead_alone_is_an_update(db):
    with db.conn:
        write_article(db, record("http://a.vn/1.html", text="Sapo.\n\nThân bài.", body="Thân bài."))
        assert write_article(db, record("http://a.vn/1.html", text="Sapo mới.\n\nThân bài.", body="Thân bài."))[1] \
            == "updated"


def test_write_reclassifies_inside_the_transaction(db):
    # Two outlets fetched the same text at once: both planned "new", the second write finds the first.
    planned = classify(db, "http://b.vn/2.html", record("http://b.vn/2.html").digest)
    assert planned == ("new", None)
    with db.conn:
        first_id, _ = write_article(db, record("http://a.vn/1.html"))
    with db.conn:
        assert write_article(db, record("http://b.vn/2.html")) == (first_id, "duplicate")
    assert db["articles"].count == 1


def test_vietnamese_text_survives_the_store(db):
    text = "Bà Y Thương nói: “Nhiều anh chồng đã cùng vợ đi họp”.\n\nĐắk Hà, Kon Tum – 2025."
    with db.conn:
        article_id, _ = write_article(db, record("http://a.vn/vn.html", title="Tiếng Việt có dấu", text=text))
    assert db["articles"].get(article_id)["text"] == text


def test_a_copy_met_first_is_credited_to_the_earlier_original(db):
    with db.conn:
        db["outlets"].insert({"id": "xa", "name": "Đài xã", "kind": "commune_radio"})
        copy = record("http://xa.vn/ban-sao.html", published_at="2025-11-19T07:00:00+07:00")
        copy.outlet_id = "xa"
        article_id, _ = write_article(db, copy)
        original = record("http://bao.vn/goc.html", published_at="2025-11-18T09:30:00+07:00")
        assert write_article(db, original) == (article_id, "duplicate")
        # a later copy changes nothing
        later = record("http://xa2.vn/ban-sao.html", published_at="2025-11-20T07:00:00+07:00")
        assert write_article(db, later) == (article_id, "duplicate")
    row = db["articles"].get(article_id)
    assert (row["outlet_id"], row["canonical_url"], row["published_at"]) == (
        "bao", "http://bao.vn/goc.html", "2025-11-18T09:30:00+07:00")
    assert db["articles"].count == 1
