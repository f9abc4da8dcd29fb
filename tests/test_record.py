"""The record contract: dataclasses, their JSON Schema and the record id."""

import jsonschema
import pytest

from lagebild.record import ActorRef, Entity, Event, Meta, Quote, Record, TimeExpression, record_id, record_schema


def full_record() -> Record:
    putin = ActorRef(
        text="Staatschef Wladimir Putin",
        name="Wladimir Putin",
        actor="per:wladimir-putin",
        country="RUS",
        role="head of state",
    )
    biden = ActorRef(text="Joe Biden", name="Joe Biden", country="USA")
    return Record(
        id="abc",
        meta=Meta(
            title="Telefonat", url=None, outlet=None, published="2021-12-29", language="de", source="news.jsonl#2"
        ),
        text="Biden telefoniert morgen mit Putin.",
        sentences=[(0, 35)],
        entities=[Entity(start=0, end=5, text="Biden", label="PER")],
        times=[TimeExpression(start=19, end=25, text="morgen", type="DATE", value="2021-12-30")],
        quotes=[
            Quote(
                start=0,
                end=35,
                text="Biden telefoniert morgen mit Putin.",
                kind="indirect",
                cue="telefoniert",
                speaker=None,
                sentence=0,
            )
        ],
        events=[
            Event(
                type="CONSULT",
                mode="phone",
                source=biden,
                target=putin,
                date="2021-12-30",
                location=None,
                status="planned",
                negated=False,
                confidence=0.9,
                sentence=0,
                trigger="telefoniert",
                evidence="Biden telefoniert morgen mit Putin.",
            )
        ],
    )


def test_every_record_type_validates_against_the_schema():
    jsonschema.validate(full_record().to_dict(), record_schema())


def test_to_dict_writes_offsets_as_json_arrays():
    data = full_record().to_dict()
    assert data["sentences"] == [[0, 35]]
    assert data["events"][0]["target"]["country"] == "RUS"


@pytest.mark.parametrize(
    ("path", "bad_value"),
    [
        (("entities", 0, "label"), "MISC"),
        (("times", 0, "type"), "WEEKDAY"),
        (("events", 0, "confidence"), 1.5),
        (("meta", "published"), "29.12.2021"),
    ],
)
def test_schema_rejects_values_outside_the_contract(path, bad_value):
    data = full_record().to_dict()
    *parents, key = path
    target = data
    for part in parents:
        target = target[part]
    target[key] = bad_value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, record_schema())


def test_schema_requires_every_field_of_the_record():
    assert record_schema()["required"] == ["id", "meta", "text", "sentences", "entities", "times", "quotes", "events"]


def test_record_id_ignores_line_wrapping_but_not_the_url():
    text = "Merkel reist nach Paris. Dort trifft sie Macron."
    rewrapped = "Merkel reist nach Paris.\nDort trifft  sie Macron."
    assert record_id(text, "https://a.de/1") == record_id(rewrapped, "https://a.de/1")
    assert record_id(text, "https://a.de/1") != record_id(text, "https://b.de/1")
    assert record_id(text, None) != record_id(text + " Neu.", None)
