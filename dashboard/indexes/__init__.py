"""The two imported indexes (Transparency Index, openness index): schema, load, transform, figures."""
