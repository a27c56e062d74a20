"""The product's knowledge as plain Python: calendar, codes, protocols, the rule engine.

Nothing here imports SQLAlchemy, Qt or does I/O beyond reading the shipped resource files.
"""
