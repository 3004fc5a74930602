"""Turns a refused publication of a secret document into a message, not a server error."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from .security import SecretDocumentError


class SecretDocumentErrorMiddleware:
    """Admin paths that publish without our editor form (workflow approval, bulk publish,
    publishing a section with its children) meet the model's guard, which refuses and
    rolls the whole action back. The editor is sent back with the reason."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, SecretDocumentError):
            return None
        for message in exception.messages:
            messages.error(request, message)
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/admin/"
        return redirect(back)
