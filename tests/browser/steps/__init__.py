"""Steps of the browser journeys that more than one journey takes (building a world in a thread, checking in,
writing a vacancy)."""
