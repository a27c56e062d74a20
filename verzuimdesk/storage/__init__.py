"""Storage: SQLAlchemy models, Alembic migrations, opening a database, backups."""
