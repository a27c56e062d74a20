"""Reading files from outside: the school file (TOML), CSV exports; plain data out, no database."""
