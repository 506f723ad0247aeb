"""Sociaal Veilig Parkstad."""

APP_NAME = "Sociaal Veilig Parkstad"
"""The program's name: window titles, the PDFs' creator, the desktop entry's Name."""
APP_ID = "nl.parkstad.SociaalVeilig"
"""Reverse-DNS id: the desktop entry, the metainfo and the icon files are named after it."""
