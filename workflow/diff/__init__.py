"""What changed between two versions of a meeting, word by word, in a clerk's terms."""
