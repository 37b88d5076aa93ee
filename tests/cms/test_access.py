"""Editors write in Wagtail and never reach Oscar's dashboard; producers never reach Wagtail;
an editor submits, only a moderator publishes."""

import pytest
from django.contrib.auth.models import Group

from cms.services import EDITORS, MODERATORS, editorial_groups_ensure
from tests.factories import UserFactory, vendor_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(home):
    return editorial_groups_ensure(home=home)


def _member(group_name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editor_reaches_wagtail_but_not_the_dashboard(client, groups):
    client.force_login(_member(EDITORS))
    assert client.get("/cms-admin/").status_code == 200
    response = client.get("/dashboard/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/dashboard/" not in response["Location"].split("?")[0]


def test_producer_reaches_the_dashboard_but_not_wagtail(client, groups):
    client.force_login(vendor_user())
    assert client.get("/dashboard/").status_code == 200
    response = client.get("/cms-admin/")
    assert response.status_code == 302
    assert "/cms-admin/login/" in response["Location"]


def test_editor_cannot_publish_a_moderator_can(groups, story_index):
    editor, moderator = _member(EDITORS), _member(MODERATORS)
    assert story_index.permissions_for_user(editor).can_add_subpage()
    assert not story_index.permissions_for_user(editor).can_publish_subpage()
    assert story_index.permissions_for_user(moderator).can_publish_subpage()


def test_story_pages_go_through_the_moderators_workflow(groups, story_index):
    workflow = story_index.get_workflow()
    assert workflow is not None and workflow.active
    task = workflow.tasks.first().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_groups_setup_runs_twice_without_duplicates(groups, home):
    editorial_groups_ensure(home=home)
    assert Group.objects.filter(name=EDITORS).count() == 1


def test_product_chooser_finds_products_by_name(client, groups):
    from tests.factories import ProductFactory, VendorFactory

    ProductFactory(title="Miến dong Bình Liêu")
    ProductFactory(title="Mật ong hoa ban")
    VendorFactory(legal_name="HTX Ong mật Lục Hồn")
    client.force_login(_member(EDITORS))

    text = client.get("/cms-admin/product-chooser/results/", {"q": "Miến"}).content.decode()
    assert "Miến dong Bình Liêu" in text
    assert "Mật ong hoa ban" not in text
    text = client.get("/cms-admin/producer-chooser/results/", {"q": "Lục Hồn"}).content.decode()
    assert "HTX Ong mật Lục Hồn" in text


def test_scheduled_story_goes_live_when_the_task_runs(make_story):
    from datetime import timedelta

    from django.utils import timezone

    from cms.tasks import publish_scheduled

    story = make_story(title="Hẹn giờ đăng", publish=False)
    story.go_live_at = timezone.now() - timedelta(minutes=1)
    revision = story.save_revision(approved_go_live_at=story.go_live_at)
    assert revision.approved_go_live_at is not None
    publish_scheduled.delay()
    story.refresh_from_db()
    assert story.live
    publish_scheduled.delay()  # a second run finds nothing due
    assert story.live
