"""The two coalitions: the AI Alliance beside the Frontier Model Forum, their members and dated changes."""
