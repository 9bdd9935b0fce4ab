import pytest


@pytest.mark.django_db
def test_it_reports_the_database_as_healthy(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_it_reports_503_when_the_database_is_down(client, monkeypatch):
    from portal import views

    class Broken:
        def cursor(self):
            raise RuntimeError("connection refused")

    monkeypatch.setattr(views, "connection", Broken())
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
