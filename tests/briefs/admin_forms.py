"""The admin's brief form as a browser posts it."""


def inline(prefix, rows=()):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{field}": value for field, value in row.items()})
    return data


BUTTONS = {
    "draft": "_save_draft",
    "review": "_send_to_review",
    "published": "_publish",
    "withdrawn": "_withdraw",
}


def brief_form(
    publication_type, *, authors=(), topics=(), regions=(), status="published", **fields
):
    """Add-form data for a brief; `authors` are (expert, position) pairs, and `status` names
    the workflow button pressed ("published": Publish now)."""
    data = {
        "source_language": "en",
        "title_en": "A New Brief",
        "title_ar": "",
        "slug_en": "",
        "slug_ar": "",
        "publication_type": str(publication_type.pk),
        "published_at_0": "2021-03-04",
        "published_at_1": "10:00:00",
        BUTTONS[status]: "pressed",
        "summary_en": "",
        "summary_ar": "",
        "body_en": "<p>Body.</p>",
        "body_ar": "",
        "author_note_en": "",
        "author_note_ar": "",
        "original_outlet_name_en": "",
        "original_outlet_name_ar": "",
        "original_outlet_url": "",
        **inline(
            "authorships",
            [{"expert": str(expert.pk), "position": str(position)} for expert, position in authors],
        ),
        **inline("brieftopic_set", [{"topic": str(topic.pk)} for topic in topics]),
        **inline("briefregion_set", [{"region": str(region.pk)} for region in regions]),
        **inline("recommendations"),
        **inline("attachments"),
    }
    data.update(fields)
    return data
