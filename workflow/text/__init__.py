"""Text the clerk reads and types: dates, names, numerals and the typed fields of the minutes.

Each idea is written once here and used by the command line, the terminal UI, the
documents and the rules alike.
"""
