"""Full-text search across published papers, agenda items and resolutions.

``query`` parses the user's words into a small tree; ``backends`` turn it into PostgreSQL
tsquery or SQLite FTS5 and rank matches; ``service`` bounds the work, merges the kinds and
builds the results the API (``api``) and the page (``views``) show.
"""
