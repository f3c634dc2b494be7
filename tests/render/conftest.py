"""Fixtures of the rendering tests: a sample meeting and its people register."""

from __future__ import annotations

import pytest
from render_samples import people_register, sample_meeting

from workflow.record.model import Meeting, Person


@pytest.fixture
def meeting() -> Meeting:
    return sample_meeting()


@pytest.fixture
def people() -> dict[str, Person]:
    return people_register()
