"""What the server process needs beyond pages: the memory trimmer."""
