"""Small widgets and models the desk's pages and the dossier share."""
