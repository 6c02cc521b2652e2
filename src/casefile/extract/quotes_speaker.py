"""Who says it: the token naming the speaker of a reporting verb (its subject, the object of
"according to", the one "quoted as saying"); extract.mentions says who that token stands for.
"""
from __future__ import annotations

from ..concepts.entity_types import PLACE_TYPES
from ..models import Speaker
from .lexicon import mentions as mw
from .lexicon import quotes as lx
from .mentions_np import Referent, whole_phrase


def _according_object(cue):
    for prep in cue.children:
        if prep.lower_ == lx.ACCORDING_PREP:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _quoted_person(verb):
    """'X quoted Y as saying' / 'Y was quoted as saying': Y speaks, not X."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _inverted_subject(cue):
    """'..., said Dr Lee commenting on it': a name right after the cue, parsed into the next clause.
    Not after a participle: in '..., saying the plan "..."' the name after it is what is spoken of."""
    if cue.pos_ not in ("VERB", "AUX") or cue.tag_ == lx.PARTICIPLE_TAG:
        return None
    if cue.lemma_.lower() not in lx.REPORTING_VERBS:
        return None     # a verb lending its subject: "talk their way out ... by saying": the object
    for child in cue.rights:
        if child.dep_ not in lx.INVERTED_CLAUSE_DEPS:
            continue
        if child.dep_ == "dobj" and cue.lemma_.lower() in lx.ADDRESSING_VERBS:
            continue        # "..., Ortiz told Reuters": the object is who listens
        cand = child if child.dep_ == "dobj" else next((c for c in child.children if c.dep_ in mw.SUBJECT_DEPS), None)
        if cand is not None and cand.left_edge.i == cue.i + 1 and cand.pos_ in ("PROPN", "NOUN"):
            return cand
    return None


def _participle_speaker(noun):
    """'The ministry issued a statement saying ...': the statement's author, else the statement."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.children if c.dep_ in mw.SUBJECT_DEPS), None)
        if subj is not None:
            return subj
    return noun if noun.lemma_.lower() in mw.DOCUMENT_NOUNS else None


def subject_of(cue, depth: int = 3, borrowed: bool = False, quoted=None):
    """The token naming who speaks through cue, climbing through "..., adding that" chains.
    ``quoted(tok)`` says whether a token stands inside a quotation: a speaker never does,
    so a subject the parser found there ('"Anybody who asks," said Jo Lind') gives way to
    the name written right after or before the cue."""
    quoted = quoted or (lambda tok: False)
    found = _subject(cue, depth, borrowed, quoted)
    if found is not None and quoted(found):
        found = None
    if found is None and any(c.dep_ in mw.SUBJECT_DEPS and quoted(c) for c in cue.children):
        return _beside(cue, quoted)
    return found


def _subject(cue, depth: int, borrowed: bool, quoted):
    if cue.lower_ in lx.ACCORDING_HEADS:
        return _according_object(cue)
    if cue.lemma_.lower() in lx.QUOTING_VERBS:
        quoted_person = _quoted_person(cue)
        if quoted_person is not None:
            return quoted_person
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    if agent is not None:       # "was described by observers as ..."
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    for child in cue.children:
        # A borrowed subject may be passive: "was arrested after posting ..." -> who posted.
        if (child.dep_ in mw.SUBJECT_DEPS or (borrowed and child.dep_ == "nsubjpass")) and not quoted(child):
            if child.lower_ in mw.RELATIVE_PRONOUNS and cue.dep_ == "relcl":
                return _antecedent(cue.head, child)
            return child
    if cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head
    subj = _participle_subject(cue)
    if subj is not None and not quoted(subj):
        return subj
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return _participle_speaker(cue.head)
    if depth and cue.dep_ in lx.BORROW_SUBJECT_DEPS and cue.head.i != cue.i:
        found = _subject(lender(cue), depth - 1, True, quoted)
        if found is not None:
            return found
    return _inverted_subject(cue) or _named_before(cue)


def _participle_subject(cue):
    """'Majorities of voters going to the polls said ...': the parser may make the participle the
    verb's subject clause, with the speakers as the participle's own subject."""
    for child in cue.children:
        if child.dep_ == lx.SUBJECT_CLAUSE_DEP and child.tag_ in lx.PARTICIPLE_TAGS and child.i < cue.i:
            return next((c for c in child.children if c.dep_ in mw.SUBJECT_DEPS and c.i < child.i), None)
    return None


def _antecedent(head, pronoun):
    """Who "who" stands for. 'Jo Lind, a nurse from Lakeview, Ohio, who said ...': the parser
    may hang the clause on the place closing the speaker's phrase; a place is no "who", so the
    clause goes up to the person whose phrase holds it."""
    tok = head
    if pronoun.lower_ not in lx.PERSONAL_RELATIVES:
        return head
    while tok.ent_type_ in PLACE_TYPES and tok.dep_ in lx.PLACE_PHRASE_DEPS and tok.head.i != tok.i:
        tok = tok.head.head if tok.head.dep_ == "prep" else tok.head
    if tok.ent_type_ in PLACE_TYPES:
        return head
    # "Jo Lind, a nurse from ...": the name the description stands beside
    return tok.head if tok.dep_ == "appos" and tok.head.ent_type_ == mw.PERSON_LABEL else tok


def lender(cue):
    """The verb whose subject a participle borrows. In "Jo said the plan would fail, adding ..."
    the parser often hangs "adding" on the reported clause's verb; set off by a comma, a
    participle of saying goes on with the one who reports that clause, not with its subject.
    So does a second verb of saying joined by "and" to a clause someone else's verb governs,
    when written in another form than that clause ("Analysts fear that the mill has lost its
    buyers and warn that ...") or when it is that verb again ("Jo said the council fled and said
    ..."): the analysts warn, Jo says it."""
    head = cue.head
    if cue.dep_ == "pcomp" or head.dep_ == "acomp":
        # "by saying": the preposition has no subject; "were able to say": nor has the adjective
        return head.head
    if head.dep_ not in mw.CLAUSE_DEPS or head.head.i == head.i:
        return head
    if cue.tag_ == lx.PARTICIPLE_TAG and cue.lemma_.lower() in lx.REPORTING_VERBS and _set_off(cue) \
            and head.head.lemma_.lower() in lx.REPORTING_VERBS:
        return head.head
    form, lemma, between = _form(cue), cue.lemma_.lower(), _form(head)
    if cue.dep_ == "conj" and lemma in lx.REPORTING_VERBS and between is not None \
            and (between != form == _form(head.head) or lemma == head.head.lemma_.lower()):
        return head.head
    return head


def _form(verb) -> str | None:
    """The tense and number a verb's clause is written in, read from its first finite auxiliary
    or else its own tag ("has lost" is third person singular; "warn" is plain present)."""
    aux = next((c for c in verb.children if c.dep_ in lx.AUX_DEPS and c.tag_ in lx.VERB_FORMS), None)
    return lx.VERB_FORMS.get((aux or verb).tag_)


def _set_off(tok) -> bool:
    """A comma among the punctuation right before tok (a closing quotation mark may follow it)."""
    k = tok.i - 1
    while k >= 0 and tok.doc[k].is_punct:
        if tok.doc[k].text == ",":
            return True
        k -= 1
    return False


def _beside(cue, quoted):
    """The noun phrase written right after the cue ('said Jo Lind'), else right before it
    ('Jo Lind said'), outside any quotation."""
    if cue.pos_ not in ("VERB", "AUX"):
        return None
    doc = cue.doc
    after = [t for t in doc[cue.i + 1:cue.i + 1 + lx.BESIDE_CUE_TOKENS]]
    before = [t for t in reversed(doc[max(0, cue.i - lx.BESIDE_CUE_TOKENS):cue.i])]
    # "told the mayor", "asked Jo Lind": the name after such a verb is who listens
    for side in (before,) if cue.lemma_.lower() in lx.ADDRESSING_VERBS else (after, before):
        for tok in side:
            if quoted(tok) or (tok.is_punct and tok.text not in lx.NAME_PUNCT):
                break
            if tok.pos_ in ("PROPN", "NOUN"):
                while tok.dep_ in lx.NAME_PART_DEPS and tok.head.i != tok.i and not quoted(tok.head):
                    tok = tok.head
                return tok
    return None


def _named_before(cue):
    """'..., her adviser, Jo Lind, said: "..."' parsed with no subject for "said": the person
    named right before the verb (commas aside)."""
    if cue.pos_ not in ("VERB", "AUX") or cue.lower_ in lx.ACCORDING_HEADS:
        return None
    k = cue.i - 1
    while k >= 0 and cue.doc[k].text in lx.ATTRIBUTION_PUNCT:
        k -= 1
    tok = cue.doc[k] if k >= 0 and k < cue.i - 1 else None   # a comma must stand between
    if tok is not None and (tok.ent_type_ == mw.PERSON_LABEL or tok.lemma_.lower() in mw.PERSON_NOUNS):
        return tok
    return None


def source_phrase(subj, ref: Referent, base: int, cue=None) -> Referent:
    """A speaker as the text introduces them: a named one with apposition and all ("Jo Lind,
    a nurse who lives nearby"), one described by a common noun up to the first comma ("the
    aide to the mayor"): the words a reader sees as the source. The entity stays ref's."""
    described = subj.pos_ == "NOUN" or (subj.pos_ == "PRON" and subj.lower_ in mw.GROUP_PRONOUNS)
    if ref.key is None and (not described or ref.head_span() != (base + subj.idx, base + subj.idx + len(subj))):
        return ref              # an unresolved name, or a phrase that stands for its owner
    # not into the reporting verb, nor into a clause where they say something else ("who also said
    # that ..."); a clause that only describes them stays ("who writes about ...")
    stop = {t.i for t in subj.subtree if t.i == getattr(cue, "i", None) or _says_more(t) or _aside(t)
            or _about_the_saying(t, subj)}
    stop = {t.i for i in stop for t in subj.doc[i].subtree}
    text, start, end = whole_phrase(subj, base, to_comma=ref.key is None, stop=stop)
    if not (start <= ref.start and ref.end <= end):
        return ref
    return Referent(text, start, end, ref.kind, ref.gender, ref.head, ref.subject, ref.key)


def _aside(tok) -> bool:
    """A participle set off by a comma inside a speaker's phrase ("Jo Lind, head of the fund,
    speaking after the vote"): it tells what they were doing, not who they are, and readers
    take the source to end before it. (A clause or apposition set off the same way stays:
    annotators keep "..., which runs two shelters" as often as not.)"""
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text == "," and tok.dep_ in lx.SPEAKER_ASIDE_DEPS \
        and tok.tag_ == lx.PARTICIPLE_TAG


def _about_the_saying(tok, subj) -> bool:
    """'..., said Jo Lind (D-Ore.) in an interview' / '..., said Jo Lind, the chair, via email': a
    preposition on the name, after its apposition or brackets, whose object is a common noun tells
    how they spoke, not who they are. Not "of"/"from" ("Jo Lind, 30, of Lakeview"), nor a place or
    organization ("Jo Lind, at the River Fund")."""
    if tok.dep_ != "prep" or tok.head.i != subj.i or tok.i <= subj.i + 1 or tok.lower_ in lx.ORIGIN_PREPS:
        return False
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and tok.doc[tok.i - 1].text in lx.AFTER_APPOSITION_PUNCT


def _says_more(tok) -> bool:
    """A clause in the speaker's phrase where they report something else."""
    return tok.dep_ in lx.SPEAKER_CLAUSE_DEPS and tok.lemma_.lower() in lx.REPORTING_VERBS and any(
        c.dep_ in mw.CLAUSE_DEPS for c in tok.children)


def to_speaker(ref: Referent) -> Speaker:
    """The speaker record: a named subject as the text introduced them, when it did."""
    text, start, end = ref.phrase or (ref.text, ref.start, ref.end)
    return Speaker(text=text, entity=ref.key, start=start, end=end)
