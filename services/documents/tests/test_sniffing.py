"""The content type of a file comes from its first bytes, never from its name."""
import pytest

from documents.storage import SNIFF_BYTES, sniff_content_type

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64


@pytest.mark.parametrize("head, expected", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
    (PNG, "image/png"),
    (b"Just a note.\nSecond line.\n", "text/plain"),
    ("Протокол совещания".encode(), "text/plain"),
    (b"\x00\x01\x02\x03binary\x00data", "application/octet-stream"),
    (b"", "application/octet-stream"),
])
def test_the_type_is_sniffed_from_the_content(head, expected):
    assert sniff_content_type(head) == expected


def test_text_cut_in_the_middle_of_a_character_at_the_sniffing_limit_is_still_text():
    head = ("Я" * SNIFF_BYTES).encode("utf-8")[:SNIFF_BYTES - 1]  # two-byte letters: the last is cut
    with pytest.raises(UnicodeDecodeError):
        head.decode("utf-8")

    assert sniff_content_type(head) == "text/plain"


def test_invalid_utf_8_inside_the_text_is_binary():
    assert sniff_content_type(b"\xff\xfe" + b"ordinary words " * 10) == "application/octet-stream"


def test_a_byte_that_can_never_start_a_character_is_binary_even_at_the_end():
    # 0xFF is never valid UTF-8: this is not a character cut by the sniffing limit
    assert sniff_content_type(b"ordinary words " * 10 + b"\xff") == "application/octet-stream"
