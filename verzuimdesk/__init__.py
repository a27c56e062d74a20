"""VerzuimDesk: attendance, conversations and the regional stappenplan verzuim for a Dutch primary school."""

__version__ = "0.1.0"
