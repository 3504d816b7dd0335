"""Meeting notes: a hand-kept dated note or a transcription pipeline's output with a raw
speech-to-text transcript, their mentions, tasks, traps and frontmatter defects."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import words
from .cast import Cast, slug
from .frontmatter import Frontmatter
from .mentions import Context
from .note import M, Entity, Note
from .pools import fold
from .tasks import TaskWriter

FM_DEFECTS = ("key_case", "date_format", "tags_dirty", "tags_string", "key_case_both", "placeholder_date",
              "placeholder_title", "placeholder_participants")
SOURCES = ("Otter", "Teams", "Fireflies", "Zoom")


@dataclass
class Meeting:
    """What a meeting is before it is written."""

    title: str
    day: date
    style: str  # dated | transcript
    participants: list[Entity]
    org: Entity
    project: Entity | None
    linked: bool  # participants written as links
    topic: str
    hhmm: str = ""
    ambiguous: list[Entity] = field(default_factory=list)  # two people sharing the first name to say


def plan(rng: random.Random, cast: Cast, n: int, year: int) -> list[Meeting]:
    """`n` meetings across `year`, each with the owner and one to five others."""
    out, titles = [], set()
    others = [p for p in cast.people if p is not cast.owner]
    shared = cast.shared_given()
    start = date(year, 1, 6)
    for i in range(n):
        day = start + timedelta(days=rng.randrange(350))
        style = "transcript" if rng.random() < 0.4 else "dated"
        people = [cast.owner] + rng.sample(others, min(len(others), rng.choice((1, 1, 2, 3, 3, 4, 5))))
        if cast.new_people and rng.random() < 0.08:
            newbie = rng.choice(cast.new_people)
            if newbie.similar_to not in people:
                people.append(newbie)
        topic = rng.choice(words.TOPICS)
        hhmm = f"{rng.randrange(8, 18):02d}{rng.choice(('00', '15', '30', '45'))}"
        title = (f"{day.isoformat()} - {topic}" if style == "dated"
                 else f"{day.strftime('%Y%m%d')} {hhmm} {rng.choice(SOURCES)} Transcription")
        if title in titles:
            title = f"{day.strftime('%Y%m%d')} {hhmm} {rng.choice(SOURCES)} Transcription {i}"
            style = "transcript"
        titles.add(title)
        org = rng.choice([p.company for p in people if p.company] or cast.orgs)
        project = rng.choice(cast.projects) if rng.random() < 0.4 else None
        m = Meeting(title, day, style, people, org, project, style == "dated" or rng.random() < 0.6, topic, hhmm)
        if shared and rng.random() < 0.12:
            group = rng.choice(shared)
            said = fold(group[0].given)
            if not any(said in {fold(x) for x in [p.given] + p.nicknames + p.diminutives + p.aliases}
                       for p in people):
                m.ambiguous = group
        out.append(m)
    return out


class MeetingWriter:
    """Writes one meeting note."""

    def __init__(self, rng: random.Random, cast: Cast, m: Meeting):
        self.rng, self.cast, self.m = rng, cast, m
        self.note = Note(f"Meetings/{m.title}.md", "meeting", rng)
        self.ctx = Context(cast, rng, m.participants)
        self.links: set[str] = set()  # titles of people this note links
        self.fm: dict = {}
        self.new_people = [p for p in m.participants if not p.has_note]
        # people this note may name besides its participants (never the ambiguous name's owners)
        barred = set(map(id, m.ambiguous)) | {id(p.similar_to) for p in self.new_people}
        self.others = [p for p in cast.people if id(p) not in barred and p not in m.participants]

    # --- pieces ---------------------------------------------------------------------------------
    def _someone(self) -> Entity:
        rng = self.rng
        if rng.random() < 0.55 or not self.others:
            return rng.choice(self.m.participants)
        return rng.choice(self.others)

    def _orgish(self) -> Entity:
        rng, cast = self.rng, self.cast
        r = rng.random()
        if r < 0.45:
            return self.m.org
        if r < 0.55 and cast.new_orgs:
            return rng.choice(cast.new_orgs)
        return rng.choice(cast.orgs)

    def sentence(self, speech: bool = False) -> list:
        """One sentence of prose or speech: filler, or naming a person or organisation."""
        rng, ctx = self.rng, self.ctx
        r = rng.random()
        if r < 0.5:
            return [rng.choice(words.FILLER)]
        if r < 0.72:
            return _fill(rng.choice(words.PERSON_SENTENCES), "{P}", ctx.person(self._someone()))
        if r < 0.88:
            return _fill(rng.choice(words.ORG_SENTENCES), "{O}", ctx.org(self._orgish()))
        if r < 0.90:
            p = self._someone()
            if p.has_note:
                return _fill(rng.choice(words.HANDLE_SENTENCES), "{H}", ctx.written_as(p, "handle"))
        if r < 0.915:
            p = self._someone()
            if p.has_note:
                return _fill(rng.choice(words.COMMA_SENTENCES), "{C}", ctx.written_as(p, "surname_comma"))
        if r < 0.925 and self.cast.word_people:
            word = rng.choice(self.cast.word_people).given
            sent = rng.choice(words.WORD_NAMES[word])
            return [M(word, None, "text", "common_word", hard="common_word"), sent[len(word):]]
        if r < 0.935:
            ordinary = [o for o in self.cast.orgs if o.ordinary]
            if ordinary:
                word = rng.choice(ordinary).title.split()[0]
                sent = rng.choice(words.ORG_ORDINARY[word])
                return [M(word, None, "text", "org_word", etype="org", hard="org_word"), sent[len(word):]]
        if self.m.ambiguous and not getattr(self, "_ambiguous_said", False):
            self._ambiguous_said = True
            p = self.m.ambiguous[0]
            return _fill(rng.choice(words.PERSON_SENTENCES), "{P}",
                         M(p.given, p, "text", "ambiguous", hard="ambiguous", ambiguous=True))
        return [rng.choice(words.FILLER)]

    def line(self, prefix: str, n: int, speech: bool = False, suffix: str = "") -> None:
        parts: list = [prefix]
        for i in range(n):
            parts += ([" "] if i else []) + self.sentence(speech)
        self.note.add(*parts, suffix)

    def owners(self) -> list[M]:
        rng = self.rng
        people = rng.sample(self.m.participants, rng.choice((1, 1, 1, 2)) if len(self.m.participants) > 1 else 1)
        return [self.ctx.owner(p) for p in people]

    def org_in_task(self) -> M | None:
        r = self.rng.random()
        if r < 0.15:
            return self.ctx.org(self._orgish())
        if r < 0.2:
            return self.ctx.link(self.m.org)
        return None

    # --- the note -------------------------------------------------------------------------------
    def write(self, defects: set[str]) -> Note:
        m, note, rng = self.m, self.note, self.rng
        if m.style == "dated":
            defects.discard("placeholder_participants")
        # participants written as links count for last_contact; so does a placeholder, which
        # `fix` fills with links to the participants who have a note
        self.fm_links = m.linked or "placeholder_participants" in defects
        fm = Frontmatter(note, rng, defects)
        tags = ["meeting", rng.choice(("1-1", "group", "customer")), f"customer/{slug(m.org.title)}"]
        if m.project:
            tags.append(f"project/{slug(m.project.title)}")
        names = [p.title for p in m.participants]
        if m.style == "dated":
            fm.date("date", m.day, placeholder_ok=True)
            fm.type("meeting")
            fm.participants([self._participant(p) for p in m.participants], True, names)
            fm.tags(tags, ["Imported", "CRM"])
        else:
            fm.type("group-meeting")
            fm.date("created", m.day, placeholder_ok=True)
            fm.title(m.title, placeholder_ok=True)
            fm.participants([self._participant(p) for p in m.participants], m.linked, names)
            fm.plain("ai_extracted", "true")
            fm.plain("transcript_path", f"'Inbox/Transcripts/{m.title}.txt'")
            fm.tags(tags, ["Legacy-Import"])
        self.fm = fm.end()
        (self._dated if m.style == "dated" else self._transcribed)()
        return note

    def _participant(self, p: Entity) -> M:
        noise = "none" if p.has_note else p.tag
        if p.has_note and self.fm_links:
            self.links.add(p.title)
        return M(p.title, p, "participant", noise)

    def _attendee_links(self) -> list:
        parts: list = []
        for i, p in enumerate(self.m.participants):
            parts += [", "] if i else []
            if p.has_note:
                self.links.add(p.title)
                parts.append(self.ctx.link(p, display=self.rng.random() < 0.15))
            else:
                parts.append(M(p.title, p, "participant", p.tag))
        return parts

    def _tasks(self, n: int) -> None:
        tw = TaskWriter(self.note, self.rng, self.m.day, moji_rate=0.25 if self.rng.random() < 0.12 else 0.0)
        tw.block(self.owners, self.org_in_task, n)
        if self.rng.random() < 0.5:
            tw.traps()

    def _broken_link(self) -> None:
        """A link to a participant, misspelled by ear (`[[Nico Dukic]]` for Niko Dukic)."""
        linked = [p for p in self.m.participants if p.has_note and p.title in self.links and p is not self.cast.owner]
        if not linked or self.rng.random() > 0.2:
            return
        p = self.rng.choice(linked)
        m = self.ctx.person(p, {"phonetic": 1})
        if m.noise == "phonetic" and " " in m.text:
            self.note.add("- Shared the notes with ", M(m.text, p, "wikilink", "broken_link:phonetic",
                                                         written=f"[[{m.text}]]"), " afterwards.")

    def _dated(self) -> None:
        m, note, rng = self.m, self.note, self.rng
        note.add(f"# {m.topic}")
        note.blank()
        note.add("**Attendees:** ", *self._attendee_links())
        if m.project:
            note.add("**Project:** ", self.ctx.link(m.project))
        note.blank()
        note.add("## Agenda")
        note.blank()
        for i, t in enumerate(rng.sample(words.TOPICS, 3)):
            note.add(f"{i + 1}. {t}")
        note.blank()
        note.add("## Notes")
        note.blank()
        for _ in range(rng.randint(2, 6)):
            self.line("- ", 1)
        self._broken_link()
        note.blank()
        note.add(f"> [!note] {rng.choice(('Context', 'Background'))}")
        self.line("> ", 1)
        note.blank()
        note.add("## Action Items")
        note.blank()
        self._tasks(rng.randint(2, 7))
        note.blank()
        note.add("## Decisions")
        note.blank()
        for d in rng.sample(words.DECISIONS, 2):
            note.trap(f"- ✅ {d}", "decision_bullet")
        if rng.random() < 0.5:
            note.trap(f"- [Recording](https://example.invalid/rec/{m.day.strftime('%Y%m%d')}{m.hhmm})", "link_bullet")
        note.blank()
        note.add("## Transcript")
        note.blank()
        speakers = m.participants
        for _ in range(self._turns()):
            sp = rng.choice(speakers)
            self.note.add("**", M(sp.title, sp, "text", "speaker_label" if sp.has_note else sp.tag), ":** ",
                          *self._speech(rng.randint(1, 6)))
            note.blank()

    def _transcribed(self) -> None:
        m, note, rng = self.m, self.note, self.rng
        note.add(f"# {m.title}")
        note.blank()
        note.add(f"**Date:** {m.day.isoformat()}  ")
        parts: list = ["**Participants:** "]
        for i, p in enumerate(m.participants):
            parts += ([", "] if i else []) + [M(p.title, p, "participant", "none" if p.has_note else p.tag)]
        note.add(*parts)
        note.blank()
        note.add("## Summary")
        note.blank()
        self.line("", rng.randint(2, 4))
        note.blank()
        note.add("## Key facts learned")
        note.blank()
        for _ in range(rng.randint(2, 5)):
            self.line("- ", 1)
        self._broken_link()
        note.blank()
        note.add("## Action items")
        note.blank()
        self._tasks(rng.randint(2, 6))
        note.blank()
        note.add("## Open questions")
        note.blank()
        note.add("- Which site goes first?")
        note.blank()
        note.add("---")
        note.blank()
        note.add("## Transcript (auto)")
        note.blank()
        fenced = rng.random() < 0.6
        otter = rng.random() < 0.4
        if fenced:
            note.add("```text")
        t = rng.randrange(0, 30)
        for _ in range(self._turns()):
            sp = rng.choice(m.participants + [None])
            t += rng.randrange(5, 45)
            stamp = f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"
            if sp is None:
                label: list = ["Speaker 2" if otter else "Remote"]
            else:
                label = [M(sp.title, sp, "text", "speaker_label" if sp.has_note else sp.tag)]
            if otter:
                note.add(*label, f"  {stamp}")
                note.add(*self._speech(rng.randint(1, 6)))
            else:
                note.add(f"[{stamp}.{rng.randrange(100):02d}]  ", *label, ": ", *self._speech(rng.randint(1, 6)))
            note.blank()
        if fenced:
            note.add("```")

    def _speech(self, n: int) -> list:
        parts: list = []
        for i in range(n):
            parts += ([" "] if i else []) + self.sentence(True)
        return parts

    def _turns(self) -> int:
        r = self.rng.random()
        return self.rng.randint(6, 20) if r < 0.35 else self.rng.randint(20, 60) if r < 0.85 else self.rng.randint(60, 160)


def _fill(template: str, slot: str, m: M) -> list:
    before, after = template.split(slot, 1)
    return [before, m, after]
