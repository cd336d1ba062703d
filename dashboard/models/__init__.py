"""Models and initiatives: the page content, our grades, what counts as open, the release gradient."""
