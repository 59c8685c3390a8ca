"""``csr-rating serve``: a private page on this machine where an author drops a draft, answers the
questions, corrects the review items and downloads the report, its scorecard and its rating letter.

One job per module: ``folder`` (the private upload folder), ``uploads`` (receiving a file within the
limits), ``sessions`` (one author's work, per tab), ``work`` (the library calls a session makes),
``views`` (what the page shows), ``guard`` (host, origin and error handling), ``app`` (the routes) and
``run`` (the server's life, from a free port to removing the folder).
"""
