"""The public search: Vietnamese, accent-insensitive, and never showing what is not public.

- analyzer.py: the Vietnamese analyzer (the only module importing Whoosh)
- backend.py: haystack engines using it (Whoosh by default, Elasticsearch 7 by settings)
- indexing.py: the one rule of what is indexable, and the fields of every entry
- signals.py: the signal processor keeping the index true on publish, unpublish, move,
  delete, view-restriction and Site changes
- forms.py, views.py: /tim-kiem/ and /opensearch.xml

Page types are indexed by their apps' search_indexes.py; portal imports none of them.
"""
