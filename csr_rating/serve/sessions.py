"""One author's work on one file, and the store of them.

Each upload is a session of its own, named by an unguessable id that stands in the page's address:
two tabs (or two files) never share state, and no other page can guess its way into one. A session
keeps the report YAML as it stands (answers and corrections written in), its scorecard and the draft
it came from; its upload lies in a folder of its own inside the private folder.
"""

from __future__ import annotations

import re
import secrets
import shutil
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from csr_rating.i18n import Lang
from csr_rating.ingest.document import Document
from csr_rating.scorecard import Scorecard
from csr_rating.serve.folder import PrivateFolder
from csr_rating.serve.guard import Refused

ID = re.compile(r"[A-Za-z0-9_-]{24}")
MAX_SESSIONS = 16  # the oldest is dropped beyond this: a page left open all week does not fill the disk
UNDO = 20  # earlier versions of the report kept for "undo"


@dataclass
class Session:
    """What a tab is working on. ``state`` goes working -> ready, or working -> failed."""

    id: str
    folder: Path
    name: str  # the uploaded file's name
    standard: str
    industry: str | None = None
    lang: Lang | None = None  # None until scored: then the chosen one, else the draft's
    state: str = "working"
    stage: str = "upload"  # upload, read, ingest, score: what the progress shows
    error: str | None = None
    text: str = ""  # the report YAML as it stands
    shown: str = ""  # its name in messages and on the scorecard (what the download is called)
    document: Document | None = None  # the draft, read once, for the review items' source lines
    card: Scorecard | None = None
    skipped: set[str] = field(default_factory=set)  # questions put off, by answer field
    earlier: list[tuple[str, Scorecard]] = field(default_factory=list)  # for undo, newest last
    notice: str | None = None  # what the last change did, shown once
    problem: str | None = None  # why the last change was not made, shown once
    place: str = "top"  # the part of the page the change was made in, where its message shows
    lock: threading.Lock = field(default_factory=threading.Lock)

    def change(self, text: str, card: Scorecard) -> None:
        """Take a new version of the report, keeping the one before for undo."""
        if self.card is not None:
            self.earlier = [*self.earlier, (self.text, self.card)][-UNDO:]
        self.text, self.card = text, card

    def undo(self) -> bool:
        if not self.earlier:
            return False
        self.text, self.card = self.earlier.pop()
        return True


class Sessions:
    """The sessions of one server, each in its own sub-folder of the private folder."""

    def __init__(self, folder: PrivateFolder) -> None:
        self.folder = folder
        self._all: OrderedDict[str, Session] = OrderedDict()
        self._lock = threading.Lock()

    def new(self, name: str, standard: str, industry: str | None, lang: Lang | None) -> Session:
        sid = secrets.token_urlsafe(18)  # 24 characters, 144 random bits
        path = self.folder.inside(sid)
        path.mkdir(mode=0o700)
        session = Session(sid, path, name, standard, industry, lang)
        with self._lock:
            self._all[sid] = session
            while len(self._all) > MAX_SESSIONS:
                _, old = self._all.popitem(last=False)
                shutil.rmtree(old.folder, ignore_errors=True)
        return session

    def get(self, sid: str) -> Session:
        """The session named in an address; 404 for an id that is malformed or not (or no longer) here."""
        if ID.fullmatch(sid) is None:
            raise Refused("address", "refused: not a page of this server", status=404)
        with self._lock:
            found = self._all.get(sid)
        if found is None:
            raise Refused(
                "address",
                "this work is no longer here (the server was restarted or it was dropped): upload again",
                status=404,
            )
        return found

    def drop(self, session: Session) -> None:
        """Forget a session and remove its folder (an upload that was refused half-way)."""
        with self._lock:
            self._all.pop(session.id, None)
        shutil.rmtree(session.folder, ignore_errors=True)
