"""The public cache on a real Redis (Django's RedisCache), as production runs it: a change
made by staff is on every surface at the very next anonymous request.

Redis runs on 127.0.0.1:6379 on development and CI machines (.ci/run starts it); REDIS_URL
chooses another (a database other than 0 by default, so a developer's own data is safe).
"""

from __future__ import annotations

import os
import uuid

import pytest
import redis
from django.core.cache import caches
from django.urls import reverse

from tests.pagecache.surfaces import NEW_TITLE, TITLE, assert_fresh, prime, surfaces, world
from tests.staff.helpers import item_form_data

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")


@pytest.mark.django_db(transaction=True)
class TestOnRedis:
    @pytest.fixture(autouse=True)
    def _redis(self, settings):
        prefix = f"test-{uuid.uuid4().hex}"
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": prefix,
            }
        }
        self.redis = redis.Redis.from_url(REDIS_URL)
        self.prefix = prefix
        yield
        for key in self.redis.scan_iter(f"{prefix}:*"):
            self.redis.delete(key)

    def test_pages_are_kept_in_redis(self, client):
        meeting, _, _ = world()
        assert client.get(meeting.get_absolute_url())["X-Public-Cache"] == "miss"
        assert client.get(meeting.get_absolute_url())["X-Public-Cache"] == "hit"
        assert caches["default"].__class__.__name__ == "RedisCache"
        assert list(self.redis.scan_iter(f"{self.prefix}:*"))

    def test_a_correction_is_everywhere_at_once(self, client, officer_client):
        meeting, item, document = world()
        urls = surfaces(meeting, item, document)
        prime(client, urls)
        data = item_form_data(officer_client, item, title=NEW_TITLE)
        officer_client.post(reverse("staff:item", args=[item.pk]), data)
        sent = assert_fresh(client, urls)
        page = sent[item.get_absolute_url()]
        assert NEW_TITLE in page and TITLE not in page
