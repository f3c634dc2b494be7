"""Text as the clerk reads and types it: dates and times, roman numerals, lists in prose.

Each idea is written once here and used by the command line, the terminal UI, the
documents and the rules alike. Nothing here knows about meetings.
"""
