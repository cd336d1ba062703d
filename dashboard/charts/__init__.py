"""Chart machinery every domain shares: style (headings, legends, text), theme (colours), table (a figure's numbers)."""
