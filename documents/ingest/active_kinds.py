"""The kinds of active content a PDF can carry, each named as a clerk would be told of it.

Both checks (``object_scan``, which reads the file's objects, and ``viewer_actions``, which
asks pdfium, the engine that renders it) report findings as these strings.
"""

from __future__ import annotations

JAVASCRIPT = "JavaScript"
LAUNCH = "a link that starts another program"
EMBEDDED = "embedded files (attachments)"
XFA = "an XFA form, which can run scripts"
RICH_MEDIA = "video, sound or 3D content (rich media)"
FORM_ACTIONS = "form fields that run actions or send what is typed into them"
AUTOMATIC = "actions that run by themselves as the PDF is read"
NESTED = "nested or looping objects"

# In the order a clerk is told of them.
PUBLISHED_ORDER = (JAVASCRIPT, LAUNCH, EMBEDDED, XFA, RICH_MEDIA, FORM_ACTIONS, AUTOMATIC)

# Not a finding: part of the file's objects could not be read structurally, so pdfium's own
# reading of the file is scanned as well.
UNREADABLE = "objects the structural check could not read"
