"""Podcast RSS 2.0 with the itunes namespace, for the whole radio or one programme."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext

from .audio import format_duration

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
FEED_LENGTH = 100


class ItunesRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the channel and item elements podcast apps require."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement("itunes:author", self.feed["itunes_author"])
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:category", "", {"text": self.feed["itunes_category"]})
        if self.feed.get("itunes_image"):
            handler.addQuickElement("itunes:image", "", {"href": self.feed["itunes_image"]})
        handler.addQuickElement("itunes:summary", self.feed["description"])

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", item["itunes_duration"])
        handler.addQuickElement("itunes:explicit", "false")


class PodcastFeed(Feed):
    """Newest episodes with an enclosure each: absolute URL, length in bytes, MIME type."""

    feed_type = ItunesRssFeed
    language = "vi"

    def get_object(self, request, index, programme):
        self.request = request
        self.programme = programme
        return index

    def title(self, index):
        return f"{index.title}: {self.programme.name}" if self.programme else index.title

    def link(self, index):
        return index.get_full_url(request=self.request)

    def description(self, index):
        if self.programme and self.programme.description:
            return self.programme.description
        return index.intro or gettext("Các chương trình phát thanh của %(site)s.") % {
            "site": index.get_site().site_name
        }

    def feed_extra_kwargs(self, index):
        image = None
        if index.podcast_image:
            rendition = index.podcast_image.get_rendition("fill-1400x1400|format-jpeg")
            image = self.request.build_absolute_uri(rendition.url)
        return {
            "itunes_author": index.podcast_author or index.get_site().site_name,
            "itunes_category": index.podcast_category or "Government",
            "itunes_image": image,
        }

    def items(self, index):
        episodes = index.episodes()
        if self.programme:
            episodes = episodes.filter(programme=self.programme)
        return episodes[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_guid(self, item):
        return item.get_full_url(request=self.request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return item.broadcast_at

    def item_enclosures(self, item):
        url = self.request.build_absolute_uri(item.audio.url)
        return [Enclosure(url, str(item.size_bytes), item.audio_type)]

    def item_extra_kwargs(self, item):
        return {"itunes_duration": format_duration(item.duration_seconds)}
