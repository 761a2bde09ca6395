"""Shudarga: anti-corruption action plans and reports of Mongolian public organizations."""
