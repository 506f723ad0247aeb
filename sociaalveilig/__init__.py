"""Sociaal Veilig Parkstad."""
