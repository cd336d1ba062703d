"""Starting servers and browsers for tests, benchmarks and scripts: one copy of each, so all three wait alike."""
