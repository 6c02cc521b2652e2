"""TIMEX3 values as TimeML and TempEval-3 write them: durations keep their number, relative dates
count from the right anchor, the present and the past by name, and words that only look like times.
Sentences are the project's own; the publication date is Wednesday 12 March 2025."""
from __future__ import annotations

import datetime as dt

import pytest

from casefile.extract import Parsed
from casefile.extract.times import extract
from casefile.models import Document

PUBLISHED = dt.date(2025, 3, 12)


def times(nlp, text: str, anchor: dt.date | None = PUBLISHED) -> dict[str, tuple[str | None, str]]:
    found = extract(Parsed(document=Document(id="t", source="t", text=text), doc=nlp(text), anchor=anchor))
    for t in found:
        assert text[t.start:t.end] == t.text
    return {t.text: (t.value, t.type) for t in found}


@pytest.mark.parametrize("sentence, extent, value", [
    ("The reporter was held for 90 days without charge.", "90 days", "P90D"),
    ("She was handed a three-year sentence.", "three-year", "P3Y"),
    ("The siege lasted twenty four hours.", "twenty four hours", "PT24H"),
    ("The siege lasted twenty-four hours.", "twenty-four hours", "PT24H"),
    ("He spent 2 1/2 years in a labour camp.", "2 1/2 years", "P2.5Y"),
    ("Exiles have waited a decade to return.", "a decade", "P10Y"),
    ("The blockade has gone on for decades.", "decades", "PXY"),
    ("A decades-long feud ended.", "decades-long", "PXY"),
    ("Talks ran for two weeks.", "two weeks", "P2W"),
    ("The hearing took four hours.", "four hours", "PT4H"),
    ("Protests grew in recent months.", "recent months", "PXM"),
])
def test_a_duration_keeps_its_number(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent] == (value, "DURATION")


@pytest.mark.parametrize("sentence, extent, value", [
    # the publication date is the anchor for what the article says in its own voice
    ("The ministry banned the paper last month.", "last month", "2025-02"),
    ("In January this year, officers raided the office.", "January this year", "2025-01"),
    ("In June last year, the leaders met.", "June last year", "2024-06"),
    ("The editor was shot last Oct. 23 outside his home.", "last Oct. 23", "2024-10-23"),
    # a weekday: what was said looks back, what is scheduled (present tense, modal, future) looks ahead
    ("The minister said Monday that talks had failed.", "Monday", "2025-03-10"),
    ("The minister meets the envoy Monday.", "Monday", "2025-03-17"),
    ("The envoy could arrive as early as Friday.", "Friday", "2025-03-14"),
    # what someone said on an earlier written date counts from that date
    ("On March 3, 2019, the ministry said the raid took place last month.", "last month", "2019-02"),
    ("On March 3, 2019, police said the activist had been arrested yesterday.", "yesterday", "2019-03-02"),
    # a narrative counts on from the date it is at
    ("The court sat on May 22, 1995, and the following year it was dissolved.", "the following year", "1996"),
    ("The decree came in March 2019. The following month, the first arrests were made.", "The following month",
     "2019-04"),
    ("He was jailed in 2015. The year before, he had fled the capital.", "The year before", "2014"),
    ("She was freed in 2016. Later that year she left the country.", "Later that year", "2016"),
])
def test_relative_dates_count_from_the_right_anchor(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent][0] == value


def test_last_month_in_a_law_named_by_its_year_still_counts_from_publication(nlp):
    found = times(nlp, "A law passed in March 2019 was used last month to jail him.")
    assert found["last month"][0] == "2025-02"


@pytest.mark.parametrize("sentence, extent, value", [
    # a year written earlier in the sentence frames the dates of its own clause and those below it ...
    ("In 2019, he was arrested in May.", "May", "2019-05"),
    ("On May 2, 2019, police raided the office, and on June 5 they returned.", "June 5", "2019-06-05"),
    # ... not those of a clause it does not govern
    ("A law passed in 2015 was used in May to jail him.", "May", "2024-05"),
])
def test_a_year_in_the_sentence_frames_only_its_own_clause(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent][0] == value


@pytest.mark.parametrize("sentence, extent, value", [
    # a past perfect tells a plan or a limit from after it: the day is behind us
    ("The ultimatum had been due to expire Friday evening.", "Friday evening", "2025-03-07TEV"),
    ("Until Thursday, the police had not named him as a suspect.", "Thursday", "2025-03-06"),
    ("The talks will go on until Friday.", "Friday", "2025-03-14"),
    # an attempt that failed is reported after it; an ability looks ahead
    ("The mayor could not be reached for comment Tuesday.", "Tuesday", "2025-03-11"),
    ("Neither the mayor nor his deputy could be found Tuesday.", "Tuesday", "2025-03-11"),
    ("The envoy could arrive Friday.", "Friday", "2025-03-14"),
    # a day named for what happened on it ("Tuesday's ruling") is one the story knows
    ("Lawyers vowed to appeal Tuesday's ruling.", "Tuesday", "2025-03-11"),
    ("The strike follows Monday's vote by the union.", "Monday", "2025-03-10"),
    ("Voters go to the polls in next Tuesday's election.", "next Tuesday", "2025-03-18"),
    # "the previous Friday" counts back from the day the story is at, not from publication
    ("Shares fell on Friday, March 7, after rising the previous Friday.", "previous Friday", "2025-02-28"),
    # an announced change starts to apply ahead, whatever the tense of the announcement
    ("The bank named her chairman, effective June 1.", "June 1", "2025-06-01"),
    ("The rule has applied since June 1.", "June 1", "2024-06-01"),
])
def test_a_weekday_or_day_looks_back_or_ahead_as_the_clause_says(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent][0] == value


@pytest.mark.parametrize("sentence, extent, value, anchor", [
    # what a past verb sets in motion ("agreed to buy") comes after it: the date nearest publication
    ("The alliance has decided to admit the new members in early April.", "early April", "2025-04", PUBLISHED),
    ("The committee subpoenaed the minister to testify on May 10.", "May 10", "2025-05-10", PUBLISHED),
    ("Police asked the editor to report on March 3.", "March 3", "2025-03-03", PUBLISHED),
    ("Shortages made it hard for the firm to meet demand well into the summer.", "the summer", "2024-SU",
     dt.date(2024, 10, 20)),
    # a plan told in the past tense: the planned day nearest publication, on either side
    ("A memorial planned for Saturday was called off.", "Saturday", "2025-03-15", dt.date(2025, 3, 16)),
    ("The delegation planned to leave on Thursday.", "Thursday", "2025-03-13", PUBLISHED),
])
def test_a_plan_told_in_the_past_may_still_lie_ahead(nlp, sentence, extent, value, anchor):
    assert times(nlp, sentence, anchor=anchor)[extent][0] == value


@pytest.mark.parametrize("sentence, extent, value", [
    ("Flights leave on Monday and Tuesday nights.", "Monday", "XXXX-WXX-1TNI"),
    ("Flights leave on Monday and Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ("The market is shut on Sundays.", "Sundays", "XXXX-WXX-7"),
])
def test_a_plural_weekday_is_every_such_day(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent] == (value, "SET")


@pytest.mark.parametrize("sentence, extent, value", [
    ("Talks broke off at noon Tuesday.", "noon Tuesday", "2025-03-11T12:00"),
    ("The offer lapsed at midnight Friday.", "midnight Friday", "2025-03-07T24:00"),
    ("The blast came at 10:35 a.m. (0735 GMT) Monday, police said.", "10:35 a.m.", "2025-03-10T10:35"),
])
def test_a_clock_time_takes_the_day_written_after_it(nlp, sentence, extent, value):
    found = times(nlp, sentence)
    assert found[extent] == (value, "TIME")
    assert "0735 GMT" not in found                # the same moment restated in another zone is not a second time


@pytest.mark.parametrize("sentence, extent, value", [
    ("The strike began in May 2010.", "May 2010", "2010-05"),
    ("Prices peaked in September of 2008.", "September of 2008", "2008-09"),
    ("The rally was held in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    ("The new rules take effect in the year two thousand.", "the year two thousand", "2000"),
    ("Members met in the third quarter.", "the third quarter", "2024-Q3"),
    ("The group was banned in the nineties.", "the nineties", "199"),
    ("Relatives have not seen him since last Thanksgiving.", "last Thanksgiving", "2024-11-28"),
    ("Crowds gathered on Christmas Eve.", "Christmas Eve", "2024-12-24"),
    ("The fabled 11th century temple drew crowds.", "11th century", "10"),
    ("It was the bloodiest war of the twentieth century.", "the twentieth century", "19"),
    ("The post-1959 laws split families.", "1959", "1959"),
    ("The summit meets on April 24 and 25.", "25", "2025-04-25"),
    ("The slump will last through the first two quarters of 2026.", "the first two quarters of 2026", "2026-H1"),
    ("Sales fell in the last three months of 2023.", "the last three months of 2023", "2023-Q4"),
    ("The day before last Tuesday's hearing, he met the judge.", "The day before last Tuesday", "2025-03-10"),
])
def test_a_month_year_and_named_periods_keep_their_parts(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent][0] == value


@pytest.mark.parametrize("sentence, extent, value", [
    ("Third-quarter profit fell to $3 million from $5 million a year earlier.", "a year earlier", "2023-Q3"),
    ("Third-quarter profit fell, compared with year-earlier profit of $5 million.", "year-earlier", "2023-Q3"),
    ("Sales rose in February compared with the same period last year.", "the same period last year", "2023-02"),
    ("Profit rose in the third quarter; the year-ago quarter had a loss.", "the year-ago quarter", "2023-Q3"),
    ("Profit rose in the third quarter, above the 1988 quarter.", "the 1988 quarter", "1988-Q3"),
])
def test_a_year_earlier_is_the_same_period_a_year_back(nlp, sentence, extent, value):
    assert times(nlp, sentence, anchor=dt.date(2024, 10, 20))[extent][0] == value


@pytest.mark.parametrize("sentence, extent, value", [
    ("Sales in the latest quarter were flat.", "the latest quarter", "2024-Q3"),
    ("Profit doubled in the second quarter. Sales in the latest period rose 4%.", "the latest period", "2024-Q2"),
    ("Revenue in the most recent fiscal year was $4 million.", "the most recent fiscal year", "2023"),
    ("The loss widened in the latest half.", "the latest half", "2024-H1"),
    ("Profit doubled in the second quarter, and revenue rose 4% in the quarter.", "the quarter", "2024-Q2"),
    ("The bank lost money in the quarter.", "the quarter", "2024-Q3"),
    ("The retailer lost money in the quarter ended July 31.", "the quarter", "2024-Q2"),
])
def test_the_latest_period_is_the_one_a_report_covers(nlp, sentence, extent, value):
    assert times(nlp, sentence, anchor=dt.date(2024, 10, 20))[extent][0] == value


@pytest.mark.parametrize("sentence, extent, value", [
    # a fiscal year named by its end has no calendar value: a year's length, anchored at that end
    ("Revenue was $76 million for the year ended March 31.", "the year", ("P1Y", "DURATION")),
    ("In the fiscal year ended Jan. 31, sales rose.", "the fiscal year", ("P1Y", "DURATION")),
    # one that ends on Dec. 31 is that calendar year
    ("Net income rose in the year ended Dec. 31, 2022.", "the year", ("2022", "DATE")),
    ("Net income rose in the year ended Dec. 31.", "the year", ("2023", "DATE")),
])
def test_a_year_named_by_its_end(nlp, sentence, extent, value):
    assert times(nlp, sentence, anchor=dt.date(2024, 10, 20))[extent] == value



def test_a_quarter_of_a_century_is_not_a_reporting_quarter(nlp):
    assert "the quarter" not in times(nlp, "It was the quarter of a century since the coup.")


@pytest.mark.parametrize("sentence, extent, value", [
    ("The camp is now run by the army.", "now", "PRESENT_REF"),
    ("Now the law is used against reporters.", "Now", "PRESENT_REF"),
    ("Under the current system, appeals take years.", "current", "PRESENT_REF"),
    ("He is currently held in the capital.", "currently", "PRESENT_REF"),
    ("Her lawyer, speaking at the time, said she feared arrest.", "the time", "PAST_REF"),
    ("The lawyers asked for a hearing as soon as possible.", "as soon as possible", "FUTURE_REF"),
    ("The group has recently been banned.", "recently", "PAST_REF"),
    ("Holders could buy shares at half the then current price.", "then current", "PAST_REF"),
    # "a few years ago" and "one day" name some time back or ahead, with no date to give
    ("The paper was shut a few years ago.", "a few years ago", "PAST_REF"),
    ("Support fell from 60 percent several years ago.", "several years ago", "PAST_REF"),
    ("She hopes the camp will one day be closed.", "one day", "FUTURE_REF"),
    ("One day, the guards took him away.", "One day", "PAST_REF"),
])
def test_the_present_and_the_past_by_name(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent] == (value, "DATE")


@pytest.mark.parametrize("sentence, extent, value", [
    ("The strike lasted one day.", "one day", "P1D"),
    ("He had been in the post one day when he was arrested.", "one day", "P1D"),
    ("The paper was shut two years ago.", "two years ago", "2023"),
])
def test_a_counted_day_or_year_keeps_its_length_or_date(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent][0] == value


@pytest.mark.parametrize("sentence, not_a_time", [
    ("Now that the verdict is in, the family will appeal.", "Now"),
    ("Now, consider what the court said.", "Now"),
    ("The now-banned group met in secret.", "now"),
    ("They will leave as soon as the court rules.", "soon"),
    ("He was released soon after the hearing.", "soon"),
    ("At the time he was arrested, he was a student.", "time"),
    ("There were six members at the time of its founding.", "time"),
    ("A strong current swept the boat away.", "current"),
    ("The current account deficit widened.", "current"),
    ("Iraq imports about three-quarters of its food.", "quarters"),
    ("Officials met Jan Novak and Dec Holm in the city.", "Jan"),
    ("Officials met Jan Novak and Dec Holm in the city.", "Dec"),
    ("The app, iLife'11, was released.", "'11"),
    ("Riots have marred the past three summers.", "the past"),
    ("The poll was first reported by KLX Today.", "Today"),
    ("She spoke about the case on The Tonight Hour.", "Tonight"),
    ("For the ruling party, high noon has come.", "noon"),
    ("Prices rose on March 3 and 4 points on March 5.", "4"),
    ("He left the day before the election.", "day"),
    ("The flight leaves at 4 in the morning.", "the morning"),
])
def test_words_that_only_look_like_times_are_not_times(nlp, sentence, not_a_time):
    found = times(nlp, sentence)
    assert not any(not_a_time in text for text in found), found


@pytest.mark.parametrize("sentence, extent, value", [
    ("Today the court ruled against him.", "Today", "2025-03-12"),
    ("THE COURT RULED TODAY.", "TODAY", "2025-03-12"),
    ("The court will rule at noon.", "noon", "2025-03-12T12:00"),
])
def test_a_day_word_outside_a_title_is_still_a_time(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent][0] == value


@pytest.mark.parametrize("sentence, extent, value", [
    ("The firm expects growth in 1990 and beyond.", "1990 and beyond", "1990"),
    ("The plant will not reopen until 2027 or later.", "2027 or later", "2027"),
])
def test_an_open_bound_stays_in_the_extent(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent][0] == value


def test_a_later_clause_is_not_an_open_bound(nlp):
    found = times(nlp, "Prices rose in May and later in June.")
    assert "May" in found and "June" in found


@pytest.mark.parametrize("sentence, extent, value", [
    ("The fund paid $2 million a year in interest.", "a year", "P1Y"),
    ("Guards patrol the camp 24 hours a day.", "a day", "P1D"),
])
def test_a_rate_is_how_often_not_how_long(nlp, sentence, extent, value):
    assert times(nlp, sentence)[extent] == (value, "SET")
