"""Word lists and patterns, kept as data so rules read them instead of growing ``if`` chains."""
