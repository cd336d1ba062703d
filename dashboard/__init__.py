"""AI Alliance Explorer: data model, loading, filtering and figures for the dashboard."""
