"""Use cases: the only door the UI and the command line use. Plain arguments in, plain results out.

Each service opens and closes its own unit of work (`with db.begin() as session:`).
"""
