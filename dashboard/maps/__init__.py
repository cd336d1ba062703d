"""The world map: representative places, points and cells, counts by country, map figures and presets."""
