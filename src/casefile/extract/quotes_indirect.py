"""Reported speech: the clause a reporting verb governs, without the speaker and the cue.

"X said (that) CLAUSE", "CLAUSE, X said", "A, he said, B", "according to X, CLAUSE", "as X noted,
CLAUSE" and "X announced PHRASE".
"""
from __future__ import annotations

from .lexicon import mentions as mw
from .lexicon import quotes as lx
from .quotes_rules import within
from .quotes_speaker import lender


def _is_according(cue) -> bool:
    """'According to X, ...' / '..., according to X' naming a source (not numbers or a rule)."""
    if cue.lower_ not in lx.ACCORDING_HEADS:
        return False
    prep = next((c for c in cue.children if c.lower_ == lx.ACCORDING_PREP), None)
    source = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if source is None or source.lemma_.lower() in lx.DATA_SOURCE_NOUNS or source.lower_ in lx.DATA_SOURCE_NOUNS:
        return False
    at_edge = cue.i == cue.sent.start or cue.doc[cue.i - 1].text in lx.ACCORDING_BEFORE
    return at_edge


def _is_put_it(tok) -> bool:
    """'As the professor put it, ...': words reported without a verb of saying."""
    if tok.lemma_.lower() != lx.PUT_IT_VERB:
        return False
    deps = {(c.dep_, c.lower_) for c in tok.children}
    return ("dobj", lx.PUT_IT_OBJECT) in deps and ("mark", lx.PUT_IT_MARK) in deps


def _is_in_total(tok) -> bool:
    """'All told, the town spent ...': an idiom for "in total", with nothing told."""
    doc = tok.doc
    if tok.lemma_.lower() != lx.IN_TOTAL_VERB or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    before = doc[tok.i - 1]
    # set off on both sides: "All told, ..." or "..., all told, ..."; "They all told us" is speech
    opens = before.is_sent_start or doc[before.i - 1].is_punct
    return (before.lower_ == lx.IN_TOTAL_SUBJECT and opens and doc[tok.i + 1].is_punct
            and not any(c.dep_ in ("dobj", "dative") for c in tok.children))


def is_cue(tok) -> bool:
    """A reporting verb, or the head of "according to"."""
    if _is_according(tok):
        return True
    if tok.pos_ not in ("VERB", "AUX"):     # before the lemma: most tokens stop here
        return False
    lemma = tok.lemma_.lower()
    if lemma not in lx.REPORTING_VERBS:
        return _is_put_it(tok)
    if _is_in_total(tok):
        return False
    # "did not say" attributes nothing; "is called"/"was described" names, not speech.
    if any(c.dep_ == "neg" and c.lower_ in lx.NEGATIONS for c in tok.children):
        return False
    if lemma in lx.OWN_SUBJECT_VERBS and not any(c.dep_ in mw.SUBJECT_DEPS for c in tok.children):
        return False
    deps = {c.dep_ for c in tok.children}
    if tok.dep_ == "conj" and "nsubj" not in deps and any(c.dep_ == "auxpass" for c in tok.head.children):
        deps.add("auxpass")     # "was summoned and warned that ...": passive too
    return "auxpass" not in deps or lemma in lx.QUOTING_VERBS or "agent" in deps


def _is_tail(cue) -> bool:
    """'CLAUSE, his aide told the paper.': the parser may make the attribution a second
    conjunct of the clause it reports. It is one when it has its own subject, follows the
    clause after a comma with no "and" or "but", and reports no clause of its own."""
    host = cue.head
    if cue.dep_ != "conj" or host.i >= cue.i or not any(c.dep_ in mw.SUBJECT_DEPS for c in cue.children):
        return False
    if any(c.dep_ in mw.CLAUSE_DEPS for c in cue.children):
        return False
    if any(c.dep_ == "cc" and host.i < c.i < cue.i for c in host.children):
        return False
    before = cue.doc[cue.left_edge.i - 1] if cue.left_edge.i > 0 else None
    return before is not None and before.text == lx.CLAUSE_END


def _is_as_aside(cue) -> bool:
    """'..., as the mayor noted, CLAUSE': the aside attributes the sentence it hangs on, when
    it has a subject and no words of its own ("just as she said she would" has)."""
    children = list(cue.children)
    return (cue.dep_ == "advcl" and cue.head.i != cue.i
            and any(c.dep_ == "mark" and c.lower_ == lx.AS_ASIDE_MARK for c in children)
            and any(c.dep_ in mw.SUBJECT_DEPS for c in children)
            and not any(c.dep_ in lx.OWN_OBJECT_DEPS for c in children))


def _message_phrase(cue) -> list | None:
    """What was said or asked for, named by a phrase when the verb takes no clause:
    'announced his candidacy', 'explained the process', 'asked the court to delay the trial',
    'asked for a recount'. PolNeAR annotates each as reported speech."""
    lemma, children = cue.lemma_.lower(), list(cue.children)
    if any(c.dep_ in mw.CLAUSE_DEPS for c in children):
        return None
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > cue.i and c.pos_ in lx.MESSAGE_OBJECT_POS), None)
    answer = next((c for c in children if c.i > cue.i and _is_answer(c)), None) \
        if lemma in lx.ANSWERING_VERBS else None
    if answer is not None:
        return list(answer.subtree)
    if lemma in lx.MESSAGE_OBJECT_VERBS:
        return list(obj.subtree) if obj is not None else None
    if lemma not in lx.QUESTION_VERBS:
        return None
    asked = next((c for c in children if c.dep_ == "dobj" and c.i > cue.i), None)
    todo = next((c for c in children if c.dep_ == lx.OPEN_COMPLEMENT_DEP and c.i > cue.i and c.tag_ == lx.INFINITIVE_TAG), None)
    if asked is not None and todo is not None:
        return list(asked.subtree) + list(todo.subtree)
    prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == lx.REQUEST_PREP and c.i > cue.i), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in lx.MESSAGE_OBJECT_POS), None) \
        if prep is not None else None
    return list(pobj.subtree) if pobj is not None else None


def _is_answer(tok) -> bool:
    """'46 percent said yes', 'a third said the same of the bridge': the answer is what was said."""
    return (tok.dep_ in lx.ANSWER_DEPS and tok.lower_ in lx.ANSWER_WORDS) or \
        (tok.dep_ == "dobj" and tok.lower_ in lx.SAME_WORDS)


def _clause_tokens(cue) -> list | None:
    """Tokens of the reported clause, or None when cue reports no clause."""
    if _is_according(cue) or cue.dep_ == "parataxis" or _is_tail(cue) or _is_as_aside(cue):
        host = cue.head
        if host.i == cue.i:
            return None
        skip = {t.i for t in cue.subtree}
        return [t for t in host.subtree if t.i not in skip]
    comps = [c for c in cue.children if c.dep_ in mw.CLAUSE_DEPS]
    if not comps:   # "told reporters that ...": the parser may hang the clause on the listener
        comps = [c for o in cue.children if o.dep_ in lx.LISTENER_DEPS
                 for c in o.children if c.dep_ in mw.CLAUSE_DEPS]
    if not comps:   # "say taxing fuel raises prices": the parser may read a gerund subject as xcomp
        comps = [c for c in cue.children if c.dep_ == lx.OPEN_COMPLEMENT_DEP and c.tag_ == lx.PARTICIPLE_TAG and c.i > cue.i
                 and any(t.tag_ in lx.FINITE_TAGS for t in c.subtree)]
    if not comps:   # "said during a news conference that ...": the parser may hang the clause on the noun
        comps = [r for p in cue.children if p.dep_ == "prep" and p.i > cue.i for r in p.subtree
                 if r.dep_ == lx.MISPLACED_CLAUSE_DEP and _opens_with_that(r)]
    if not comps and cue.lemma_.lower() in lx.QUESTION_VERBS and not _asks_for(cue):
        # "asked the pupils if they were ready": the parser may make the question a side clause
        comps = [c for c in cue.children if c.dep_ == lx.SIDE_CLAUSE_DEP and c.i > cue.i and any(
            m.dep_ == "mark" and m.lower_ in lx.YES_NO_MARKERS for m in c.children)]
    if not comps:
        return None
    clause = next((c for c in comps if c.i > cue.i), comps[0])
    if _is_question(clause) and cue.lemma_.lower() not in lx.QUESTION_VERBS:
        return None
    return _without_other_speakers(_with_split_rest(clause, comps), cue)


def _opens_with_that(clause) -> bool:
    """A clause opened by "that" as a complementizer, with its own subject: "that he may wait",
    not the relative "that" standing for a noun ("a conference that ran late")."""
    children = list(clause.children)
    return any(c.dep_ == "mark" and c.lower_ in lx.LEADING_COMPLEMENTIZERS and c.i < clause.i for c in children) \
        and any(c.dep_ in mw.SUBJECT_DEPS for c in children)


def _asks_for(cue) -> bool:
    """'asked for help', 'asked them to stay': a request, after which "if" is a condition."""
    return any(c.dep_ == lx.OPEN_COMPLEMENT_DEP or (c.dep_ == "prep" and c.lower_ == lx.REQUEST_PREP)
               for c in cue.children)


def _with_split_rest(clause, comps: list) -> list:
    """'insist that, with X, Y': the parser may split one clause into two complements, the
    first only a lead-in ("with X", "if X"); the second joins it when only a comma stands
    between them."""
    tokens = list(clause.subtree)
    if not any(c.dep_ == "mark" and c.lower_ not in lx.LEADING_COMPLEMENTIZERS for c in clause.children):
        return tokens
    for c in sorted((c for c in comps if c.i > clause.i), key=lambda c: c.i):
        first = next(t for t in c.subtree if not t.is_punct)
        gap = c.doc[tokens[-1].i + 1:first.i]
        if not gap or not all(t.text == lx.CLAUSE_END for t in gap) or c.lemma_.lower() in lx.REPORTING_VERBS:
            break
        tokens += [t for t in gap if t.i < c.left_edge.i] + list(c.subtree)
    return tokens


def _is_question(clause) -> bool:
    """'whether ...', 'how ...': an indirect question, not a statement. A clause that opens
    with a condition ('said if taxes rise, the town will suffer') states something: its "if"
    marks a clause inside it, not the reported clause itself."""
    if any(c.dep_ == "mark" and c.lower_ in lx.QUESTION_MARKERS for c in clause.children):
        return True
    first = clause.left_edge
    return first.lower_ in lx.QUESTION_MARKERS and not (first.dep_ == "mark" and first.head.i != clause.i)


def _without_other_speakers(tokens: list, cue) -> list:
    """Drop a side clause where someone else speaks ("..., while the government insists ..."),
    or where the speaker goes on to say more ("warn that the mill has closed and predict that
    ..."): a verb of saying joined to the clause that goes on with this cue's speaker."""
    drop: set[int] = set()
    for t in tokens:
        other = t.dep_ in lx.PARENTHETICAL_DEPS and is_cue(t) and any(c.dep_ in mw.SUBJECT_DEPS for c in t.children)
        more = t.dep_ == "conj" and is_cue(t) and lender(t).i == cue.i
        if t.i != cue.i and (other or more or _is_according(t)):
            drop.update(x.i for x in t.subtree)
    return [t for t in tokens if t.i not in drop]


def _without_quoted_asides(tokens: list, base: int, blocked: list[tuple[int, int]]) -> list:
    """'... under Article 9, which punishes "insulting officials"': a relative clause holding a
    quotation is a gloss; the reported clause stands without it. So does a second reporting
    verb that brings in its own quotation ('said the vote was lost, adding, "..."'): the
    quotation is that verb's, not part of the clause."""
    drop: set[int] = set()
    for t in tokens:
        side = t.dep_ in lx.PARENTHETICAL_DEPS and t.lemma_.lower() in lx.REPORTING_VERBS
        if t.dep_ in lx.GLOSS_DEPS or (side and not within(base + t.idx, blocked)):
            lo, hi = base + t.left_edge.idx, base + t.right_edge.idx + len(t.right_edge.text)
            if any(s < hi and lo < e for s, e in blocked):
                drop.update(x.i for x in t.subtree)
    return [t for t in tokens if t.i not in drop]


def _longest_run(tokens: list) -> list:
    """The longest stretch of consecutive tokens (a clause split by ", he said," has two)."""
    runs: list[list] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return max(runs, key=lambda r: sum(len(t.text) for t in r)) if runs else []


def _around_cue(tokens: list, cue) -> list | None:
    """'The plan itself, Mara Quell argued, is a mirage': a clause the attribution interrupts is
    one clause with the attribution inside it, as readers mark it, when only the cue, its own
    phrase (the speaker) and punctuation stand between the pieces. None when it is not split so."""
    words = [t.i for t in tokens if not t.is_punct]
    if not words or not min(words) < cue.i < max(words):
        return None
    have = {t.i for t in tokens}
    pieces = [{x.i for x in c.subtree} for c in cue.children]
    own = {cue.i}.union(*(p for p in pieces if not p & have))
    whole = list(cue.doc[min(words):max(words) + 1])
    gap = [t for t in whole if t.i not in have]
    # only commas or dashes set it off: "CLAUSE, they say; CLAUSE" is two sentences in one
    return whole if gap and all(t.text in lx.ASIDE_PUNCT if t.is_punct else t.i in own for t in gap) else None


def _without_dateline(run: list) -> list:
    """'PORT ALDEN (Wire) — Police said ...': drop a verbless lead ending in a dash."""
    for k, t in enumerate(run[:lx.DATELINE_MAX_TOKENS]):
        if t.text in mw.PHRASE_DASHES:
            return run[k + 1:] if not any(x.pos_ in ("VERB", "AUX") for x in run[:k]) else run
    return run


def _trim(run: list) -> list:
    run = _without_dateline(run)
    while run and (run[0].is_punct or run[0].is_space or
                   (run[0].lower_ in lx.LEADING_COMPLEMENTIZERS and run[0].dep_ == "mark")):
        run = run[1:]
    while run and (run[-1].is_space or run[-1].text in lx.TRAILING_TRIM or run[-1].dep_ == "cc"):
        run = run[:-1]
    return run


def _says_clause(cue) -> bool:
    """Whether the verb reports what was said when it takes a clause (not "admitted that")."""
    lemma = cue.lemma_.lower()
    if lemma in lx.QUESTION_VERBS:
        # "Asked whether ..., the mayor said": the mayor was asked; who asked is not written.
        return any(c.dep_ in mw.SUBJECT_DEPS or c.dep_ == "agent" for c in cue.children)
    if lemma not in lx.INDIRECT_VERBS or lemma in lx.NOT_SAYING_VERBS:
        return False
    return cue.tag_ != lx.PARTICIPLE_TAG or lemma in lx.PARTICIPLE_SAYING_VERBS


def reported_clause(cue, base: int, blocked: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Document offsets of the clause cue reports; None if there is none or it overlaps blocked spans."""
    if cue.lower_ not in lx.ACCORDING_HEADS and not _says_clause(cue):
        return None
    tokens = _clause_tokens(cue)
    phrase = not tokens
    if phrase:
        tokens = _message_phrase(cue)
    if not tokens:
        return None
    tokens = _without_quoted_asides(tokens, base, blocked)
    # the clause with its attribution inside, else (a quotation there) its longest piece
    for run in (_around_cue(tokens, cue), _longest_run(tokens)):
        span = _span(_trim(run or []), base, phrase, blocked)
        if span is not None:
            return span
    return None


def _span(run: list, base: int, phrase: bool, blocked: list[tuple[int, int]]) -> tuple[int, int] | None:
    words = [t for t in run if not t.is_punct]
    # a clause says something only with a few words and a finite verb; a message named by a
    # noun phrase ("announced his candidacy") has neither
    if not words or not phrase and (len(words) < lx.INDIRECT_MIN_WORDS or not any(t.tag_ in lx.FINITE_TAGS for t in run)):
        return None
    start = base + run[0].idx
    end = base + run[-1].idx + len(run[-1].text)
    if any(s < end and start < e for s, e in blocked):
        return None
    return start, end
