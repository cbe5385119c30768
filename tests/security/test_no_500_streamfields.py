"""No 500 from a page's StreamField: the page editor posted with each block type holding hostile values.

The no-500 walk (``test_no_500_walk.py``) learns a form's field names from the page it gets; Wagtail 8 builds a
StreamField's inputs in the browser, so the walk never posts a block. This test builds the editor's post from the
block definitions themselves (every page type with a StreamField, every block type of it, nested structs, lists and
streams included): as the superuser, to the page's edit form and to the add form under an allowed parent, with
fixed cases (sensible values with every checkbox off — a quick check with no correct answer —, with every checkbox on,
and hostile text everywhere) and Hypothesis examples drawn per leaf. Any answer of 500 or more fails, with the
request and the exception.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.security import hostile
from tests.security.test_access_sweep import world as world  # the sweep's module-scoped fixture
from tests.security.test_no_500_walk import FORM, HOSTILE_TEXT, OVERFLOW, send
from tests.security.test_no_500_walk import failures as failures  # the walk's recorder of 5xx answers

pytestmark = pytest.mark.django_db

#: Hypothesis examples per block type.
EXAMPLES = 4

#: What a leaf may be given, besides its sensible value: the walk's hostile text and overflowing number, the
#: hostile atoms, and nothing.
LEAF_HOSTILE = st.sampled_from(["", HOSTILE_TEXT, OVERFLOW, *hostile.ATOMS])


def stream_fields() -> list[tuple[type[Page], str, str]]:
    """(page type, StreamField name, block type) for every block type of every StreamField of every page type."""
    found = []
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                found.extend((model, field.name, name) for name in field.stream_block.child_blocks)
    return found


# --- the editor's form data for a block ----------------------------------------------------------------------------
# A leaf's value is decided by ``leaf(block, sensible)``: ``sensible`` is what an editor would type, the function
# returns it or something hostile. A checkbox is a leaf too: "on" or absent (``None``).


def _sensible(block: blocks.Block) -> str | None:
    if isinstance(block, blocks.BooleanBlock):
        return None  # off: a quick check with no correct answer
    if isinstance(block, blocks.RichTextBlock):
        return rich_text("<p>Isi.</p>")
    if isinstance(block, blocks.ChooserBlock):
        target = block.model_class.objects.order_by("pk").values_list("pk", flat=True).first()
        return "" if target is None else str(target)
    if isinstance(block, blocks.ChoiceBlock):
        return next((str(value) for value, _label in block.field.choices if value), "")
    if isinstance(block, (blocks.IntegerBlock, blocks.DecimalBlock, blocks.FloatBlock)):
        return "1"
    if isinstance(block, blocks.DateBlock):
        return "2026-01-05"
    if isinstance(block, (EmbedBlock, blocks.URLBlock)):
        return ""  # no URL: an embed would be looked up over the network
    if isinstance(block, TableBlock):
        return '{"data": [["a", "b"], ["1", "2"]], "first_row_is_table_header": true}'
    return "Jawaban"


def block_data(block: blocks.Block, leaf: Callable[[blocks.Block, str | None], str | None]):
    """The nested form data of one block's value (``nested_form_data`` flattens it), the leaves chosen by ``leaf``."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield([(name, block_data(child, leaf)) for name, child in block.child_blocks.items()])
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            value = block_data(child, leaf)
            if value is not None:  # an unticked checkbox is absent
                data[name] = value
        return data
    if isinstance(block, blocks.ListBlock):
        rows = {"count": "2"}
        for index in range(2):
            value = block_data(block.child_block, leaf)
            rows[str(index)] = {"value": "" if value is None else value, "deleted": "", "order": str(index), "id": ""}
        return rows
    if isinstance(block, blocks.StaticBlock):
        return ""
    return leaf(block, _sensible(block))


FIXED_LEAVES = {
    "sensible, every checkbox off": lambda block, sensible: sensible,
    "sensible, every checkbox on": lambda block, sensible: "on" if isinstance(block, blocks.BooleanBlock) else sensible,
    "hostile text everywhere": lambda block, sensible: None if isinstance(block, blocks.BooleanBlock) else HOSTILE_TEXT,
    "overflowing numbers everywhere": lambda block, sensible: OVERFLOW,
}


def page_post(page_model: type[Page], field: str, block_type: str, leaf) -> str:
    """The page editor's post: a title, a slug, and the StreamField holding one block of ``block_type``."""
    stream_block = page_model._meta.get_field(field).stream_block
    data = nested_form_data(
        {
            "title": "Pelajaran uji",
            "slug": "pelajaran-uji",
            field: streamfield([(block_type, block_data(stream_block.child_blocks[block_type], leaf))]),
        }
    )
    return hostile.urlencoded(data.items())


def editor_urls(page_model: type[Page]) -> list[str]:
    """The edit form of a page of this type, and the add form under a page of an allowed parent type."""
    urls = []
    page = page_model.objects.order_by("pk").first()
    if page is not None:
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    for parent_model in page_model.allowed_parent_page_models():
        parent = parent_model.objects.order_by("pk").first()
        if parent is not None:
            meta = page_model._meta
            urls.append(reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]))
            break
    return urls


@pytest.mark.parametrize(
    ("page_model", "field", "block_type"),
    [pytest.param(*case, id=f"{case[0]._meta.label}.{case[1]}.{case[2]}") for case in stream_fields()],
)
def test_no_block_value_makes_a_server_error(world, failures, page_model, field, block_type):
    # Given the world (a curriculum with a lesson of every kind of page), and a client that answers exceptions with 500
    client = Client(raise_request_exception=False)
    urls = editor_urls(page_model)
    assert urls, f"the world holds no {page_model.__name__} nor any of its parents: nothing to post to"
    # When the superuser posts the page editor with the block holding the fixed values
    for url in urls:
        for leaves in FIXED_LEAVES.values():
            body = page_post(page_model, field, block_type, leaves)
            send(client, world, failures, "superuser", "POST", url, body=body, content_type=FORM)
    # Then no answer is 5xx
    assert not failures.found, f"{block_type} of {page_model.__name__}.{field}:\n" + "\n".join(failures.found[:3])

    # And when Hypothesis draws each leaf (sensible, hostile, empty; a checkbox on or off)
    @hypothesis_settings(
        max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(data=st.data(), url=st.sampled_from(urls))
    def draw(data, url):
        def leaf(block, sensible):
            if isinstance(block, blocks.BooleanBlock):
                return data.draw(st.sampled_from([None, "on", HOSTILE_TEXT]))
            return data.draw(st.one_of(st.just(sensible), LEAF_HOSTILE))

        body = page_post(page_model, field, block_type, leaf)
        send(client, world, failures, "superuser", "POST", url, body=body, content_type=FORM)
        assert not failures.found, failures.found[-1]

    # Then none answered 5xx either
    draw()


def test_the_quick_check_is_among_the_blocks_posted():
    """The block behind #14's finding 4 is posted (a check that the discovery above finds the lesson's body)."""
    assert ("quick_check", "body") in {(block_type, field) for _model, field, block_type in stream_fields()}
