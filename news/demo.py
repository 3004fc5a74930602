"""Sample news for the fictional district (filled in below)."""


def seed_news(home, stdout=None):
    """Adds the news sections and sample articles under the district home page."""
