"""PDF documents with ReportLab: plain data in, a file out; no Qt."""
