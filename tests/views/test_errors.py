import pytest
from django.test import override_settings

from tests.views.pages import outline

pytestmark = pytest.mark.django_db


def test_it_shows_a_404_that_looks_like_the_site(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = outline(response)
    assert page.title.startswith("Page not found")
    assert "/meetings/" in page.links and "/committees/" in page.links
    assert 'class="site-header"' in response.content.decode()


def test_it_shows_a_500_that_looks_like_the_site(client):
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF="tests.views.broken_urls"):
        response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert 'class="site-header"' in body and "Example Council" in body
    assert "boom" not in body
