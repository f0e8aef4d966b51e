"""Root pytest configuration: which files the doctest collector must not import."""

# Importing __main__ would run the command line.
collect_ignore = ["src/purge1930s/__main__.py"]
