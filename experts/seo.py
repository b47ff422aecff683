"""What search engines read about an expert: a schema.org Person."""

from library.pictures import picture_url


def person(expert, request):
    data = {
        "@type": "Person",
        "name": expert.name,
        "url": request.build_absolute_uri(expert.get_absolute_url()),
    }
    if expert.role:
        data["jobTitle"] = expert.role
    if url := picture_url(expert.portrait, "square"):
        data["image"] = request.build_absolute_uri(url)
    return data
