"""The worker groups of ``nox -s tests`` hold: tests marked with one ``xdist_group`` share a
worker, so what they share (an example's run, parsed pages, search results) is made once.

pytest-xdist passes a test's group to its scheduler as a suffix of the test's id; pytest 9.2
stopped reading that suffix and the groups were silently ignored (pytest-dev/pytest-xdist#1386),
which doubled the work of the grouped tests without failing any of them.
"""

from __future__ import annotations

import pytest


@pytest.mark.xdist_group("the-group-check")
def test_a_grouped_test_reaches_the_scheduler_with_its_group(request: pytest.FixtureRequest):
    if not getattr(request.config.option, "loadgroup", False):  # set on each worker by xdist
        pytest.skip("not run with --dist loadgroup (as `nox -s tests` runs): no groups to keep")
    assert request.node.nodeid.endswith("@the-group-check"), (
        f"{request.node.nodeid}: pytest-xdist's group is not in the test's id, so --dist "
        "loadgroup ignores every xdist_group (see the pin of pytest in pyproject.toml)"
    )
