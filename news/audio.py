"""Audio files of the radio: the format is read from the content, and so are the
duration, bitrate and size, so editors never type them."""

from dataclasses import dataclass
from pathlib import PurePath

import mutagen

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

# extension → (label, MIME type); the MIME type goes into podcast enclosures.
AUDIO_FORMATS = {
    "mp3": ("MP3", "audio/mpeg"),
    "m4a": ("M4A", "audio/mp4"),
    "ogg": ("OGG", "audio/ogg"),
    "wav": ("WAV", "audio/wav"),
}
# What mutagen recognises → the extensions that may carry it.
KINDS = {
    "MP3": {"mp3"},
    "EasyMP3": {"mp3"},
    "MP4": {"m4a"},
    "EasyMP4": {"m4a"},
    "OggVorbis": {"ogg"},
    "OggOpus": {"ogg"},
    "OggFLAC": {"ogg"},
    "OggSpeex": {"ogg"},
    "WAVE": {"wav"},
}


@dataclass(frozen=True)
class AudioInfo:
    """What the file itself says about the recording."""

    extension: str
    duration_seconds: int
    bitrate_kbps: int
    size_bytes: int


def read_audio(file) -> AudioInfo:
    """Reads format, duration and bitrate from the content; ValidationError (Vietnamese) if it
    is not an audio file of an allowed format or its extension lies about it."""
    name = PurePath(getattr(file, "name", "") or "").name
    extension = PurePath(name).suffix.lower().lstrip(".")
    allowed = ", ".join(label for label, _ in AUDIO_FORMATS.values())
    if extension not in AUDIO_FORMATS:
        raise ValidationError(
            gettext("Tệp “%(name)s” không phải định dạng được nhận (%(allowed)s).")
            % {"name": name, "allowed": allowed}
        )
    position = file.tell()
    try:
        file.seek(0)
        audio = mutagen.File(file)
    except Exception as error:
        raise ValidationError(
            gettext("Không đọc được tệp “%(name)s”: nội dung không phải âm thanh %(format)s.")
            % {"name": name, "format": extension.upper()}
        ) from error
    finally:
        file.seek(position)
    kind = type(audio).__name__ if audio is not None else ""
    if extension not in KINDS.get(kind, set()) or not getattr(audio.info, "length", 0):
        raise ValidationError(
            gettext(
                "Nội dung tệp “%(name)s” không phải âm thanh %(format)s "
                "(có thể tệp bị đổi đuôi hoặc bị hỏng)."
            )
            % {"name": name, "format": AUDIO_FORMATS[extension][0]}
        )
    bitrate = getattr(audio.info, "bitrate", 0) or 0
    return AudioInfo(
        extension=extension,
        duration_seconds=round(audio.info.length),
        bitrate_kbps=round(bitrate / 1000),
        size_bytes=file.size,
    )


def validate_audio(file):
    """Model field validator: the content must be audio of an allowed format."""
    read_audio(file)


def format_duration(seconds) -> str:
    """12:05 or 1:02:03, as players show it."""
    seconds = int(seconds or 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
