"""The snippet chooser of our snippets: Wagtail's, with the ids from the URL checked before any query.

Wagtail's generic chooser views send what the URL holds straight to the database: ``chosen/<str:pk>/`` calls
``objects.get(pk=pk)`` and catches only ``DoesNotExist`` (a NUL byte or a word is a ``ValueError``, a 500),
``chosen-multiple/?id=…`` filters ``pk__in`` the same way, and ``create/`` is routed even when the chooser has no
creation form (``self.form`` is ``None``: an ``AttributeError``). Here a value that is not one of the model's
primary keys is no record (404 for one, left out of several), and the creation URL of a chooser without a creation
form is no page (404). Every ``SnippetViewSet`` of ours names :class:`IdSnippetChooserViewSet` as its
``chooser_viewset_class`` (``tests/security/test_no_500_walk.py`` asks each chooser with such values).
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail.snippets.views.chooser import (
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)


def _is_pk(model, value) -> bool:
    try:
        model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return True


class IdSnippetChosenView(SnippetChosenView):
    def get_object(self, pk):
        if not _is_pk(self.model_class, pk):
            raise self.model_class.DoesNotExist
        return super().get_object(pk)


class IdSnippetChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return super().get_objects([pk for pk in pks if _is_pk(self.model_class, pk)])


class FormOnlySnippetCreateView(SnippetCreateView):
    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class IdSnippetChooserViewSet(SnippetChooserViewSet):
    chosen_view_class = IdSnippetChosenView
    chosen_multiple_view_class = IdSnippetChosenMultipleView
    create_view_class = FormOnlySnippetCreateView
