from __future__ import annotations

from casefile.ingest import dedup

WIRE = ("Security forces in the northern province of Vell detained eleven people on Tuesday after a protest "
        "against a new land law, according to two witnesses and a local rights monitor. The detainees include "
        "a schoolteacher and two students, the monitor said, adding that families had not been told where they "
        "were held. The provincial police did not respond to requests for comment. The land law, passed in March, "
        "lets the state seize farmland for industrial zones with little compensation, critics say.")


def test_the_same_wire_story_on_two_sites_is_a_near_duplicate():
    site_a = "Eleven held after Vell land protest\n" + WIRE + "\nCopyright Site A."
    site_b = "Vell: police detain 11 protesters\n" + WIRE + "\nRead more on Site B."
    sim = dedup.similarity(dedup.signature(site_a), dedup.signature(site_b))
    assert sim >= dedup.NEAR_DUPLICATE_JACCARD
    assert set(dedup.bands(dedup.signature(site_a))) & set(dedup.bands(dedup.signature(site_b)))


def test_two_different_stories_on_the_same_topic_are_not_duplicates():
    other = ("A court in Vell sentenced a blogger to four years in prison on Friday for posts criticising the "
             "land law, his lawyer said. The blogger had written about farmers who lost land to an industrial "
             "zone. Prosecutors said the posts distorted state policy. The lawyer said his client would appeal.")
    assert dedup.similarity(dedup.signature(WIRE), dedup.signature(other)) < 0.2


def test_signatures_are_stable_across_calls():
    assert dedup.signature(WIRE) == dedup.signature(WIRE)
    assert len(dedup.signature(WIRE)) == dedup.NUM_PERM
    assert len(dedup.bands(dedup.signature(WIRE))) == dedup.BANDS


def test_a_very_short_text_still_gets_a_signature():
    assert len(dedup.signature("Too short")) == dedup.NUM_PERM
