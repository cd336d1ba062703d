"""Membership over time: dated events, the series drawn from them, and the timeline figure."""
