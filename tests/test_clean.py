from __future__ import annotations

import pytest

from casefile.ingest.clean import clean, furniture_reason

from .conftest import needs_seeds, seed_path


@pytest.mark.parametrize("line, reason", [
    ("Play Live Radio", "player"),
    ("Next Up:", "player"),
    ("0:00 0:00", "player"),
    ("Available On Air Stations", "player"),
    ("© 2024 Example Public Radio", "copyright"),
    ("Copyright 2024 Example News. To see more, visit https://example.org.", "copyright"),
    ("Share on Facebook", "share"),
    ("Subscribe to our newsletter", "share"),
    ("AFP via Getty Images", "credit"),
    ("Advertisement", "player"),
    ("Mara Velin/Vell Radio", "credit"),
    ("FOR IMMEDIATE RELEASE", "release"),
    ("For more information, please contact:", "release"),
    ("In Vell, Ana Rell (English, French): +44-20-555-0100; or press@example.org", "release"),
    ("###", "release"),
])
def test_site_furniture_lines_are_recognised(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Copyright law was at the centre of the dispute, the court said.",
    "The activist said she would share the letter with reporters on Monday.",
    "Police arrested three people in the capital on Sunday.",
    "Listen to the people, the protesters chanted as they marched through the old town square.",
    "The group said it had written to the ministry at info@ministry.example and received no reply in six weeks, "
    "despite two reminders sent by registered mail.",
    "Police arrested 12 people in total: 4 students and 8 workers.",
    "He was sentenced on Monday.",
    "",
])
def test_article_sentences_are_not_furniture(line):
    assert furniture_reason(line) is None


def test_a_caption_shown_twice_is_kept_once():
    caption = "Protesters gather outside the provincial court in Kestria on May 2, 2024."
    raw = f"Headline here\n\n{caption}\nReuters/Photographer\n{caption}\n\nThe body of the story follows."
    out = clean(raw)
    assert out.text.count(caption) == 1
    assert "Reuters/Photographer" not in out.text
    assert "The body of the story follows." in out.text


def test_offsets_of_cleaned_text_map_back_to_the_raw_text():
    raw = "Play Live Radio\n0:00 0:00\n\nFirst paragraph here.\n\nSecond paragraph.\n© 2024 Some Radio"
    out = clean(raw)
    assert out.text == "First paragraph here.\n\nSecond paragraph."
    i = out.text.index("Second")
    assert out.raw[out.to_raw(i):out.to_raw(i) + 6] == "Second"
    for clean_start, raw_start, length in out.segments:
        assert out.text[clean_start:clean_start + length] == out.raw[raw_start:raw_start + length]


def test_paragraph_breaks_are_kept_and_line_breaks_stay_single():
    out = clean("One.\nTwo.\n\n\n\nThree.")
    assert out.text == "One.\nTwo.\n\nThree."


@needs_seeds
def test_the_radio_page_seed_loses_its_player_and_footer_but_keeps_the_story():
    out = clean(seed_path("002").read_text(encoding="utf-8"))
    for furniture in ("Play Live Radio", "Next Up:", "0:00 0:00", "Available On Air Stations",
                      "KVNF Public Radio", "To see more, visit"):
        assert furniture not in out.text
    assert out.text.startswith("As Vietnam grows ties")
    assert "Updated March 11, 2024" in out.text
    assert out.text.rstrip().endswith("He covers Chinese affairs.")
