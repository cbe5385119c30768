"""The Wagtail admin's groups in the reader's language: the list and every label show a role's translated name.

Wagtail shows ``group.name`` as stored. The roles are stored under stable English names (``lms.roles``), so the
list's column and the group editor read ``roles.group_label``; elsewhere (a person's roles, the users list's
filter, page privacy, workflow tasks) a group is shown through ``str(group)``, which ``LmsConfig.ready`` points at
the same label. A role's name cannot be changed in the editor: the site finds the role by it.

Permissions are stored with Django's English names ("Can add question"); ``permission_str`` (``str(permission)``,
e.g. the page permissions' checkbox labels) and the object permissions' table (``templates/wagtailusers/``) read them
translated.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.forms import GroupForm
from wagtail.users.views import groups

from lms import roles

DEFAULT_PERMISSION_LABELS = {
    "add": _("Can add %(object)s"),
    "change": _("Can change %(object)s"),
    "delete": _("Can delete %(object)s"),
    "view": _("Can view %(object)s"),
}


def group_str(group) -> str:
    return roles.group_label(group.name)


def permission_str(permission) -> str:
    """Django's "<app> | <model> | <name>", the name translated: a default permission by its action and the model's
    verbose name, any other through the catalogues (a plugin's ``Meta.permissions`` names are translatable)."""
    content_type = permission.content_type
    action, _separator, model = permission.codename.partition("_")
    if action in DEFAULT_PERMISSION_LABELS and model == content_type.model:
        label = DEFAULT_PERMISSION_LABELS[action] % {"object": content_type.name}
    else:
        label = gettext(permission.name)
    return f"{content_type} | {label}"


class RoleGroupForm(GroupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.name in roles.ROLES:
            self.fields["name"].disabled = True
            self.fields["name"].help_text = _("A role of the site, shown as “%(label)s”; its name cannot change.") % {
                "label": roles.group_label(self.instance.name)
            }


class GroupIndexView(groups.IndexView):
    columns = [
        TitleColumn(
            "name",
            accessor=group_str,
            label=_("Name"),
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView

    def get_form_class(self, for_update=False):
        return RoleGroupForm
