"""The figures a leader signs, built from SQL aggregates that storage hands in. No Qt, no SQL."""
