"""factlint's built-in rules, registered through the ``factlint`` entry point
exactly as a third-party plugin's rules would be."""
