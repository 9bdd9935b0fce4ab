"""Public reading views for papers: accessible HTML page by page, and the original PDF."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from documents.models import Document, Page
from documents.redaction import public_pdf


@require_safe
def document_detail(request, pk):
    document = get_object_or_404(
        Document.objects.public().select_related("meeting__committee"), pk=pk
    )
    pages = Page.objects.filter(document=document).annotate_withheld()
    return render(request, "documents/document_detail.html", {"document": document, "pages": pages})


@require_safe
def document_pdf(request, pk):
    document = get_object_or_404(Document.objects.public(), pk=pk)
    stream = public_pdf(document)
    if stream is None:
        raise Http404("This paper is not available.")
    filename = f"{document.meeting.committee.slug}-{document.meeting.date}-{document.kind}.pdf"
    return FileResponse(stream, content_type="application/pdf", filename=filename)
