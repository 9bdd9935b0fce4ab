from django.conf import settings


def site(request):
    return {
        "organisation": settings.PORTAL_ORGANISATION,
        "email_configured": settings.EMAIL_CONFIGURED,
    }
