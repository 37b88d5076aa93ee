"""Send applicants who open the dashboard before approval to their application's page."""

from django.shortcuts import redirect
from django.urls import reverse

from vendors.selectors import application_for_user


class ApplicantDashboardMiddleware:
    """A signed-in applicant without dashboard access would get Oscar's bare 403 there;
    they see where their application stands instead (under review, or why it was refused)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_staff
            and request.path.startswith(reverse("dashboard:index"))
            and request.path not in (reverse("dashboard:logout"), reverse("dashboard:login"))
            and not user.has_perm("partner.dashboard_access")
            and application_for_user(user=user) is not None
        ):
            return redirect("vendors:application")
        return self.get_response(request)
