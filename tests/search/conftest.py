from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from documents.importer import Importer, IngestOptions
from tests.shared_papers import paper

# The sample papers and the real papers with a text layer, these from the shared folder
# (the one scan needs OCR and is slow).
TEXT_PAPERS = [
    "dorset-cabinet-2017-10-04-minutes.pdf",
    "dorset-people-and-health-2021-09-02-agenda-pack.pdf",
    "uk_hertingfordbury-pc_2008-01-09_minutes.pdf",
    "uk_hertingfordbury-pc_2015-11-11_minutes.pdf",
    "uk_hertingfordbury-pc_2016-02-10_agenda.pdf",
    "uk_hertingfordbury-pc_2019-02-13_agenda.pdf",
    "uk_hertingfordbury-pc_2019-09-11_minutes.pdf",
    "uk_kent_cabinet_2025-01-30_agenda-frontsheet.pdf",
    "uk_kent_cabinet_2025-01-30_printed-minutes.pdf",
    "uk_kent_cabinet_2025-01-30_supplementary-pack_PROD-24-00096.pdf",
    "uk_kent_cabinet_2025-03-13_public-reports-pack.pdf",
    "uk_kent_corporate-parenting-panel_2024-12-10_minutes.pdf",
    "uk_kent_county-council_2025-03-13_agenda-frontsheet.pdf",
    "uk_kent_county-council_2025-03-13_printed-minutes.pdf",
    "uk_merton_audit-committee_2009-10-22_agenda-pack.pdf",
    "uk_sutton-coldfield-tc_amenities-committee_2018-03-13_minutes.pdf",
    "us_alameda_planning-board_2023-07-24_minutes.pdf",
    "us_east-palo-alto_planning-commission_2020-01-27_minutes.pdf",
]


def ingest(names):
    importer = Importer(IngestOptions(isolate=False, ocr=False))
    results = list(importer.ingest([paper(name) for name in names]))
    failed = [r for r in results if r.status == "failed"]
    assert not failed, failed
    return results


@pytest.fixture
def api():
    return APIClient()
